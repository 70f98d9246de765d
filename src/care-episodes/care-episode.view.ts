import type { Caller } from '../common/auth/caller';
import { allowedActions, creationAllowed } from '../common/state-machine/transition-table';
import { today as todayIn } from '../common/time/calendar';
import type { CareEpisode } from './care-episode.entity';
import { RESIDENT_STATUSES } from './domain/care-episode';
import { baseFacts } from './domain/care-episode.steps';
import { careEpisodeTransitions, type EpisodeStep } from './domain/care-episode.transitions';
import { handoverFactsOf, handoverTransitions, type HandoverAction } from './domain/handover.transitions';
import type { EpisodeView } from './dto/episode-views.dto';
import type { CaseHandover } from './handovers/case-handover.entity';

/**
 * What this caller may do next, from the same tables and who-may-act guards that decide the answer:
 * its role, the status, whose case it is, and the handover open on it.
 */
export function episodeActions(caller: Caller, e: CareEpisode, pending: CaseHandover | null, today: string): (EpisodeStep | HandoverAction)[] {
  // The guards applied when reading look only at who acts and whose case it is, not at the child.
  const facts = baseFacts(e, today, { role: caller.role, agencyId: caller.agencyId, today, childDateOfBirth: e.referredOn });
  const steps = allowedActions(careEpisodeTransitions, e.status, caller.role, facts) as EpisodeStep[];
  const handoverFacts = handoverFactsOf(e, pending, caller, today);
  const handover = pending
    ? (allowedActions(handoverTransitions, 'requested', caller.role, handoverFacts) as HandoverAction[])
    : creationAllowed(handoverTransitions, 'requestHandover', caller.role, handoverFacts)
      ? (['requestHandover'] as const)
      : [];
  return [...steps, ...handover];
}

/** An episode as the API answers it, with what this caller may do next and whether it is overdue (the service adds its places' names). */
export function episodeView(caller: Caller, e: CareEpisode, pending: CaseHandover | null, today = todayIn()): Omit<EpisodeView, 'placementPlaces'> {
  return {
    id: e.id,
    childId: e.childId,
    responsibleAgencyId: e.responsibleAgencyId,
    provinceCode: e.provinceCode,
    status: e.status,
    allowedActions: episodeActions(caller, e, pending, today),
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
    externalId: e.externalId,
    placementDistrictCode: e.placementDistrictCode,
    placementCommuneCode: e.placementCommuneCode,
    placementVillageCode: e.placementVillageCode,
    placedOn: e.placedOn,
    visitsSincePlacement: e.visitsSincePlacement,
    lastVisitOn: e.lastVisitOn,
    nextVisitDue: e.nextVisitDue,
    visitOverdue: e.status === 'family_based_care' && e.nextVisitDue !== null && e.nextVisitDue < today,
    lastEventOn: e.lastEventOn,
    closedOn: e.closedOn,
    closeReason: e.closeReason,
    pendingHandover: pending && {
      id: pending.id,
      fromAgencyId: pending.fromAgencyId,
      toAgencyId: pending.toAgencyId,
      status: pending.status,
      reason: pending.reason,
      requestedById: pending.requestedById,
      requestedOn: pending.requestedOn,
    },
    version: e.version,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}
