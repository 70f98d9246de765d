import { ROLES } from '../../common/auth/roles';
import { GuardFailed } from '../../common/errors/domain-errors';
import { walkTable } from '../../common/state-machine/table-walk';
import { applySystemTransition, applyTransition } from '../../common/state-machine/transition-table';
import { defaultEndsOn, effectiveMouStatus, isInForce, MOU_STATUSES } from './mou';
import { mouTransitions, type MouFacts } from './mou.transitions';

const ministry = ['admin', 'inspector'] as const;
const expected = {
  activate: { from: ['draft'], to: 'active', roles: ministry },
  terminate: { from: ['active'], to: 'terminated', roles: ministry },
  renew: { from: ['active', 'expired'], to: 'same', roles: ministry },
  draft: { from: [], to: 'draft', roles: ministry, creates: true },
} as const;

const passing: MouFacts = {
  today: '2026-06-01',
  signedOn: '2026-05-01',
  startsOn: '2026-05-01',
  endsOn: '2029-05-01',
  isRenewal: false,
  otherActiveMou: false,
  facilityClosed: false,
  hasPendingRenewal: false,
};

const guardOf = (action: 'activate' | 'renew' | 'terminate', from: 'draft' | 'active', facts: Partial<MouFacts>) => {
  try {
    applyTransition(mouTransitions, { action, from, role: 'admin', facts: { ...passing, ...facts } });
    return null;
  } catch (error) {
    return (error as GuardFailed).guard;
  }
};

describe('the MoU transition table', () => {
  it('answers every state × action × role as domain.md says', () => {
    expect(walkTable(mouTransitions, expected, MOU_STATUSES, ROLES, passing)).toEqual([]);
  });

  it('refuses a second MoU in force for one facility', () => {
    expect(guardOf('activate', 'draft', { otherActiveMou: true })).toBe('one_active_mou_per_facility');
  });
  it('refuses an MoU signed in the future or ending before it starts', () => {
    expect(guardOf('activate', 'draft', { signedOn: '2026-06-02' })).toBe('signed_on_not_in_future');
    expect(guardOf('activate', 'draft', { endsOn: '2026-05-01' })).toBe('ends_after_start');
  });
  it('refuses a termination dated in the future', () => {
    expect(guardOf('terminate', 'active', { terminatedOn: '2026-06-02' })).toBe('terminated_on_not_in_future');
  });
  it('supersedes only as the consequence of a renewal, never as anyone’s action', () => {
    expect(applySystemTransition(mouTransitions, { action: 'supersede', from: 'expired', facts: passing })).toBe('superseded');
    expect(() => applyTransition(mouTransitions, { action: 'supersede', from: 'active', role: 'admin', facts: passing })).toThrow('not allowed');
  });
  it('refuses MoUs for a closed facility and a second pending renewal', () => {
    expect(guardOf('activate', 'draft', { facilityClosed: true })).toBe('facility_not_closed');
    expect(guardOf('renew', 'active', { hasPendingRenewal: true })).toBe('no_pending_renewal');
  });
});

describe('MoU expiry', () => {
  const mou = { status: 'active' as const, startsOn: '2023-06-01', endsOn: '2026-06-01' };
  it('is in force until the day before its end date, and expired on that day, with no job to run', () => {
    expect(effectiveMouStatus(mou, '2026-05-31')).toBe('active');
    expect(isInForce(mou, '2026-05-31')).toBe(true);
    expect(effectiveMouStatus(mou, '2026-06-01')).toBe('expired');
    expect(isInForce(mou, '2026-06-01')).toBe(false);
  });
  it('counts a renewal activated ahead of its start, so the facility is never without an MoU', () => {
    const renewal = { ...mou, startsOn: '2026-07-01', endsOn: '2029-07-01' };
    expect(isInForce(renewal, '2026-06-15')).toBe(true);
  });
  it('runs three years by default', () => {
    expect(defaultEndsOn('2026-03-15')).toBe('2029-03-15');
  });
});
