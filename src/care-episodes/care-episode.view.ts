import type { Caller } from '../common/auth/caller';
import { allowedActions } from '../common/state-machine/transition-table';
import { today as todayIn } from '../common/time/calendar';
import type { CareEpisode } from './care-episode.entity';
import { RESIDENT_STATUSES } from './domain/care-episode';
import { careEpisodeTransitions, type EpisodeStep } from './domain/care-episode.transitions';
import type { EpisodeView } from './dto/episode-views.dto';

/** An episode as the API answers it, with what this caller may do next and whether it is overdue. */
export function episodeView(caller: Caller, e: CareEpisode, today = todayIn()): EpisodeView {
  return {
    id: e.id,
    childId: e.childId,
    responsibleAgencyId: e.responsibleAgencyId,
    provinceCode: e.provinceCode,
    status: e.status,
    allowedActions: allowedActions(careEpisodeTransitions, e.status, caller.role) as EpisodeStep[],
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
