import type { Role } from '../../common/auth/roles';
import { dateNotBefore, dateNotInFuture } from '../../common/state-machine/date-guards';
import type { TransitionTable } from '../../common/state-machine/transition-table';

export const CORRECTIVE_ACTION_STATUSES = ['open', 'resolved'] as const;
export type CorrectiveActionStatus = (typeof CORRECTIVE_ACTION_STATUSES)[number];

export interface CorrectiveActionFacts {
  today: string;
  resolvedOn?: string;
  /** When the inspection that found it was conducted. */
  conductedOn: string | null;
}

export const resolvedNotInFuture = dateNotInFuture<CorrectiveActionFacts>('resolvedOn', (f) => f.resolvedOn);
export const resolvedAfterInspection = dateNotBefore<CorrectiveActionFacts>('resolved_on_not_before_inspection', (f) => f.resolvedOn, (f) => f.conductedOn);

/** A corrective action is set by a non-compliant inspection and resolved, one at a time, by the ministry. */
export const correctiveActionTransitions = {
  resolve: { from: ['open'], to: 'resolved', roles: ['admin', 'inspector'], guards: [resolvedNotInFuture, resolvedAfterInspection] },
} satisfies TransitionTable<CorrectiveActionStatus, Role, CorrectiveActionFacts>;

export interface ResolveBody {
  resolvedOn?: string;
  note?: string;
}
