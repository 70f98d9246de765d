import { ROLES } from '../../common/auth/roles';
import { GuardFailed } from '../../common/errors/domain-errors';
import { walkTable } from '../../common/state-machine/table-walk';
import { applyTransition } from '../../common/state-machine/transition-table';
import { FACILITY_STATUSES } from './facility';
import { facilityTransitions, type FacilityFacts } from './facility.transitions';

const ministry = ['admin', 'inspector'] as const;
// Transcribed from domain.md, "Facilities", independently of the table under test.
const expected = {
  submitApplication: { from: ['identified'], to: 'application_pending', roles: ministry },
  authorize: { from: ['application_pending'], to: 'authorized', roles: ministry },
  reject: { from: ['application_pending'], to: 'rejected', roles: ministry },
  requireRemediation: { from: ['authorized'], to: 'under_remediation', roles: ministry },
  clearRemediation: { from: ['under_remediation'], to: 'authorized', roles: ministry },
  suspend: { from: ['authorized', 'under_remediation'], to: 'suspended', roles: ministry },
  reinstate: { from: ['suspended'], to: 'authorized', roles: ministry },
  beginTransition: { from: ['authorized', 'under_remediation', 'suspended'], to: 'transitioning', roles: ministry },
  completeTransition: { from: ['transitioning'], to: 'transitioned', roles: ministry },
  close: { from: FACILITY_STATUSES.filter((s) => s !== 'closed' && s !== 'transitioned'), to: 'closed', roles: ministry },
  register: { from: [], to: 'identified', roles: ministry, creates: true },
} as const;

const passing: FacilityFacts = { hasActiveMou: true, residentCount: 0, today: '2026-06-01', deadline: '2026-08-01', targetDate: '2026-12-31' };

describe('the facility transition table', () => {
  it('answers every state × action × role as domain.md says', () => {
    expect(walkTable(facilityTransitions, expected, FACILITY_STATUSES, ROLES, passing)).toEqual([]);
  });

  const refusal = (action: keyof typeof facilityTransitions, from: (typeof FACILITY_STATUSES)[number], facts: Partial<FacilityFacts>) => {
    try {
      applyTransition(facilityTransitions, { action, from, role: 'inspector', facts: { ...passing, ...facts } });
      return null;
    } catch (error) {
      return error instanceof GuardFailed ? error.guard : String(error);
    }
  };

  it('refuses authorization without an MoU in force', () => {
    expect(refusal('authorize', 'application_pending', { hasActiveMou: false })).toBe('active_mou_required');
  });
  it('refuses reinstatement without an MoU in force', () => {
    expect(refusal('reinstate', 'suspended', { hasActiveMou: false })).toBe('active_mou_required');
  });
  it('refuses to complete a transition or close while a child is resident', () => {
    expect(refusal('completeTransition', 'transitioning', { residentCount: 1 })).toBe('no_child_resident');
    expect(refusal('close', 'authorized', { residentCount: 3 })).toBe('no_child_resident');
  });
  it('refuses a remediation deadline that is not in the future', () => {
    expect(refusal('requireRemediation', 'authorized', { deadline: '2026-06-01' })).toBe('deadline_in_future');
  });
  it('refuses a transition target date in the past', () => {
    expect(refusal('beginTransition', 'authorized', { targetDate: '2026-05-31' })).toBe('target_date_not_past');
  });
});
