import type { Role } from '../../common/auth/roles';
import type { Guard, TransitionTable } from '../../common/state-machine/transition-table';
import { addMonths } from '../../common/time/calendar';
import { FAMILY_OPTIONS, type CloseReason, type EpisodeStatus, type FamilyOption, type ReferralReason } from './care-episode';

/** Everything the guards look at, loaded by the service before a transition. */
export interface EpisodeFacts {
  today: string;
  occurredOn: string;
  /** The date of the episode's previous event. */
  lastEventOn: string;
  from: EpisodeStatus;
  reasons: readonly ReferralReason[];
  childAgeOnOccurrence: number;
  /** The facility a child is admitted or transferred to. */
  targetFacility?: { status: string; capacity: number; residents: number; isCurrent: boolean };
  under3Justification?: string;
  alternativesConsidered?: readonly { option: FamilyOption; whyNotSuitable: string }[];
  familyAssessedOn?: string;
  planAgreedOn?: string;
  familyTracedOn?: string;
  closeReason?: CloseReason;
  placedOn: string | null;
  visitsSincePlacement: number;
  lastVisitRatedWell: boolean | null;
}

export const occurredNotInFuture: Guard<EpisodeFacts> = (f) => (f.occurredOn <= f.today ? null : 'occurred_on_not_in_future');
export const occurredNotBeforePreviousEvent: Guard<EpisodeFacts> = (f) =>
  f.occurredOn >= f.lastEventOn ? null : 'occurred_on_not_before_previous_event';

export const facilityAuthorized: Guard<EpisodeFacts> = (f) => (f.targetFacility?.status === 'authorized' ? null : 'facility_authorized');
export const facilityBelowCapacity: Guard<EpisodeFacts> = (f) =>
  f.targetFacility && (f.targetFacility.isCurrent || f.targetFacility.residents < f.targetFacility.capacity) ? null : 'facility_below_capacity';
export const anotherFacility: Guard<EpisodeFacts> = (f) => (f.targetFacility && !f.targetFacility.isCurrent ? null : 'transfer_to_another_facility');
/** UN Guidelines para 15: poverty alone never justifies removal into care. */
export const notPovertyAlone: Guard<EpisodeFacts> = (f) =>
  f.reasons.length === 1 && f.reasons[0] === 'poverty' ? 'poverty_alone_is_not_a_reason' : null;
export const under3Justified: Guard<EpisodeFacts> = (f) =>
  f.childAgeOnOccurrence >= 3 || (f.under3Justification?.trim().length ?? 0) > 0 ? null : 'under_3_exceptional_justification';
export const familyOptionsConsidered: Guard<EpisodeFacts> = (f) =>
  FAMILY_OPTIONS.every((option) => f.alternativesConsidered?.some((a) => a.option === option && a.whyNotSuitable.trim().length > 0))
    ? null
    : 'family_based_options_considered';
/** From reintegration, the family assessment is recorded and the plan agreed in writing. */
export const reintegrationPrepared: Guard<EpisodeFacts> = (f) =>
  f.from !== 'reintegration' || (f.familyAssessedOn !== undefined && f.planAgreedOn !== undefined) ? null : 'family_assessed_and_plan_agreed';
export const preparationNotAfterPlacement: Guard<EpisodeFacts> = (f) =>
  [f.familyAssessedOn, f.planAgreedOn].every((d) => d === undefined || d <= f.occurredOn) ? null : 'preparation_before_placement';
export const familyTraced: Guard<EpisodeFacts> = (f) =>
  f.familyTracedOn !== undefined && f.familyTracedOn <= f.occurredOn ? null : 'family_traced';
/** goals_met only after 6 months in the family, 4 follow-up visits, the last one rated well. */
export const goalsMetEarned: Guard<EpisodeFacts> = (f) => {
  if (f.closeReason !== 'goals_met') return null;
  if (f.from !== 'family_based_care' || !f.placedOn) return 'goals_met_only_from_family_based_care';
  if (f.occurredOn < addMonths(f.placedOn, 6)) return 'goals_met_after_6_months_in_family';
  if (f.visitsSincePlacement < 4) return 'goals_met_after_4_follow_up_visits';
  return f.lastVisitRatedWell ? null : 'goals_met_last_visit_rated_well';
};
export const agedOutAt18: Guard<EpisodeFacts> = (f) => (f.closeReason !== 'aged_out' || f.childAgeOnOccurrence >= 18 ? null : 'aged_out_at_18');

const timing = [occurredNotInFuture, occurredNotBeforePreviousEvent];
const socialWorker: readonly Role[] = ['admin', 'social_worker'];
const caseWorkers: readonly Role[] = ['admin', 'social_worker', 'ngo_worker'];

/** The care episode lifecycle of domain.md. Admins may do everything, as the roles table says. */
export const careEpisodeTransitions = {
  startAssessment: { from: ['referred'], to: 'assessment', roles: socialWorker, guards: timing },
  admit: {
    from: ['assessment'],
    to: 'residential_care',
    roles: socialWorker,
    guards: [...timing, facilityAuthorized, facilityBelowCapacity, notPovertyAlone, under3Justified, familyOptionsConsidered],
  },
  placeInFamily: {
    from: ['assessment', 'reintegration'],
    to: 'family_based_care',
    roles: caseWorkers,
    rolesFrom: { assessment: socialWorker },
    guards: [...timing, reintegrationPrepared, preparationNotAfterPlacement],
  },
  closeAtAssessment: { from: ['referred', 'assessment'], to: 'closed', roles: socialWorker, guards: timing },
  transfer: {
    from: ['residential_care'],
    to: 'same',
    roles: socialWorker,
    guards: [...timing, anotherFacility, facilityAuthorized, facilityBelowCapacity],
  },
  startReintegration: { from: ['residential_care'], to: 'reintegration', roles: caseWorkers, guards: [...timing, familyTraced] },
  abandonReintegration: { from: ['reintegration'], to: 'residential_care', roles: caseWorkers, guards: timing },
  changePlacement: { from: ['family_based_care'], to: 'same', roles: socialWorker, guards: timing },
  reportBreakdown: { from: ['family_based_care'], to: 'assessment', roles: caseWorkers, guards: timing },
  close: {
    from: ['family_based_care', 'residential_care'],
    to: 'closed',
    roles: socialWorker,
    guards: [...timing, goalsMetEarned, agedOutAt18],
  },
} satisfies TransitionTable<EpisodeStatus, Role, EpisodeFacts>;

export type EpisodeAction = keyof typeof careEpisodeTransitions;
export const EPISODE_ACTIONS = Object.keys(careEpisodeTransitions) as EpisodeAction[];
