import { Injectable } from '@nestjs/common';
import { Agency } from '../agencies/agency.entity';
import { AuditService } from '../audit/audit.service';
import { Child } from '../children/child.entity';
import { ChildrenService } from '../children/children.service';
import type { Caller } from '../common/auth/caller';
import { isNational } from '../common/auth/caller';
import { applyScope } from '../common/auth/scope';
import { Database } from '../common/database/database.service';
import { Conflict, FieldError, Forbidden, GuardFailed, TransitionNotAllowed, ValidationFailed } from '../common/errors/domain-errors';
import { checkIfMatch } from '../common/http/etag';
import { Page, paginate } from '../common/http/pagination';
import { findOneById } from '../common/database/find-one';
import { allowedActions, applyTransition, assertRoleMayEverTake } from '../common/state-machine/transition-table';
import { today as todayIn } from '../common/time/calendar';
import { FacilitiesService } from '../facilities/facilities.service';
import { ResidentCounts } from '../facilities/resident-counts';
import { CareEpisodeEvent } from './care-episode-event.entity';
import { CareEpisode } from './care-episode.entity';
import { CareReview } from './care-review.entity';
import { RESIDENT_STATUSES, type VisitRatings } from './domain/care-episode';
import { careEpisodeTransitions, type EpisodeAction, type EpisodeFacts } from './domain/care-episode.transitions';
import { ageOn, nextReviewDue, nextVisitDue, ratedWell } from './domain/schedules';
import {
  AdmitRequest,
  ChangePlacementRequest,
  CloseEpisodeRequest,
  CreateEpisodeRequest,
  CreateReviewRequest,
  CreateVisitRequest,
  EpisodeListQuery,
  EpisodeView,
  ReviewView,
  StartReintegrationRequest,
  TransferRequest,
  VisitView,
} from './dto/care-episode.dto';
import { episodeConditions } from './episode-filters';
import { FollowUpVisit } from './follow-up-visit.entity';

/** Any action's body: the fields each action reads, all optional here, required by its DTO. */
export type EpisodeActionBody = { occurredOn?: string; reason?: string; note?: string } & Partial<
  Omit<AdmitRequest, 'occurredOn'> &
    Omit<ChangePlacementRequest, 'occurredOn'> &
    Omit<TransferRequest, 'occurredOn' | 'reason'> &
    Omit<StartReintegrationRequest, 'occurredOn'>
>;

/**
 * Episodes a caller may see: those its agency is responsible for or whose child lives in a facility
 * its agency operates (ngo_worker), or those managed in its provinces. Expressions over alias `e`.
 */
export const EPISODE_SCOPE = {
  agencyIds: `ARRAY[e.responsible_agency_id, (SELECT sf.operator_agency_id FROM facilities sf WHERE sf.id = e.facility_id)]`,
  provinceCodes: 'ARRAY[e.province_code]',
};

