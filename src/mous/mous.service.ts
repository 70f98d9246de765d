import { Injectable } from '@nestjs/common';
import { applyScope } from '../common/auth/scope';
import { findOneById } from '../common/database/find-one';
import type { Acting, UnitOfWork } from '../common/database/unit-of-work';
import { updateVersioned } from '../common/database/versioned-update';
import { checkIfMatch } from '../common/http/etag';
import { Page, paginate } from '../common/http/pagination';
import { runStep } from '../common/state-machine/steps';
import { applyCreation } from '../common/state-machine/transition-table';
import { addDays, today as todayIn } from '../common/time/calendar';
import { FacilitiesService, facilityScope } from '../facilities/facilities.service';
import { RegistryEventsService } from '../registry-events/registry-events.service';
import { effectiveMouStatus, MOU_IN_FORCE_SQL, type MouStoredStatus } from './domain/mou';
import { mouEffects, type ActivateBody, type RenewBody, type TerminateBody } from './domain/mou.effects';
import { mouTransitions, type MouFacts } from './domain/mou.transitions';
import { CreateMouRequest, MouListQuery, MouView } from './dto/mou.dto';
import { Mou } from './mou.entity';
import { mouView, type MouWithFacility } from './mou.view';

@Injectable()
export class MousService {
  constructor(
    private readonly facilities: FacilitiesService,
    private readonly events: RegistryEventsService,
  ) {}

  /** MoUs are in scope when their facility is. */
  scoped(caller: Acting) {
    const query = caller.work.manager.createQueryBuilder(Mou, 'm').innerJoinAndSelect('m.facility', 'f');
    return applyScope(query, caller, facilityScope());
  }

  async findInScope(caller: Acting, id: string, lock = false): Promise<MouWithFacility> {
    return (await findOneById(this.scoped(caller), id, 'MoU', lock)) as MouWithFacility;
  }

  async create(caller: Acting, request: CreateMouRequest): Promise<MouView> {
    const facility = await this.facilities.findInScope(caller, request.facilityId);
    const facts = { ...this.noFacts(todayIn()), facilityClosed: facility.status === 'closed' };
    const status = applyCreation(mouTransitions, { action: 'draft', role: caller.role, facts }) as MouStoredStatus;
    const mou = await caller.work.manager.save(caller.work.manager.create(Mou, { facilityId: facility.id, referenceNumber: request.referenceNumber, status }));
    await this.events.record(caller.work, { entityType: 'mou', entityId: mou.id, action: 'create', from: null, to: 'draft', payload: { facilityId: facility.id } });
    return mouView(caller, { ...mou, facility });
  }

  async get(caller: Acting, id: string): Promise<MouView> {
    return mouView(caller, await this.findInScope(caller, id));
  }

  async list(caller: Acting, query: MouListQuery): Promise<Page<MouView>> {
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
    return { items: page.items.map((m) => mouView(caller, m as MouWithFacility, today)), nextCursor: page.nextCursor };
  }

  async activate(caller: Acting, id: string, request: ActivateBody, ifMatch?: string): Promise<MouView> {
    const mou = await this.findInScope(caller, id, true);
    checkIfMatch(ifMatch, mou);
    const today = todayIn();
    // Lock the facility's MoUs so two activations for one facility cannot both pass the guard.
    const siblings = await caller.work.manager
      .createQueryBuilder(Mou, 'm')
      .where('m.facility_id = :facilityId AND m.id <> :id', { facilityId: mou.facilityId, id })
      .setLock('pessimistic_write')
      .getMany();
    const facts: MouFacts = {
      ...this.baseFacts(mou, today),
      otherActiveMou: siblings.some((m) => m.id !== mou.renewalOfId && effectiveMouStatus(m, today) === 'active'),
    };
    const step = runStep(mouTransitions, mouEffects.activate, { action: 'activate', record: mou, body: request, role: caller.role, facts, from: effectiveMouStatus(mou, today) });
    // A renewal supersedes the MoU it renews; any other that was active has expired, and is superseded too.
    for (const old of siblings.filter((m) => m.status === 'active')) {
      const from = effectiveMouStatus(old, today);
      const superseded = runStep(mouTransitions, mouEffects.supersede, { action: 'supersede', record: old, body: { supersededById: id }, role: 'system', facts, from });
      await updateVersioned(caller.work.manager, Mou, old, { status: 'superseded' });
      await this.events.record(caller.work, { entityType: 'mou', entityId: old.id, action: 'supersede', from, to: superseded.to, payload: superseded.payload });
    }
    await this.save(caller.work, mou, { ...step.changes, status: 'active' });
    await this.events.record(caller.work, { entityType: 'mou', entityId: id, action: 'activate', from: step.from, to: effectiveMouStatus(mou, today), payload: step.payload });
    return mouView(caller, mou, today);
  }

  async terminate(caller: Acting, id: string, request: TerminateBody, ifMatch?: string): Promise<MouView> {
    const mou = await this.findInScope(caller, id, true);
    checkIfMatch(ifMatch, mou);
    const today = todayIn();
    const from = effectiveMouStatus(mou, today);
    const step = runStep(mouTransitions, mouEffects.terminate, { action: 'terminate', record: mou, body: request, role: caller.role, facts: this.baseFacts(mou, today), from });
    await this.save(caller.work, mou, { ...step.changes, status: 'terminated' });
    await this.events.record(caller.work, { entityType: 'mou', entityId: id, action: 'terminate', from, to: step.to, reason: step.reason ?? null, payload: step.payload });
    return mouView(caller, mou, today);
  }

  /** Answers the new draft, linked to the MoU it renews. */
  async renew(caller: Acting, id: string, request: RenewBody, ifMatch?: string): Promise<MouView> {
    const mou = await this.findInScope(caller, id, true);
    checkIfMatch(ifMatch, mou);
    const today = todayIn();
    const from = effectiveMouStatus(mou, today);
    const hasPendingRenewal = await caller.work.manager.existsBy(Mou, { renewalOfId: id, status: 'draft' });
    const facts = { ...this.baseFacts(mou, today), hasPendingRenewal };
    runStep(mouTransitions, mouEffects.renew, { action: 'renew', record: mou, body: request, role: caller.role, facts, from });
    const draft = await caller.work.manager.save(
      caller.work.manager.create(Mou, { facilityId: mou.facilityId, referenceNumber: request.referenceNumber, status: 'draft', renewalOfId: id }),
    );
    await this.events.record(caller.work, { entityType: 'mou', entityId: id, action: 'renew', from, to: from, payload: { renewalId: draft.id } });
    await this.events.record(caller.work, { entityType: 'mou', entityId: draft.id, action: 'create', from: null, to: 'draft', payload: { renewalOfId: id } });
    return mouView(caller, { ...draft, facility: mou.facility }, today);
  }

  private async save(work: UnitOfWork, mou: MouWithFacility, changes: Partial<Mou>): Promise<void> {
    const { facility, ...row } = mou;
    await updateVersioned(work.manager, Mou, row as Mou, changes);
    Object.assign(mou, row, { facility });
  }

  private noFacts(today: string): MouFacts {
    return { today, isRenewal: false, otherActiveMou: false, facilityClosed: false, hasPendingRenewal: false };
  }

  private baseFacts(mou: MouWithFacility, today: string): MouFacts {
    return { ...this.noFacts(today), isRenewal: mou.renewalOfId !== null, facilityClosed: mou.facility.status === 'closed' };
  }
}
