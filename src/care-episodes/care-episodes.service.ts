import { Injectable } from '@nestjs/common';
import { Agency } from '../agencies/agency.entity';
import { AuditService } from '../audit/audit.service';
import { ChildrenService } from '../children/children.service';
import { isNational } from '../common/auth/caller';
import type { Acting } from '../common/database/unit-of-work';
import { updateVersioned } from '../common/database/versioned-update';
import { Conflict, FieldError, ValidationFailed } from '../common/errors/domain-errors';
import { checkIfMatch } from '../common/http/etag';
import { Page, paginate } from '../common/http/pagination';
import { paginateSorted } from '../common/http/sorting';
import { assertRoleMayEverTake } from '../common/state-machine/transition-table';
import { today as todayIn } from '../common/time/calendar';
import { FacilitiesService } from '../facilities/facilities.service';
import { CareEpisodeEvent } from './care-episode-event.entity';
import { CareEpisode } from './care-episode.entity';
import { episodeView } from './care-episode.view';
import type { EpisodeBodies, ReferBody } from './domain/care-episode.bodies';
import { afterStep, episodeEvent, runEpisodeStep, runReferral, targetFacilityOf, type StepContext } from './domain/care-episode.steps';
import { careEpisodeTransitions, type EpisodeStep } from './domain/care-episode.transitions';
import { EPISODE_SORT_KEYS, EpisodeListQuery } from './dto/episode-list.dto';
import { EpisodeListItem, EpisodeView } from './dto/episode-views.dto';
import { PlacesService } from '../places/places.service';
import { EpisodeAccess } from './episode-access';
import type { CaseHandover } from './handovers/case-handover.entity';
import { EpisodeEvents } from './episode-events';
import { episodeConditions } from './episode-filters';
import { ResidentCounts } from './resident-counts';

/** Referrals, reads and every step of an episode: load, check against the table, change, record, in one transaction. */
@Injectable()
export class CareEpisodesService {
  constructor(
    private readonly audit: AuditService,
    private readonly access: EpisodeAccess,
    private readonly episodeEvents: EpisodeEvents,
    private readonly children: ChildrenService,
    private readonly facilities: FacilitiesService,
    private readonly residents: ResidentCounts,
    private readonly places: PlacesService,
  ) {}

  async refer(caller: Acting, request: ReferBody & { externalId?: string }): Promise<EpisodeView> {
    assertRoleMayEverTake(careEpisodeTransitions, 'refer', caller.role);
    const child = await this.children.findInScope(caller, request.childId, true);
    await this.checkReferral(caller, request);
    const returning = await caller.work.manager.existsBy(CareEpisode, { childId: child.id });
    const { state, outcome } = runReferral(request, returning, { role: caller.role, agencyId: caller.agencyId, today: todayIn(), childDateOfBirth: child.dateOfBirth });
    const open = await caller.work.manager.createQueryBuilder(CareEpisode, 'o').where(`o.child_id = :id AND o.status <> 'closed'`, { id: child.id }).getOne();
    if (open) throw new Conflict('OPEN_EPISODE_EXISTS', 'This child already has an open care episode.', { openEpisodeId: open.id });
    // The case's external id belongs to its responsible agency's case system.
    if (request.externalId) {
      const [taken] = await caller.work.manager.query<{ id: string }[]>('SELECT id FROM care_episodes WHERE external_agency_id = $1 AND external_id = $2', [request.responsibleAgencyId, request.externalId]);
      if (taken) throw new Conflict('EXTERNAL_ID_EXISTS', 'The responsible agency already gave this externalId to a case.', { existingId: taken.id });
    }
    const episode = await caller.work.manager.save(
      caller.work.manager.create(CareEpisode, { ...state, externalId: request.externalId ?? null, externalAgencyId: request.externalId ? request.responsibleAgencyId : null }),
    );
    await this.episodeEvents.record(caller, episodeEvent(episode.id, episode, 'refer', null, request.referredOn, outcome));
    return { ...episodeView(caller, episode, null), placementPlaces: await this.places.named({ provinceCode: episode.provinceCode }) };
  }

  private async checkReferral(caller: Acting, request: ReferBody): Promise<void> {
    const errors: FieldError[] = [];
    if (!(await caller.work.manager.existsBy(Agency, { id: request.responsibleAgencyId }))) {
      errors.push({ field: 'responsibleAgencyId', messages: ['no agency has this id'] });
    }
    if (caller.role === 'ngo_worker' && request.responsibleAgencyId !== caller.agencyId) {
      errors.push({ field: 'responsibleAgencyId', messages: ['an ngo_worker refers children for its own agency'] });
    }
    if (!isNational(caller) && caller.role !== 'ngo_worker' && !caller.provinceCodes.includes(request.provinceCode)) {
      errors.push({ field: 'provinceCode', messages: ['you may only open cases in your provinces'] });
    }
    if (errors.length > 0) throw new ValidationFailed(errors);
  }

  async get(caller: Acting, id: string): Promise<EpisodeView> {
    const { episode, handover } = await this.access.findWithHandover(caller, id);
    this.audit.record(caller.work, { action: 'care_episode.read', entityType: 'care_episode', entityId: id });
    return (await this.views(caller, [episode], new Map(handover ? [[episode.id, handover]] : [])))[0];
  }

