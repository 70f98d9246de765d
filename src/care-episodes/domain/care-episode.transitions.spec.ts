import { ROLES } from '../../common/auth/roles';
import { GuardFailed } from '../../common/errors/domain-errors';
import { walkTable } from '../../common/state-machine/table-walk';
import { allowedActions, applyCreation, applyTransition } from '../../common/state-machine/transition-table';
import { Forbidden } from '../../common/errors/domain-errors';
import { EPISODE_STATUSES, type EpisodeStatus } from './care-episode';
import { careEpisodeTransitions, type EpisodeAction, type EpisodeFacts } from './care-episode.transitions';

const sw = ['admin', 'social_worker'] as const;
const both = ['admin', 'social_worker', 'ngo_worker'] as const;
// Transcribed from domain.md, "Children and care episodes" (admins may do everything).
const expected = {
  startAssessment: { from: ['referred'], to: 'assessment', roles: sw },
  admit: { from: ['assessment'], to: 'residential_care', roles: sw },
  placeInFamily: { from: ['assessment', 'reintegration'], to: 'family_based_care', roles: both, rolesFrom: { assessment: sw } },
  closeAtAssessment: { from: ['referred', 'assessment'], to: 'closed', roles: sw },
  transfer: { from: ['residential_care'], to: 'same', roles: sw },
  startReintegration: { from: ['residential_care'], to: 'reintegration', roles: both },
  abandonReintegration: { from: ['reintegration'], to: 'residential_care', roles: both },
  changePlacement: { from: ['family_based_care'], to: 'same', roles: sw },
  reportBreakdown: { from: ['family_based_care'], to: 'assessment', roles: both },
  close: { from: ['family_based_care', 'residential_care'], to: 'closed', roles: sw },
  refer: { from: [], to: 'referred', roles: both, creates: true },
  amendReasons: { from: ['referred', 'assessment'], to: 'same', roles: sw },
  recordReview: { from: ['residential_care', 'reintegration'], to: 'same', roles: both },
  recordFollowUpVisit: { from: ['family_based_care'], to: 'same', roles: both },
} as const;

const passing: EpisodeFacts = {
  today: '2026-06-01',
  occurredOn: '2026-06-01',
  lastEventOn: '2026-05-01',
  from: 'assessment',
  reasons: ['abuse_or_neglect', 'poverty'],
  childDateOfBirth: '2018-02-01',
  childAgeOnOccurrence: 8,
  residentialSince: '2026-01-15',
  reviewedOn: '2026-05-30',
  visitedOn: '2026-05-30',
  targetFacility: { status: 'authorized', capacity: 10, residents: 9, isCurrent: false },
  alternativesConsidered: [
    { option: 'parental_care', whyNotSuitable: 'abuser at home' },
    { option: 'kinship_care', whyNotSuitable: 'no kin traced' },
    { option: 'foster_care', whyNotSuitable: 'no foster family in the province' },
  ],
  familyAssessedOn: '2026-05-20',
  planAgreedOn: '2026-05-25',
  familyTracedOn: '2026-05-10',
  placedOn: '2025-11-01',
  visitsSincePlacement: 4,
  lastVisitRatedWell: true,
  actorRole: 'social_worker',
  actorAgencyId: 'agency-a',
  responsibleAgencyId: 'agency-a',
};

/** The guard that refuses `action` from `from` when the facts are changed as given; null if it passes. */
function refusal(action: EpisodeAction, from: EpisodeStatus, change: Partial<EpisodeFacts>): string | null {
  try {
    applyTransition(careEpisodeTransitions, { action, from, role: 'social_worker', facts: { ...passing, from, ...change } });
    return null;
  } catch (error) {
    if (error instanceof GuardFailed) return error.guard;
    throw error;
  }
}

describe('the care episode transition table', () => {
  it('answers every state × action × role as domain.md says', () => {
    expect(walkTable(careEpisodeTransitions, expected, EPISODE_STATUSES, ROLES, passing)).toEqual([]);
  });

  it('lets an ngo_worker place a child in a family only from reintegration', () => {
    const place = (from: EpisodeStatus) => () =>
      applyTransition(careEpisodeTransitions, { action: 'placeInFamily', from, role: 'ngo_worker', facts: { ...passing, from } });
    expect(place('reintegration')()).toBe('family_based_care');
    expect(place('assessment')).toThrow('not allowed');
  });
});

