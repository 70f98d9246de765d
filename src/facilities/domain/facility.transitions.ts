import type { Role } from '../../common/auth/roles';
import type { Guard, TransitionTable } from '../../common/state-machine/transition-table';
import type { FacilityStatus } from './facility';

/** What the guards of the facility table look at, loaded by the service before a transition. */
export interface FacilityFacts {
  hasActiveMou: boolean;
  residentCount: number;
  today: string;
  deadline?: string;
  targetDate?: string;
}

export const hasActiveMou: Guard<FacilityFacts> = (f) => (f.hasActiveMou ? null : 'active_mou_required');
export const noChildResident: Guard<FacilityFacts> = (f) => (f.residentCount === 0 ? null : 'no_child_resident');
export const deadlineInFuture: Guard<FacilityFacts> = (f) =>
  f.deadline === undefined || f.deadline > f.today ? null : 'deadline_in_future';
export const targetDateNotPast: Guard<FacilityFacts> = (f) =>
  f.targetDate === undefined || f.targetDate >= f.today ? null : 'target_date_not_past';

const ministry: readonly Role[] = ['admin', 'inspector'];

/**
 * The facility lifecycle of domain.md. Only the ministry (admins and inspectors in their provinces)
 * moves a facility: operators apply on paper and the inspector records it.
 * Reasons, deadlines and transition plans are required fields of each action's body.
 */
export const facilityTransitions = {
  submitApplication: { from: ['identified'], to: 'application_pending', roles: ministry, guards: [] },
  authorize: { from: ['application_pending'], to: 'authorized', roles: ministry, guards: [hasActiveMou] },
  reject: { from: ['application_pending'], to: 'rejected', roles: ministry, guards: [] },
  requireRemediation: { from: ['authorized'], to: 'under_remediation', roles: ministry, guards: [deadlineInFuture] },
  clearRemediation: { from: ['under_remediation'], to: 'authorized', roles: ministry, guards: [] },
  suspend: { from: ['authorized', 'under_remediation'], to: 'suspended', roles: ministry, guards: [] },
  reinstate: { from: ['suspended'], to: 'authorized', roles: ministry, guards: [hasActiveMou] },
  beginTransition: {
    from: ['authorized', 'under_remediation', 'suspended'],
    to: 'transitioning',
    roles: ministry,
    guards: [targetDateNotPast],
  },
  completeTransition: { from: ['transitioning'], to: 'transitioned', roles: ministry, guards: [noChildResident] },
  close: {
    from: ['identified', 'application_pending', 'authorized', 'rejected', 'under_remediation', 'suspended', 'transitioning'],
    to: 'closed',
    roles: ministry,
    guards: [noChildResident],
  },
} satisfies TransitionTable<FacilityStatus, Role, FacilityFacts>;

export type FacilityAction = keyof typeof facilityTransitions;
export const FACILITY_ACTIONS = Object.keys(facilityTransitions) as FacilityAction[];
