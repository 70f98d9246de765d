import type { Role } from '../../common/auth/roles';
import { dateNotBefore, dateNotInFuture } from '../../common/state-machine/date-guards';
import { guard, type TransitionTable } from '../../common/state-machine/transition-table';
import type { EpisodeStatus } from './care-episode';

export const HANDOVER_STATUSES = ['requested', 'accepted', 'declined', 'cancelled'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

/** What the handover guards look at: the episode, the handover open on it, and who acts. */
export interface HandoverFacts {
  today: string;
  occurredOn: string;
  lastEventOn: string;
  episodeStatus: EpisodeStatus;
  /** The agency responsible for the case now (the requesting side). */
  responsibleAgencyId: string;
  hasOpenHandover: boolean;
  /** The receiving agency of the handover open on the episode, if any. */
  receivingAgencyId: string | null;
  /** For a request: the agency asked to take the case, and whether it exists. */
  toAgencyId?: string;
  toAgencyExists?: boolean;
  actorRole: string;
  actorAgencyId: string | null;
}

export const requestingSideActs = guard<HandoverFacts>(
  'not_your_agency_case',
  (f) => f.actorRole !== 'ngo_worker' || f.actorAgencyId === f.responsibleAgencyId,
  { whenReading: true, forbidden: true },
);
export const receivingSideActs = guard<HandoverFacts>(
  'not_the_receiving_agency',
  (f) => f.actorRole !== 'ngo_worker' || (f.receivingAgencyId !== null && f.actorAgencyId === f.receivingAgencyId),
  { whenReading: true, forbidden: true },
);
export const episodeNotClosed = guard<HandoverFacts>('episode_not_closed', (f) => f.episodeStatus !== 'closed', { whenReading: true });
export const oneHandoverAtATime = guard<HandoverFacts>('one_handover_at_a_time', (f) => !f.hasOpenHandover, { whenReading: true });
export const receivingAgencyExists = guard<HandoverFacts>('receiving_agency_exists', (f) => f.toAgencyExists !== false);
export const receivingAgencyIsNotCurrent = guard<HandoverFacts>('receiving_agency_is_not_current', (f) => f.toAgencyId !== f.responsibleAgencyId);
const timing = [
  dateNotInFuture<HandoverFacts>('occurredOn', (f) => f.occurredOn),
  dateNotBefore<HandoverFacts>('occurred_on_not_before_previous_event', (f) => f.occurredOn, (f) => f.lastEventOn),
];

const caseWorkers: readonly Role[] = ['admin', 'social_worker', 'ngo_worker'];

/**
 * Handing a case to another agency: a lifecycle of its own beside the episode's, whose status it
 * leaves as it is. The responsible side requests (and may cancel); the receiving agency accepts or
 * declines. Social workers may take every step on cases in their provinces.
 */
export const handoverTransitions = {
  requestHandover: {
    from: [],
    to: 'requested',
    creates: true,
    roles: caseWorkers,
    guards: [requestingSideActs, episodeNotClosed, oneHandoverAtATime, receivingAgencyExists, receivingAgencyIsNotCurrent, ...timing],
  },
  acceptHandover: { from: ['requested'], to: 'accepted', roles: caseWorkers, guards: [receivingSideActs, episodeNotClosed, ...timing] },
  declineHandover: { from: ['requested'], to: 'declined', roles: caseWorkers, guards: [receivingSideActs, ...timing] },
  cancelHandover: { from: ['requested'], to: 'cancelled', roles: caseWorkers, guards: [requestingSideActs, ...timing] },
} satisfies TransitionTable<HandoverStatus, Role, HandoverFacts>;

export type HandoverAction = keyof typeof handoverTransitions;
export const HANDOVER_ACTIONS = Object.keys(handoverTransitions) as HandoverAction[];

export interface RequestHandoverBody {
  toAgencyId: string;
  reason: string;
  occurredOn?: string;
}

export interface HandoverDecisionBody {
  reason?: string;
  occurredOn?: string;
}

/** The facts of the handover guards for one episode, its open handover and who acts. */
export function handoverFactsOf(
  episode: { lastEventOn: string; status: EpisodeStatus; responsibleAgencyId: string },
  pending: { toAgencyId: string } | null,
  actor: { role: string; agencyId: string | null },
  today: string,
  occurredOn = today,
): HandoverFacts {
  return {
    today,
    occurredOn,
    lastEventOn: episode.lastEventOn,
    episodeStatus: episode.status,
    responsibleAgencyId: episode.responsibleAgencyId,
    hasOpenHandover: pending !== null,
    receivingAgencyId: pending?.toAgencyId ?? null,
    actorRole: actor.role,
    actorAgencyId: actor.agencyId,
  };
}
