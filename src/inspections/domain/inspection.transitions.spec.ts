import { ROLES } from '../../common/auth/roles';
import { GuardFailed } from '../../common/errors/domain-errors';
import { walkTable } from '../../common/state-machine/table-walk';
import { allowedActions, applyCreation, applyTransition } from '../../common/state-machine/transition-table';
import { CHECKLIST_AREAS, INSPECTION_STATUSES, type Ratings } from './checklist';
import { inspectionTransitions, type InspectionFacts } from './inspection.transitions';

const ministry = ['admin', 'inspector'] as const;
const expected = {
  saveDraft: { from: ['scheduled'], to: 'scheduled', roles: ministry },
  submit: { from: ['scheduled'], to: 'submitted', roles: ministry },
  approve: { from: ['submitted'], to: 'approved', roles: ministry },
  returnForCorrection: { from: ['submitted'], to: 'scheduled', roles: ministry },
  cancel: { from: ['scheduled'], to: 'cancelled', roles: ministry },
  schedule: { from: [], to: 'scheduled', roles: ministry, creates: true },
} as const;

const allMet = Object.fromEntries(CHECKLIST_AREAS.map((a) => [a, { rating: 'met' }])) as Ratings;
const passing: InspectionFacts = {
  today: '2026-06-01',
  now: new Date('2026-06-01T03:00:00Z'),
  facilityClosed: false,
  actorId: 'approver',
  submittedById: 'submitter',
  ratings: allMet,
  conductedOn: '2026-05-30',
  outcome: 'non_compliant',
  correctiveActionCount: 1,
};

const guardOf = (action: 'submit' | 'approve', facts: Partial<InspectionFacts>) => {
  try {
    applyTransition(inspectionTransitions, { action, from: action === 'submit' ? 'scheduled' : 'submitted', role: 'inspector', facts: { ...passing, ...facts } });
    return null;
  } catch (error) {
    return (error as GuardFailed).guard;
  }
};

describe('the inspection transition table', () => {
  it('answers every state × action × role as domain.md says', () => {
    expect(walkTable(inspectionTransitions, expected, INSPECTION_STATUSES, ROLES, passing)).toEqual([]);
  });
  it('refuses a submission with an area left unrated', () => {
    const { child_safeguarding: _skipped, ...partial } = allMet;
    expect(guardOf('submit', { ratings: partial })).toBe('every_area_rated');
  });
  it('refuses a submission conducted in the future', () => {
    expect(guardOf('submit', { conductedOn: '2026-06-02' })).toBe('conducted_on_not_in_future');
  });
  it('refuses a non-compliant outcome without corrective actions', () => {
    expect(guardOf('submit', { correctiveActionCount: 0 })).toBe('corrective_actions_required');
    expect(guardOf('submit', { correctiveActionCount: 0, outcome: 'compliant' })).toBeNull();
  });
  it('refuses approval by the submitter (four eyes)', () => {
    expect(guardOf('approve', { actorId: 'submitter' })).toBe('approver_is_not_submitter');
  });

  it('refuses to schedule an inspection of a closed facility', () => {
    expect(() => applyCreation(inspectionTransitions, { action: 'schedule', role: 'inspector', facts: { ...passing, facilityClosed: true } })).toThrow(
      expect.objectContaining({ guard: 'facility_not_closed' }),
    );
  });

  it('never offers approve to the submitter: four eyes in one place decides both the list and the answer', () => {
    expect(allowedActions(inspectionTransitions, 'submitted', 'inspector', { ...passing, actorId: 'submitter' })).toEqual(['returnForCorrection']);
    expect(allowedActions(inspectionTransitions, 'submitted', 'inspector', passing)).toEqual(['approve', 'returnForCorrection']);
  });
});