describe('each care episode guard refuses what it must', () => {
  it('refuses a date in the future or before the previous event', () => {
    expect(refusal('startAssessment', 'referred', { occurredOn: '2026-06-02' })).toBe('occurred_on_not_in_future');
    expect(refusal('startAssessment', 'referred', { occurredOn: '2026-04-30' })).toBe('occurred_on_not_before_previous_event');
    expect(refusal('startAssessment', 'referred', { occurredOn: '2026-05-01' })).toBeNull();
  });

  it('refuses admission when poverty is the only reason', () => {
    expect(refusal('admit', 'assessment', { reasons: ['poverty'] })).toBe('poverty_alone_is_not_a_reason');
  });

  it('refuses admission to a facility that is not authorized', () => {
    expect(refusal('admit', 'assessment', { targetFacility: { status: 'suspended', capacity: 10, residents: 0, isCurrent: false } })).toBe(
      'facility_authorized',
    );
  });

  it('refuses admission to a full facility', () => {
    expect(refusal('admit', 'assessment', { targetFacility: { status: 'authorized', capacity: 10, residents: 10, isCurrent: false } })).toBe(
      'facility_below_capacity',
    );
  });

  it('refuses admission of a child under 3 without an exceptional justification', () => {
    expect(refusal('admit', 'assessment', { childAgeOnOccurrence: 2 })).toBe('under_3_exceptional_justification');
    expect(refusal('admit', 'assessment', { childAgeOnOccurrence: 2, under3Justification: 'medical care only available there' })).toBeNull();
  });

  it('refuses admission unless every family-based option was considered', () => {
    expect(refusal('admit', 'assessment', { alternativesConsidered: passing.alternativesConsidered!.slice(0, 2) })).toBe(
      'family_based_options_considered',
    );
  });

  it('refuses a placement from reintegration without a family assessment and an agreed plan', () => {
    expect(refusal('placeInFamily', 'reintegration', { planAgreedOn: undefined })).toBe('family_assessed_and_plan_agreed');
    expect(refusal('placeInFamily', 'assessment', { planAgreedOn: undefined, familyAssessedOn: undefined })).toBeNull();
    expect(refusal('placeInFamily', 'reintegration', { planAgreedOn: '2026-06-02', today: '2026-06-05', occurredOn: '2026-06-01' })).toBe(
      'preparation_before_placement',
    );
  });

  it('refuses reintegration before the family is traced', () => {
    expect(refusal('startReintegration', 'residential_care', { familyTracedOn: undefined })).toBe('family_traced');
  });

  it('refuses a transfer to the same or to a full facility', () => {
    expect(refusal('transfer', 'residential_care', { targetFacility: { status: 'authorized', capacity: 5, residents: 5, isCurrent: true } })).toBe(
      'transfer_to_another_facility',
    );
    expect(refusal('transfer', 'residential_care', { targetFacility: { status: 'authorized', capacity: 5, residents: 5, isCurrent: false } })).toBe(
      'facility_below_capacity',
    );
  });

  it('closes with goals met only after 6 months in the family and 4 visits, the last rated well', () => {
    const close = (change: Partial<EpisodeFacts>) => refusal('close', 'family_based_care', { closeReason: 'goals_met', ...change });
    expect(close({})).toBeNull();
    expect(refusal('close', 'residential_care', { closeReason: 'goals_met' })).toBe('goals_met_only_from_family_based_care');
    expect(close({ placedOn: '2026-01-02' })).toBe('goals_met_after_6_months_in_family');
    expect(close({ visitsSincePlacement: 3 })).toBe('goals_met_after_4_follow_up_visits');
    expect(close({ lastVisitRatedWell: false })).toBe('goals_met_last_visit_rated_well');
  });

  it('refuses a review dated in the future or before the admission, and a visit before the placement', () => {
    expect(refusal('recordReview', 'residential_care', { reviewedOn: '2026-06-02' })).toBe('reviewed_on_not_in_future');
    expect(refusal('recordReview', 'residential_care', { reviewedOn: '2026-01-14' })).toBe('reviewed_on_not_before_admission');
    expect(refusal('recordFollowUpVisit', 'family_based_care', { visitedOn: '2026-06-02' })).toBe('visited_on_not_in_future');
    expect(refusal('recordFollowUpVisit', 'family_based_care', { visitedOn: '2025-10-31' })).toBe('visited_on_not_before_placement');
  });

  it('lets an NGO act only on its own agency’s cases (403), and never offers it another agency’s actions', () => {
    const otherNgo = { ...passing, actorRole: 'ngo_worker', actorAgencyId: 'agency-b' };
    expect(() => applyTransition(careEpisodeTransitions, { action: 'startReintegration', from: 'residential_care', role: 'ngo_worker', facts: otherNgo })).toThrow(Forbidden);
    expect(allowedActions(careEpisodeTransitions, 'residential_care', 'ngo_worker', otherNgo)).toEqual([]);
    expect(allowedActions(careEpisodeTransitions, 'residential_care', 'ngo_worker', { ...otherNgo, actorAgencyId: 'agency-a' })).toEqual(['startReintegration', 'recordReview']);
  });

  it('amends the reasons only to different ones', () => {
    expect(refusal('amendReasons', 'assessment', { newReasons: ['poverty', 'abuse_or_neglect'] })).toBe('reasons_changed');
    expect(refusal('amendReasons', 'assessment', { newReasons: ['abuse_or_neglect'] })).toBeNull();
  });

  it('refuses a referral dated in the future or before the child was born', () => {
    const refer = (change: Partial<EpisodeFacts>) => {
      try {
        applyCreation(careEpisodeTransitions, { action: 'refer', role: 'ngo_worker', facts: { ...passing, ...change } });
        return null;
      } catch (error) {
        return (error as GuardFailed).guard;
      }
    };
    expect(refer({})).toBeNull();
    expect(refer({ occurredOn: '2026-06-02' })).toBe('occurred_on_not_in_future');
    expect(refer({ occurredOn: '2018-01-31' })).toBe('occurred_on_not_before_birth');
  });

  it('closes as aged out only at 18 or older', () => {
    expect(refusal('close', 'residential_care', { closeReason: 'aged_out', childAgeOnOccurrence: 17 })).toBe('aged_out_at_18');
    expect(refusal('close', 'residential_care', { closeReason: 'aged_out', childAgeOnOccurrence: 18 })).toBeNull();
  });
});
