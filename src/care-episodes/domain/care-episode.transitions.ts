import type { Role } from '../../common/auth/roles';
import type { TransitionTable } from '../../common/state-machine/transition-table';
import type { EpisodeStatus } from './care-episode';
import {
  agedOutAt18,
  anotherFacility,
  facilityAuthorized,
  facilityBelowCapacity,
  familyOptionsConsidered,
  familyTraced,
  goalsMetEarned,
  notPovertyAlone,
  occurredNotBeforePreviousEvent,
  occurredNotInFuture,
  preparationNotAfterPlacement,
  reasonsChanged,
  referredNotBeforeBirth,
  responsibleAgencyActs,
  reintegrationPrepared,
  reviewedDuringStay,
  reviewedNotInFuture,
  under3Justified,
  visitedDuringPlacement,
  visitedNotInFuture,
  type EpisodeFacts,
} from './care-episode.guards';

export type { EpisodeFacts } from './care-episode.guards';

const timing = [occurredNotInFuture, occurredNotBeforePreviousEvent];
/** Steps an NGO may take: on its own agency's cases only. */
const ownCase = [responsibleAgencyActs];
const socialWorker: readonly Role[] = ['admin', 'social_worker'];
const caseWorkers: readonly Role[] = ['admin', 'social_worker', 'ngo_worker'];

/**
 * The care episode lifecycle of domain.md, every step of it: the referral that opens an episode,
 * each transition, and the reviews and visits recorded along the way. Admins may do everything, as
 * the roles table says. What each step changes is in care-episode.effects.ts.
 */
export const careEpisodeTransitions = {
  refer: { from: [], to: 'referred', creates: true, roles: caseWorkers, guards: [occurredNotInFuture, referredNotBeforeBirth] },
  startAssessment: { from: ['referred'], to: 'assessment', roles: socialWorker, guards: timing },
  /** An assessment may find what the referral missed (abuse behind poverty): the reasons are corrected, as an event. */
  amendReasons: { from: ['referred', 'assessment'], to: 'same', roles: socialWorker, guards: [...timing, reasonsChanged] },
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
    guards: [...ownCase, ...timing, reintegrationPrepared, preparationNotAfterPlacement],
  },
  closeAtAssessment: { from: ['referred', 'assessment'], to: 'closed', roles: socialWorker, guards: timing },
  transfer: {
    from: ['residential_care'],
    to: 'same',
    roles: socialWorker,
    guards: [...timing, anotherFacility, facilityAuthorized, facilityBelowCapacity],
  },
  startReintegration: { from: ['residential_care'], to: 'reintegration', roles: caseWorkers, guards: [...ownCase, ...timing, familyTraced] },
  abandonReintegration: { from: ['reintegration'], to: 'residential_care', roles: caseWorkers, guards: [...ownCase, ...timing] },
  changePlacement: { from: ['family_based_care'], to: 'same', roles: socialWorker, guards: timing },
  reportBreakdown: { from: ['family_based_care'], to: 'assessment', roles: caseWorkers, guards: [...ownCase, ...timing] },
  close: {
    from: ['family_based_care', 'residential_care'],
    to: 'closed',
    roles: socialWorker,
    guards: [...timing, goalsMetEarned, agedOutAt18],
  },
  recordReview: { from: ['residential_care', 'reintegration'], to: 'same', roles: caseWorkers, guards: [...ownCase, reviewedNotInFuture, reviewedDuringStay] },
  recordFollowUpVisit: { from: ['family_based_care'], to: 'same', roles: caseWorkers, guards: [...ownCase, visitedNotInFuture, visitedDuringPlacement] },
} satisfies TransitionTable<EpisodeStatus, Role, EpisodeFacts>;

export type EpisodeAction = keyof typeof careEpisodeTransitions;
/** The steps taken on an existing episode (all but the referral that creates it). */
export type EpisodeStep = Exclude<EpisodeAction, 'refer'>;
export const EPISODE_ACTIONS = Object.keys(careEpisodeTransitions) as EpisodeAction[];
export const EPISODE_STEPS = EPISODE_ACTIONS.filter((a): a is EpisodeStep => a !== 'refer');