  async list(caller: Acting, query: EpisodeListQuery): Promise<Page<EpisodeListItem>> {
    const qb = this.access.scoped(caller);
    const conditions = episodeConditions('e', query, todayIn());
    for (const condition of conditions.sql) qb.andWhere(condition);
    qb.setParameters({ ...qb.getParameters(), ...conditions.params });
    if (query.childId) qb.andWhere('e.child_id = :childId', { childId: query.childId });
    if (query.externalId) qb.andWhere('e.external_id = :externalId', { externalId: query.externalId });
    const page = await paginateSorted(qb, query, EPISODE_SORT_KEYS, paginate);
    const childIds = [...new Set(page.items.map((e) => e.childId))];
    const named = childIds.length ? await this.children.scoped(caller).andWhere('c.id IN (:...childIds)', { childIds }).getMany() : [];
    const names = new Map(named.map((c) => [c.id, c]));
    const codes = await this.children.systemCodes(caller.work, childIds);
    this.audit.record(caller.work, {
      action: 'care_episode.list',
      entityType: 'care_episode',
      changes: { episodeIds: page.items.map((e) => e.id), namedChildIds: named.map((c) => c.id) },
    });
    const views = await this.views(caller, page.items);
    const items = views.map((view) => {
      const child = names.get(view.childId);
      const naming = child ? { childGivenName: child.givenName, childFamilyName: child.familyName, childGivenNameKm: child.givenNameKm, childFamilyNameKm: child.familyNameKm } : {};
      return { ...view, childSystemCode: codes.get(view.childId)!, ...naming };
    });
    return { items, nextCursor: page.nextCursor };
  }

  /** Episodes as the API answers them, each with the handover open on it (read here unless given). */
  async views(caller: Acting, episodes: CareEpisode[], known?: Map<string, CaseHandover>): Promise<EpisodeView[]> {
    const today = todayIn();
    const pending = known ?? (await this.access.pendingHandovers(caller.work, episodes.map((e) => e.id)));
    const views: EpisodeView[] = [];
    for (const e of episodes) {
      const placementPlaces = await this.places.named({ provinceCode: e.provinceCode, districtCode: e.placementDistrictCode, communeCode: e.placementCommuneCode, villageCode: e.placementVillageCode });
      views.push({ ...episodeView(caller, e, pending.get(e.id) ?? null, today), placementPlaces });
    }
    return views;
  }

  async events(caller: Acting, id: string): Promise<CareEpisodeEvent[]> {
    await this.access.findInScope(caller, id);
    this.audit.record(caller.work, { action: 'care_episode.read_events', entityType: 'care_episode', entityId: id });
    return this.episodeEvents.list(caller.work, id);
  }

  /**
   * Runs one step on a locked episode. Steps that are events of the episode are recorded as such;
   * reviews and visits call `step` and keep their own rows.
   */
  async act<A extends EpisodeStep>(caller: Acting, id: string, action: A, body: EpisodeBodies[A], ifMatch?: string): Promise<EpisodeView> {
    if (action === 'placeInFamily' || action === 'changePlacement') {
      const placement = body as EpisodeBodies['placeInFamily'];
      await this.places.check({ provinceCode: placement.provinceCode, districtCode: placement.districtCode, communeCode: placement.communeCode, villageCode: placement.villageCode });
    }
    const { episode, result } = await this.step(caller, id, action, body, ifMatch, true);
    await this.episodeEvents.record(caller, episodeEvent(episode.id, episode, action, result.from, result.occurredOn, result.outcome));
    return (await this.views(caller, [episode]))[0];
  }

  async step<A extends EpisodeStep>(caller: Acting, id: string, action: A, body: EpisodeBodies[A], ifMatch: string | undefined, recordsEvent: boolean) {
    assertRoleMayEverTake(careEpisodeTransitions, action, caller.role);
    const episode = await this.access.findForWork(caller, id);
    checkIfMatch(ifMatch, episode);
    const [child] = await caller.work.manager.query<{ date_of_birth: string }[]>('SELECT date_of_birth::text FROM children WHERE id = $1', [episode.childId]);
    const context: StepContext = { role: caller.role, agencyId: caller.agencyId, today: todayIn(), childDateOfBirth: child.date_of_birth };
    const targetId = targetFacilityOf(action, body);
    if (targetId) context.targetFacility = await this.targetFacility(caller, targetId);
    const result = runEpisodeStep(episode, action, body, context);
    await updateVersioned(caller.work.manager, CareEpisode, episode, afterStep(result, recordsEvent));
    return { episode, result };
  }

  private async targetFacility(caller: Acting, facilityId: string): Promise<StepContext['targetFacility']> {
    // Locked, so two admissions cannot both take the last place.
    const facility = await this.facilities.findInScope(caller, facilityId, true);
    return {
      id: facility.id,
      status: facility.status,
      capacity: facility.capacity,
      residents: await this.residents.forFacility(caller.work, facility.id),
      provinceCode: facility.provinceCode,
    };
  }
}
