import type { Role } from '../../common/auth/roles';
import { dateNotInFuture } from '../../common/state-machine/date-guards';
import { guard, type TransitionTable } from '../../common/state-machine/transition-table';
import type { MouStatus } from './mou';

export interface MouFacts {
  today: string;
  signedOn?: string;
  startsOn?: string;
  endsOn?: string;
  terminatedOn?: string;
  isRenewal: boolean;
  /** Another MoU of the facility is active (not counting the one a renewal replaces). */
  otherActiveMou: boolean;
  facilityClosed: boolean;
  hasPendingRenewal: boolean;
}

export const signedNotInFuture = dateNotInFuture<MouFacts>('signedOn', (f) => f.signedOn);
export const terminatedNotInFuture = dateNotInFuture<MouFacts>('terminatedOn', (f) => f.terminatedOn);
export const endsAfterStart = guard<MouFacts>('ends_after_start', (f) => f.startsOn === undefined || f.endsOn === undefined || f.endsOn > f.startsOn);
export const oneActiveMouPerFacility = guard<MouFacts>('one_active_mou_per_facility', (f) => !f.otherActiveMou);
export const facilityNotClosed = guard<MouFacts>('facility_not_closed', (f) => !f.facilityClosed);
export const noPendingRenewal = guard<MouFacts>('no_pending_renewal', (f) => !f.hasPendingRenewal);

const ministry: readonly Role[] = ['admin', 'inspector'];

/**
 * MoUs are signed by the ministry: admins and inspectors record them. A renewal is a new draft
 * linked to the MoU it renews; activating it supersedes the old one (a step the system takes).
 */
export const mouTransitions = {
  draft: { from: [], to: 'draft', creates: true, roles: ministry, guards: [facilityNotClosed] },
  activate: {
    from: ['draft'],
    to: 'active',
    roles: ministry,
    guards: [facilityNotClosed, signedNotInFuture, endsAfterStart, oneActiveMouPerFacility],
  },
  terminate: { from: ['active'], to: 'terminated', roles: ministry, guards: [terminatedNotInFuture] },
  renew: { from: ['active', 'expired'], to: 'same', roles: ministry, guards: [facilityNotClosed, noPendingRenewal] },
  supersede: { from: ['active', 'expired'], to: 'superseded', system: true, roles: [], guards: [] },
} satisfies TransitionTable<MouStatus, Role, MouFacts>;

export type MouAction = Exclude<keyof typeof mouTransitions, 'draft' | 'supersede'>;