@Injectable()
export class CareEpisodesService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly children: ChildrenService,
    private readonly facilities: FacilitiesService,
    private readonly residents: ResidentCounts,
  ) {}

  private scoped(caller: Caller) {
    return applyScope(this.db.manager.createQueryBuilder(CareEpisode, 'e'), caller, EPISODE_SCOPE);
  }

  findInScope(caller: Caller, id: string, lock = false): Promise<CareEpisode> {
    return findOneById(this.scoped(caller), id, 'care episode', lock);
  }

  /**
   * An ngo_worker sees the children living in facilities its agency runs, but records progress only
   * on the episodes its agency is responsible for.
   */
  private async findForWork(caller: Caller, id: string): Promise<CareEpisode> {
    const episode = await this.findInScope(caller, id, true);
    if (caller.role === 'ngo_worker' && episode.responsibleAgencyId !== caller.agencyId) {
      throw new Forbidden('Your agency is not responsible for this case: you may read it, not act on it.');
    }
    return episode;
  }

  async refer(caller: Caller, request: CreateEpisodeRequest): Promise<EpisodeView> {
    const child = await this.children.findInScope(caller, request.childId, true);
    const errors: FieldError[] = [];
    if (!(await this.db.manager.existsBy(Agency, { id: request.responsibleAgencyId }))) {
      errors.push({ field: 'responsibleAgencyId', messages: ['no agency has this id'] });
    }
    if (caller.role === 'ngo_worker' && request.responsibleAgencyId !== caller.agencyId) {
      errors.push({ field: 'responsibleAgencyId', messages: ['an ngo_worker refers children for its own agency'] });
    }
    if (!isNational(caller) && caller.role !== 'ngo_worker' && !caller.provinceCodes.includes(request.provinceCode)) {
      errors.push({ field: 'provinceCode', messages: ['you may only open cases in your provinces'] });
    }
    if (errors.length > 0) throw new ValidationFailed(errors);
    if (request.referredOn > todayIn()) throw new GuardFailed('refer', 'occurred_on_not_in_future');
    if (request.referredOn < child.dateOfBirth) throw new GuardFailed('refer', 'occurred_on_not_before_birth');
    const open = await this.db.manager
      .createQueryBuilder(CareEpisode, 'o')
      .where(`o.child_id = :id AND o.status <> 'closed'`, { id: child.id })
      .getOne();
    if (open) throw new Conflict('OPEN_EPISODE_EXISTS', 'This child already has an open care episode.', { openEpisodeId: open.id });

    const episode = await this.db.manager.save(
      this.db.manager.create(CareEpisode, {
        childId: child.id,
        responsibleAgencyId: request.responsibleAgencyId,
        provinceCode: request.provinceCode,
        status: 'referred',
        referredOn: request.referredOn,
        reasons: request.reasons,
        lastEventOn: request.referredOn,
      }),
    );
    const returning = await this.db.manager
      .createQueryBuilder(CareEpisode, 'earlier')
      .where('earlier.child_id = :childId AND earlier.id <> :id', { childId: child.id, id: episode.id })
      .getExists();
    await this.recordEvent(caller, episode, 'refer', null, request.referredOn, null, { reasons: request.reasons, reEntry: returning });
    return this.view(caller, episode);
  }

  async get(caller: Caller, id: string): Promise<EpisodeView> {
    const episode = await this.findInScope(caller, id);
    await this.audit.record({ action: 'care_episode.read', entityType: 'care_episode', entityId: id });
    return this.view(caller, episode);
  }

  async list(caller: Caller, query: EpisodeListQuery): Promise<Page<EpisodeView>> {
    const qb = this.scoped(caller);
    const conditions = episodeConditions('e', query, todayIn());
    for (const condition of conditions.sql) qb.andWhere(condition);
    qb.setParameters({ ...qb.getParameters(), ...conditions.params });
    if (query.childId) qb.andWhere('e.child_id = :childId', { childId: query.childId });
    const page = await paginate(qb, query);
    await this.audit.record({ action: 'care_episode.list', entityType: 'care_episode', changes: { episodeIds: page.items.map((e) => e.id) } });
    return { items: page.items.map((e) => this.view(caller, e)), nextCursor: page.nextCursor };
  }

  async act(caller: Caller, id: string, action: EpisodeAction, body: EpisodeActionBody, ifMatch?: string): Promise<EpisodeView> {
    assertRoleMayEverTake(careEpisodeTransitions, action, caller.role);
    const episode = await this.findForWork(caller, id);
    checkIfMatch(ifMatch, episode);
    const today = todayIn();
    const occurredOn = body.occurredOn ?? today;
    const child = await this.db.manager.findOneByOrFail(Child, { id: episode.childId });
    const target = body.facilityId && (action === 'admit' || action === 'transfer') ? await this.targetFacility(caller, body.facilityId, episode) : undefined;
    const facts: EpisodeFacts = {
      today,
      occurredOn,
      lastEventOn: episode.lastEventOn,
      from: episode.status,
      reasons: episode.reasons,
      childAgeOnOccurrence: ageOn(child.dateOfBirth, occurredOn),
      targetFacility: target,
      under3Justification: body.under3Justification,
      alternativesConsidered: body.alternativesConsidered,
      familyAssessedOn: body.familyAssessedOn,
      planAgreedOn: body.planAgreedOn,
      familyTracedOn: body.familyTracedOn,
      closeReason: action === 'close' ? (body.reason as CloseEpisodeRequest['reason']) : undefined,
      placedOn: episode.placedOn,
      visitsSincePlacement: episode.visitsSincePlacement,
      lastVisitRatedWell: episode.lastVisitRatedWell,
    };
    const from = episode.status;
    const to = applyTransition(careEpisodeTransitions, { action, from, role: caller.role, facts });
    const payload = this.applyEffects(episode, action, body, occurredOn, target?.provinceCode);
    episode.status = to;
    episode.lastEventOn = occurredOn;
    episode.version += 1;
    await this.db.manager.save(CareEpisode, episode);
    await this.recordEvent(caller, episode, action, from, occurredOn, body.reason ?? body.previousEndReason ?? null, payload);
    return this.view(caller, episode);
  }

  /** What each action changes on the episode besides its status; answers the event's payload. */
  private applyEffects(episode: CareEpisode, action: EpisodeAction, body: EpisodeActionBody, occurredOn: string, targetProvince?: string) {
    const leaveFacility = () => Object.assign(episode, { facilityId: null, residentialSince: null, lastReviewOn: null, nextReviewDue: null });
    const leavePlacement = () =>
      Object.assign(episode, { placementType: null, carerName: null, carerRelationship: null, placedOn: null, visitsSincePlacement: 0, lastVisitOn: null, lastVisitRatedWell: null, nextVisitDue: null });
    switch (action) {
      case 'admit':
      case 'transfer':
        Object.assign(episode, { facilityId: body.facilityId, provinceCode: targetProvince ?? episode.provinceCode });
        if (action === 'admit') Object.assign(episode, { residentialSince: occurredOn, lastReviewOn: null, nextReviewDue: nextReviewDue(occurredOn, null) });
        return action === 'admit'
          ? { facilityId: body.facilityId, justification: body.justification, alternativesConsidered: body.alternativesConsidered, under3Justification: body.under3Justification ?? null }
          : { facilityId: body.facilityId };
      case 'placeInFamily':
      case 'changePlacement':
        leaveFacility();
        Object.assign(episode, {
          placementType: body.placementType,
          carerName: body.carerName,
          carerRelationship: body.carerRelationship ?? null,
          provinceCode: body.provinceCode,
          placedOn: occurredOn,
          visitsSincePlacement: 0,
          lastVisitOn: null,
          lastVisitRatedWell: null,
          nextVisitDue: nextVisitDue(occurredOn, 0),
          targetPlacementType: null,
        });
        return {
          placementType: body.placementType,
          carerName: body.carerName,
          carerRelationship: body.carerRelationship ?? null,
          familyAssessedOn: body.familyAssessedOn ?? null,
          planAgreedOn: body.planAgreedOn ?? null,
        };
      case 'startReintegration':
        Object.assign(episode, { targetPlacementType: body.targetPlacementType, familyTracedOn: body.familyTracedOn });
        return { targetPlacementType: body.targetPlacementType, familyTracedOn: body.familyTracedOn };
      case 'abandonReintegration':
        Object.assign(episode, { targetPlacementType: null });
        return {};
      case 'reportBreakdown':
        leavePlacement();
        return { breakdown: true, reEntry: true };
      case 'close':
      case 'closeAtAssessment':
        leaveFacility();
        leavePlacement();
        Object.assign(episode, { closedOn: occurredOn, closeReason: action === 'close' ? body.reason : null });
        return action === 'close' ? { closeReason: body.reason, note: body.note ?? null } : {};
      case 'startAssessment':
        return {};
    }
  }

  private async targetFacility(caller: Caller, facilityId: string, episode: CareEpisode) {
    // Locked, so two admissions cannot both take the last place.
    const facility = await this.facilities.findInScope(caller, facilityId, true);
    return {
      status: facility.status,
      capacity: facility.capacity,
      residents: await this.residents.forFacility(facility.id),
      isCurrent: facility.id === episode.facilityId,
      provinceCode: facility.provinceCode,
    };
  }

  async events(caller: Caller, id: string) {
    await this.findInScope(caller, id);
    await this.audit.record({ action: 'care_episode.read_events', entityType: 'care_episode', entityId: id });
    return this.db.manager.find(CareEpisodeEvent, { where: { episodeId: id }, order: { occurredOn: 'ASC', recordedAt: 'ASC' } });
  }

  async addReview(caller: Caller, id: string, request: CreateReviewRequest): Promise<ReviewView> {
    const episode = await this.findForWork(caller, id);
    if (!RESIDENT_STATUSES.includes(episode.status)) {
      throw new TransitionNotAllowed('recordReview', episode.status, allowedActions(careEpisodeTransitions, episode.status, caller.role));
    }
    this.checkRecordDate('reviewedOn', request.reviewedOn, episode.residentialSince!);
    const review = await this.db.manager.save(
      this.db.manager.create(CareReview, { episodeId: id, reviewedOn: request.reviewedOn, summary: request.summary, recordedById: caller.userId }),
    );
    const lastReviewOn = episode.lastReviewOn && episode.lastReviewOn > request.reviewedOn ? episode.lastReviewOn : request.reviewedOn;
    await this.db.manager.update(CareEpisode, { id }, { lastReviewOn, nextReviewDue: nextReviewDue(episode.residentialSince!, lastReviewOn), version: episode.version + 1 });
    await this.audit.record({ action: 'care_episode.review', entityType: 'care_episode', entityId: id, changes: { reviewId: review.id, reviewedOn: request.reviewedOn } });
    return review;
  }

  async reviews(caller: Caller, id: string): Promise<ReviewView[]> {
    await this.findInScope(caller, id);
    await this.audit.record({ action: 'care_episode.read_reviews', entityType: 'care_episode', entityId: id });
    return this.db.manager.find(CareReview, { where: { episodeId: id }, order: { reviewedOn: 'ASC' } });
  }

  async addVisit(caller: Caller, id: string, request: CreateVisitRequest): Promise<VisitView> {
    const episode = await this.findForWork(caller, id);
    if (episode.status !== 'family_based_care') {
      throw new TransitionNotAllowed('recordFollowUpVisit', episode.status, allowedActions(careEpisodeTransitions, episode.status, caller.role));
    }
    this.checkRecordDate('visitedOn', request.visitedOn, episode.placedOn!);
    const ratings: VisitRatings = { ...request.ratings };
    const visit = await this.db.manager.save(
      this.db.manager.create(FollowUpVisit, {
        episodeId: id,
        visitedOn: request.visitedOn,
        visitType: request.visitType,
        childSeen: request.childSeen,
        ratings,
        ratedWell: ratedWell(ratings),
        note: request.note ?? null,
        recordedById: caller.userId,
      }),
    );
    const visits = episode.visitsSincePlacement + 1;
    const isLatest = !episode.lastVisitOn || request.visitedOn >= episode.lastVisitOn;
    await this.db.manager.update(
      CareEpisode,
      { id },
      {
        visitsSincePlacement: visits,
        lastVisitOn: isLatest ? request.visitedOn : episode.lastVisitOn,
        lastVisitRatedWell: isLatest ? visit.ratedWell : episode.lastVisitRatedWell,
        nextVisitDue: nextVisitDue(episode.placedOn!, visits),
        version: episode.version + 1,
      },
    );
    await this.audit.record({
      action: 'care_episode.follow_up_visit',
      entityType: 'care_episode',
      entityId: id,
      changes: { visitId: visit.id, visitedOn: request.visitedOn, ratedWell: visit.ratedWell },
    });
    return visit;
  }

  async visits(caller: Caller, id: string): Promise<VisitView[]> {
    await this.findInScope(caller, id);
    await this.audit.record({ action: 'care_episode.read_visits', entityType: 'care_episode', entityId: id });
    return this.db.manager.find(FollowUpVisit, { where: { episodeId: id }, order: { visitedOn: 'ASC' } });
  }

  private checkRecordDate(field: string, date: string, notBefore: string): void {
    if (date > todayIn()) throw new ValidationFailed([{ field, messages: [`${field} may not be in the future`] }]);
    if (date < notBefore) throw new ValidationFailed([{ field, messages: [`${field} may not be before ${notBefore}, when the current stay or placement began`] }]);
  }

  private async recordEvent(
    caller: Caller,
    episode: CareEpisode,
    action: string,
    from: string | null,
    occurredOn: string,
    reason: string | null,
    payload: object,
  ): Promise<void> {
    await this.db.manager.insert(CareEpisodeEvent, {
      episodeId: episode.id,
      childId: episode.childId,
      action,
      fromStatus: from,
      toStatus: episode.status,
      occurredOn,
      actorId: caller.userId,
      actorRole: caller.role,
      actorAgencyId: caller.agencyId,
      responsibleAgencyId: episode.responsibleAgencyId,
      provinceCode: episode.provinceCode,
      facilityId: episode.facilityId,
      placementType: episode.placementType,
      reason,
      payload,
      reEntry: action === 'reportBreakdown' || (payload as { reEntry?: boolean }).reEntry === true,
    });
    // The audit log names the change, never the carer's name, the child's name or free text.
    await this.audit.record({
      action: `care_episode.${action}`,
      entityType: 'care_episode',
      entityId: episode.id,
      changes: {
        status: { from, to: episode.status },
        occurredOn,
        facilityId: episode.facilityId,
        placementType: episode.placementType,
        provinceCode: episode.provinceCode,
      },
    });
  }

  view(caller: Caller, e: CareEpisode): EpisodeView {
    const today = todayIn();
    return {
      id: e.id,
      childId: e.childId,
      responsibleAgencyId: e.responsibleAgencyId,
      provinceCode: e.provinceCode,
      status: e.status,
      allowedActions: allowedActions(careEpisodeTransitions, e.status, caller.role) as EpisodeAction[],
      referredOn: e.referredOn,
      reasons: e.reasons,
      facilityId: e.facilityId,
      residentialSince: e.residentialSince,
      lastReviewOn: e.lastReviewOn,
      nextReviewDue: e.nextReviewDue,
      reviewOverdue: RESIDENT_STATUSES.includes(e.status) && e.nextReviewDue !== null && e.nextReviewDue < today,
      targetPlacementType: e.targetPlacementType,
      familyTracedOn: e.familyTracedOn,
      placementType: e.placementType,
      carerName: e.carerName,
      carerRelationship: e.carerRelationship,
      placedOn: e.placedOn,
      visitsSincePlacement: e.visitsSincePlacement,
      lastVisitOn: e.lastVisitOn,
      nextVisitDue: e.nextVisitDue,
      visitOverdue: e.status === 'family_based_care' && e.nextVisitDue !== null && e.nextVisitDue < today,
      lastEventOn: e.lastEventOn,
      closedOn: e.closedOn,
      closeReason: e.closeReason,
      version: e.version,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    };
  }
}
