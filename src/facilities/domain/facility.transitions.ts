import type { Role } from '../../common/auth/roles';
import { guard, type TransitionTable } from '../../common/state-machine/transition-table';
import { FACILITY_STATUSES, type FacilityStatus } from './facility';

/** What the guards of the facility table look at, loaded by the service before a transition. */
export interface FacilityFacts {
  hasActiveMou: boolean;
  residentCount: number;
  today: string;
  deadline?: string;
  targetDate?: string;
}

export const hasActiveMou = guard<FacilityFacts>('active_mou_required', (f) => f.hasActiveMou);
export const noChildResident = guard<FacilityFacts>('no_child_resident', (f) => f.residentCount === 0);
export const deadlineInFuture = guard<FacilityFacts>('deadline_in_future', (f) => f.deadline === undefined || f.deadline > f.today);
export const targetDateNotPast = guard<FacilityFacts>('target_date_not_past', (f) => f.targetDate === undefined || f.targetDate >= f.today);

const ministry: readonly Role[] = ['admin', 'inspector'];

/**
 * The facility lifecycle of domain.md. Only the ministry (admins and inspectors in their provinces)
 * moves a facility: operators apply on paper and the inspector records it. What each action
 * changes is in facility.effects.ts; reasons, deadlines and plans are required by each body.
 */
export const facilityTransitions = {
  register: { from: [], to: 'identified', creates: true, roles: ministry, guards: [] },
  submitApplication: { from: ['identified'], to: 'application_pending', roles: ministry, guards: [] },
  authorize: { from: ['application_pending'], to: 'authorized', roles: ministry, guards: [hasActiveMou] },
  reject: { from: ['application_pending'], to: 'rejected', roles: ministry, guards: [] },
  requireRemediation: { from: ['authorized'], to: 'under_remediation', roles: ministry, guards: [deadlineInFuture] },
  clearRemediation: { from: ['under_remediation'], to: 'authorized', roles: ministry, guards: [] },
  suspend: { from: ['authorized', 'under_remediation'], to: 'suspended', roles: ministry, guards: [] },
  reinstate: { from: ['suspended'], to: 'authorized', roles: ministry, guards: [hasActiveMou] },
  beginTransition: { from: ['authorized', 'under_remediation', 'suspended'], to: 'transitioning', roles: ministry, guards: [targetDateNotPast] },
  completeTransition: { from: ['transitioning'], to: 'transitioned', roles: ministry, guards: [noChildResident] },
  close: { from: FACILITY_STATUSES.filter((s) => s !== 'closed' && s !== 'transitioned'), to: 'closed', roles: ministry, guards: [noChildResident] },
} satisfies TransitionTable<FacilityStatus, Role, FacilityFacts>;

export type FacilityAction = Exclude<keyof typeof facilityTransitions, 'register'>;
export const FACILITY_ACTIONS = Object.keys(facilityTransitions).filter((a): a is FacilityAction => a !== 'register');
