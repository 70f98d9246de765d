import type { Role } from '../../common/auth/roles';
import type { Guard, TransitionTable } from '../../common/state-machine/transition-table';
import type { MouStatus } from './mou';

export interface MouFacts {
  today: string;
  signedOn?: string;
  startsOn?: string;
  endsOn?: string;
  isRenewal: boolean;
  /** Another MoU of the facility is active (not counting the one a renewal replaces). */
  otherActiveMou: boolean;
  facilityClosed: boolean;
  hasPendingRenewal: boolean;
}

export const signedNotInFuture: Guard<MouFacts> = (f) => (f.signedOn === undefined || f.signedOn <= f.today ? null : 'signed_on_not_in_future');
export const endsAfterStart: Guard<MouFacts> = (f) =>
  f.startsOn === undefined || f.endsOn === undefined || f.endsOn > f.startsOn ? null : 'ends_after_start';
export const oneActiveMouPerFacility: Guard<MouFacts> = (f) => (f.otherActiveMou ? 'one_active_mou_per_facility' : null);
export const facilityNotClosed: Guard<MouFacts> = (f) => (f.facilityClosed ? 'facility_not_closed' : null);
export const noPendingRenewal: Guard<MouFacts> = (f) => (f.hasPendingRenewal ? 'no_pending_renewal' : null);

const ministry: readonly Role[] = ['admin', 'inspector'];

/** MoUs are signed by the ministry: admins and inspectors record them. */
export const mouTransitions = {
  activate: {
    from: ['draft'],
    to: 'active',
    roles: ministry,
    guards: [facilityNotClosed, signedNotInFuture, endsAfterStart, oneActiveMouPerFacility],
  },
  terminate: { from: ['active'], to: 'terminated', roles: ministry, guards: [] },
  renew: { from: ['active', 'expired'], to: 'same', roles: ministry, guards: [facilityNotClosed, noPendingRenewal] },
} satisfies TransitionTable<MouStatus, Role, MouFacts>;

export type MouAction = keyof typeof mouTransitions;
