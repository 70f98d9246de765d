import type { Role } from '../../../common/auth/roles';
import type { TransitionTable } from '../../../common/state-machine/transition-table';

export const POSSIBLE_DUPLICATE_STATUSES = ['open', 'dismissed'] as const;
export type PossibleDuplicateStatus = (typeof POSSIBLE_DUPLICATE_STATUSES)[number];

/** A pair of child records flagged when a registration was confirmed despite a match; reviewed by a social worker. */
export const possibleDuplicateTransitions = {
  flag: { from: [], to: 'open', creates: true, roles: ['admin', 'social_worker', 'ngo_worker'], guards: [] },
  dismiss: { from: ['open'], to: 'dismissed', roles: ['admin', 'social_worker'], guards: [] },
} satisfies TransitionTable<PossibleDuplicateStatus, Role, object>;
