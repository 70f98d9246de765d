import { ROLES } from '../../common/auth/roles';
import { Forbidden, GuardFailed } from '../../common/errors/domain-errors';
import { walkTable } from '../../common/state-machine/table-walk';
import { allowedActions, applyCreation, applyTransition, creationAllowed } from '../../common/state-machine/transition-table';
import { HANDOVER_STATUSES } from './handover.transitions';
import { handoverTransitions, type HandoverFacts } from './handover.transitions';

const workers = ['admin', 'social_worker', 'ngo_worker'] as const;
// Transcribed from domain.md, "Cases move between agencies".
const expected = {
  requestHandover: { from: [], to: 'requested', roles: workers, creates: true },
  acceptHandover: { from: ['requested'], to: 'accepted', roles: workers },
  declineHandover: { from: ['requested'], to: 'declined', roles: workers },
  cancelHandover: { from: ['requested'], to: 'cancelled', roles: workers },
} as const;

// An actor for whom every who-may-act guard passes: its agency is both sides (only true in a walk).
const passing: HandoverFacts = {
  today: '2026-06-01',
  occurredOn: '2026-06-01',
  lastEventOn: '2026-05-01',
  episodeStatus: 'residential_care',
  responsibleAgencyId: 'agency-a',
  hasOpenHandover: false,
  receivingAgencyId: 'agency-a',
  toAgencyId: 'agency-b',
  toAgencyExists: true,
  actorRole: 'ngo_worker',
  actorAgencyId: 'agency-a',
};

const refusal = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof GuardFailed ? error.guard : error instanceof Forbidden ? `403 ${String(error.extra.reason)}` : String(error);
  }
};

describe('the handover table', () => {
  it('answers every state × action × role as domain.md says', () => {
    expect(walkTable(handoverTransitions, expected, HANDOVER_STATUSES, ROLES, passing)).toEqual([]);
  });

  const request = (change: Partial<HandoverFacts>) => refusal(() => applyCreation(handoverTransitions, { action: 'requestHandover', role: 'ngo_worker', facts: { ...passing, ...change } }));
  const decide = (action: 'acceptHandover' | 'declineHandover' | 'cancelHandover', change: Partial<HandoverFacts>) =>
    refusal(() => applyTransition(handoverTransitions, { action, from: 'requested', role: 'ngo_worker', facts: { ...passing, ...change } }));

  it('refuses a request to the current agency, to no agency, for a closed episode, or a second one at a time', () => {
    expect(request({ toAgencyId: 'agency-a' })).toBe('receiving_agency_is_not_current');
    expect(request({ toAgencyExists: false })).toBe('receiving_agency_exists');
    expect(request({ episodeStatus: 'closed' })).toBe('episode_not_closed');
    expect(request({ hasOpenHandover: true })).toBe('one_handover_at_a_time');
    expect(request({ occurredOn: '2026-06-02' })).toBe('occurred_on_not_in_future');
  });

  it('lets only the responsible side request or cancel, and only the receiving agency accept or decline (403 otherwise)', () => {
    expect(request({ actorAgencyId: 'agency-c' })).toBe('403 not_your_agency_case');
    expect(decide('cancelHandover', { actorAgencyId: 'agency-b', receivingAgencyId: 'agency-b' })).toBe('403 not_your_agency_case');
    expect(decide('acceptHandover', { actorAgencyId: 'agency-c', receivingAgencyId: 'agency-b' })).toBe('403 not_the_receiving_agency');
    expect(decide('acceptHandover', { actorAgencyId: 'agency-b', receivingAgencyId: 'agency-b' })).toBeNull();
    expect(decide('declineHandover', { actorRole: 'social_worker', actorAgencyId: null, receivingAgencyId: 'agency-b' })).toBeNull();
  });

  it('offers each side only what it may do', () => {
    const receiving = { ...passing, actorAgencyId: 'agency-b', receivingAgencyId: 'agency-b', hasOpenHandover: true };
    expect(allowedActions(handoverTransitions, 'requested', 'ngo_worker', receiving)).toEqual(['acceptHandover', 'declineHandover']);
    const requesting = { ...receiving, actorAgencyId: 'agency-a' };
    expect(allowedActions(handoverTransitions, 'requested', 'ngo_worker', requesting)).toEqual(['cancelHandover']);
    expect(creationAllowed(handoverTransitions, 'requestHandover', 'ngo_worker', requesting)).toBe(false);
    expect(creationAllowed(handoverTransitions, 'requestHandover', 'ngo_worker', { ...passing, receivingAgencyId: null })).toBe(true);
  });
});
