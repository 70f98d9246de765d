import { Injectable } from '@nestjs/common';
import type { Caller } from '../common/auth/caller';
import { applyScope } from '../common/auth/scope';
import { Database } from '../common/database/database.service';
import { GuardFailed } from '../common/errors/domain-errors';
import { checkIfMatch } from '../common/http/etag';
import { Page, paginate } from '../common/http/pagination';
import { findOneById } from '../common/database/find-one';
import { allowedActions, applyTransition } from '../common/state-machine/transition-table';
import { addDays, today as todayIn } from '../common/time/calendar';
import { FacilitiesService, facilityScope } from '../facilities/facilities.service';
import { Facility } from '../facilities/facility.entity';
import { RegistryEventsService } from '../registry-events/registry-events.service';
import { defaultEndsOn, effectiveMouStatus, MOU_IN_FORCE_SQL } from './domain/mou';
import { mouTransitions, type MouFacts } from './domain/mou.transitions';
import { ActivateMouRequest, CreateMouRequest, MouListQuery, MouView, RenewMouRequest, TerminateMouRequest } from './dto/mou.dto';
import { Mou } from './mou.entity';

type MouWithFacility = Mou & { facility: Facility };

@Injectable()
export class MousService {
  constructor(
    private readonly db: Database,
    private readonly facilities: FacilitiesService,
    private readonly events: RegistryEventsService,
  ) {}

  /** MoUs are in scope when their facility is. */
  private scoped(caller: Caller) {
    const query = this.db.manager.createQueryBuilder(Mou, 'm').innerJoinAndSelect('m.facility', 'f');
    return applyScope(query, caller, facilityScope(caller));
  }

  async findInScope(caller: Caller, id: string, lock = false): Promise<MouWithFacility> {
    return (await findOneById(this.scoped(caller), id, 'MoU', lock)) as MouWithFacility;
  }

  async create(caller: Caller, request: CreateMouRequest): Promise<MouView> {
    const facility = await this.facilities.findInScope(caller, request.facilityId);
    if (facility.status === 'closed') throw new GuardFailed('create', 'facility_not_closed');
    const mou = await this.db.manager.save(
      this.db.manager.create(Mou, { facilityId: facility.id, referenceNumber: request.referenceNumber, status: 'draft' }),
    );
    await this.events.record({ entityType: 'mou', entityId: mou.id, action: 'create', from: null, to: 'draft', payload: { facilityId: facility.id } });
    return this.view(caller, { ...mou, facility });
  }

  async get(caller: Caller, id: string): Promise<MouView> {
    return this.view(caller, await this.findInScope(caller, id));
  }

