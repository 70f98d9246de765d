import { dateNotBefore, dateNotInFuture } from '../../common/state-machine/date-guards';
import { guard, guardOf } from '../../common/state-machine/transition-table';
import { addMonths } from '../../common/time/calendar';
import { FAMILY_OPTIONS, type CloseReason, type EpisodeStatus, type FamilyOption, type ReferralReason } from './care-episode';

/** Everything the guards look at, gathered by `episodeFacts` from the episode, the body and what the service loaded. */
export interface EpisodeFacts {
  today: string;
  /** When the step happened: `occurredOn` (default today), or `referredOn` for a referral. */
  occurredOn: string;
  /** The date of the episode's previous event. */
  lastEventOn: string;
  from: EpisodeStatus;
  reasons: readonly ReferralReason[];
  childDateOfBirth: string;
  childAgeOnOccurrence: number;
  /** The facility a child is admitted or transferred to. */
  targetFacility?: { status: string; capacity: number; residents: number; isCurrent: boolean };
  under3Justification?: string;
  alternativesConsidered?: readonly { option: FamilyOption; whyNotSuitable: string }[];
  familyAssessedOn?: string;
  planAgreedOn?: string;
  familyTracedOn?: string;
  closeReason?: CloseReason;
  residentialSince: string | null;
  placedOn: string | null;
  visitsSincePlacement: number;
  lastVisitRatedWell: boolean | null;
  reviewedOn?: string;
  visitedOn?: string;
  /** Who acts, and whose case it is: known when reading, so allowedActions applies the same rule. */
  actorRole: string;
  actorAgencyId: string | null;
  responsibleAgencyId: string;
  /** The reasons an amendment sends. */
  newReasons?: readonly ReferralReason[];
}

/** An NGO records progress only on the cases its agency is responsible for (it may read others, in its facilities). */
export const responsibleAgencyActs = guard<EpisodeFacts>(
  'not_your_agency_case',
  (f) => f.actorRole !== 'ngo_worker' || f.actorAgencyId === f.responsibleAgencyId,
  { whenReading: true, forbidden: true },
);
export const reasonsChanged = guard<EpisodeFacts>(
  'reasons_changed',
  (f) => !f.newReasons || [...f.newReasons].sort().join() !== [...f.reasons].sort().join(),
);

export const occurredNotInFuture = dateNotInFuture<EpisodeFacts>('occurredOn', (f) => f.occurredOn);
export const occurredNotBeforePreviousEvent = dateNotBefore<EpisodeFacts>('occurred_on_not_before_previous_event', (f) => f.occurredOn, (f) => f.lastEventOn);
export const referredNotBeforeBirth = dateNotBefore<EpisodeFacts>('occurred_on_not_before_birth', (f) => f.occurredOn, (f) => f.childDateOfBirth);

export const facilityAuthorized = guard<EpisodeFacts>('facility_authorized', (f) => f.targetFacility?.status === 'authorized');
export const facilityBelowCapacity = guard<EpisodeFacts>(
  'facility_below_capacity',
  (f) => !!f.targetFacility && (f.targetFacility.isCurrent || f.targetFacility.residents < f.targetFacility.capacity),
);
export const anotherFacility = guard<EpisodeFacts>('transfer_to_another_facility', (f) => !!f.targetFacility && !f.targetFacility.isCurrent);
/** UN Guidelines para 15: poverty alone never justifies removal into care. */
export const notPovertyAlone = guard<EpisodeFacts>('poverty_alone_is_not_a_reason', (f) => !(f.reasons.length === 1 && f.reasons[0] === 'poverty'));
export const under3Justified = guard<EpisodeFacts>(
  'under_3_exceptional_justification',
  (f) => f.childAgeOnOccurrence >= 3 || (f.under3Justification?.trim().length ?? 0) > 0,
);
export const familyOptionsConsidered = guard<EpisodeFacts>('family_based_options_considered', (f) =>
  FAMILY_OPTIONS.every((option) => f.alternativesConsidered?.some((a) => a.option === option && a.whyNotSuitable.trim().length > 0)),
);
/** From reintegration, the family assessment is recorded and the plan agreed in writing. */
export const reintegrationPrepared = guard<EpisodeFacts>(
  'family_assessed_and_plan_agreed',
  (f) => f.from !== 'reintegration' || (f.familyAssessedOn !== undefined && f.planAgreedOn !== undefined),
);
export const preparationNotAfterPlacement = guard<EpisodeFacts>('preparation_before_placement', (f) =>
  [f.familyAssessedOn, f.planAgreedOn].every((d) => d === undefined || d <= f.occurredOn),
);
export const familyTraced = guard<EpisodeFacts>('family_traced', (f) => f.familyTracedOn !== undefined && f.familyTracedOn <= f.occurredOn);
/** goals_met only after 6 months in the family, 4 follow-up visits, the last one rated well. */
export const goalsMetEarned = guardOf<EpisodeFacts>(
  ['goals_met_only_from_family_based_care', 'goals_met_after_6_months_in_family', 'goals_met_after_4_follow_up_visits', 'goals_met_last_visit_rated_well'],
  (f) => {
    if (f.closeReason !== 'goals_met') return null;
    if (f.from !== 'family_based_care' || !f.placedOn) return 'goals_met_only_from_family_based_care';
    if (f.occurredOn < addMonths(f.placedOn, 6)) return 'goals_met_after_6_months_in_family';
    if (f.visitsSincePlacement < 4) return 'goals_met_after_4_follow_up_visits';
    return f.lastVisitRatedWell ? null : 'goals_met_last_visit_rated_well';
  },
);
export const agedOutAt18 = guard<EpisodeFacts>('aged_out_at_18', (f) => f.closeReason !== 'aged_out' || f.childAgeOnOccurrence >= 18);

export const reviewedNotInFuture = dateNotInFuture<EpisodeFacts>('reviewedOn', (f) => f.reviewedOn);
export const reviewedDuringStay = dateNotBefore<EpisodeFacts>('reviewed_on_not_before_admission', (f) => f.reviewedOn, (f) => f.residentialSince);
export const visitedNotInFuture = dateNotInFuture<EpisodeFacts>('visitedOn', (f) => f.visitedOn);
export const visitedDuringPlacement = dateNotBefore<EpisodeFacts>('visited_on_not_before_placement', (f) => f.visitedOn, (f) => f.placedOn);