  async list(caller: Caller, query: MouListQuery): Promise<Page<MouView>> {
    const today = todayIn();
    const qb = this.scoped(caller);
    if (query.facilityId) qb.andWhere('m.facility_id = :facilityId', { facilityId: query.facilityId });
    if (query.status === 'expired') qb.andWhere(`m.status = 'active' AND m.ends_on <= :today`, { today });
    else if (query.status === 'active') qb.andWhere(`m.status = 'active' AND m.ends_on > :today`, { today });
    else if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.expiringWithinDays !== undefined) {
      qb.andWhere(`${MOU_IN_FORCE_SQL} AND m.ends_on <= :horizon`, { today, horizon: addDays(today, query.expiringWithinDays) });
    }
    const page = await paginate(qb, query);
    return { items: page.items.map((m) => this.view(caller, m as MouWithFacility)), nextCursor: page.nextCursor };
  }

  async activate(caller: Caller, id: string, request: ActivateMouRequest, ifMatch?: string): Promise<MouView> {
    const mou = await this.findInScope(caller, id, true);
    checkIfMatch(ifMatch, mou);
    const today = todayIn();
    const endsOn = request.endsOn ?? defaultEndsOn(request.startsOn);
    // Lock the facility's MoUs so two activations for one facility cannot both pass the guard.
    const siblings = await this.db.manager
      .createQueryBuilder(Mou, 'm')
      .where('m.facility_id = :facilityId AND m.id <> :id', { facilityId: mou.facilityId, id })
      .setLock('pessimistic_write')
      .getMany();
    const facts: MouFacts = {
      ...this.baseFacts(mou, today),
      signedOn: request.signedOn,
      startsOn: request.startsOn,
      endsOn,
      isRenewal: mou.renewalOfId !== null,
      otherActiveMou: siblings.some(
        (m) => m.id !== mou.renewalOfId && effectiveMouStatus(m, today) === 'active',
      ),
    };
    const to = applyTransition(mouTransitions, { action: 'activate', from: effectiveMouStatus(mou, today), role: caller.role, facts });
    // A renewal supersedes the MoU it renews; any other that was active has expired, and is superseded too.
    for (const old of siblings.filter((m) => m.status === 'active')) {
      await this.db.manager.update(Mou, { id: old.id }, { status: 'superseded', version: old.version + 1 });
      await this.events.record({
        entityType: 'mou',
        entityId: old.id,
        action: 'supersede',
        from: effectiveMouStatus(old, today),
        to: 'superseded',
        payload: { supersededById: mou.id },
      });
    }
    Object.assign(mou, { status: to, signedOn: request.signedOn, startsOn: request.startsOn, endsOn, version: mou.version + 1 });
    await this.db.manager.save(Mou, stripFacility(mou));
    await this.events.record({
      entityType: 'mou',
      entityId: id,
      action: 'activate',
      from: 'draft',
      to: effectiveMouStatus(mou, today),
      payload: { signedOn: request.signedOn, startsOn: request.startsOn, endsOn },
    });
    return this.view(caller, mou);
  }

  async terminate(caller: Caller, id: string, request: TerminateMouRequest, ifMatch?: string): Promise<MouView> {
    const mou = await this.findInScope(caller, id, true);
    checkIfMatch(ifMatch, mou);
    const today = todayIn();
    const from = effectiveMouStatus(mou, today);
    const to = applyTransition(mouTransitions, { action: 'terminate', from, role: caller.role, facts: this.baseFacts(mou, today) });
    const terminatedOn = request.terminatedOn ?? today;
    Object.assign(mou, { status: to, terminationReason: request.reason, terminatedOn, version: mou.version + 1 });
    await this.db.manager.save(Mou, stripFacility(mou));
    await this.events.record({ entityType: 'mou', entityId: id, action: 'terminate', from, to, reason: request.reason, payload: { terminatedOn } });
    return this.view(caller, mou);
  }

  /** Answers the new draft, linked to the MoU it renews. */
  async renew(caller: Caller, id: string, request: RenewMouRequest, ifMatch?: string): Promise<MouView> {
    const mou = await this.findInScope(caller, id, true);
    checkIfMatch(ifMatch, mou);
    const today = todayIn();
    const from = effectiveMouStatus(mou, today);
    const hasPendingRenewal = await this.db.manager.existsBy(Mou, { renewalOfId: id, status: 'draft' });
    applyTransition(mouTransitions, { action: 'renew', from, role: caller.role, facts: { ...this.baseFacts(mou, today), hasPendingRenewal } });
    const draft = await this.db.manager.save(
      this.db.manager.create(Mou, { facilityId: mou.facilityId, referenceNumber: request.referenceNumber, status: 'draft', renewalOfId: id }),
    );
    await this.events.record({ entityType: 'mou', entityId: id, action: 'renew', from, to: from, payload: { renewalId: draft.id } });
    await this.events.record({ entityType: 'mou', entityId: draft.id, action: 'create', from: null, to: 'draft', payload: { renewalOfId: id } });
    return this.view(caller, { ...draft, facility: mou.facility });
  }

  private baseFacts(mou: MouWithFacility, today: string): MouFacts {
    return { today, isRenewal: mou.renewalOfId !== null, otherActiveMou: false, facilityClosed: mou.facility.status === 'closed', hasPendingRenewal: false };
  }

  view(caller: Caller, mou: MouWithFacility): MouView {
    const today = todayIn();
    const status = effectiveMouStatus(mou, today);
    return {
      id: mou.id,
      facilityId: mou.facilityId,
      operatorAgencyId: mou.facility.operatorAgencyId,
      referenceNumber: mou.referenceNumber,
      status,
      allowedActions: allowedActions(mouTransitions, status, caller.role),
      signedOn: mou.signedOn,
      startsOn: mou.startsOn,
      endsOn: mou.endsOn,
      renewalOfId: mou.renewalOfId,
      terminationReason: mou.terminationReason,
      terminatedOn: mou.terminatedOn,
      version: mou.version,
      createdAt: mou.createdAt,
      updatedAt: mou.updatedAt,
    };
  }
}

function stripFacility(mou: MouWithFacility): Mou {
  const { facility: _facility, ...rest } = mou;
  return rest;
}
