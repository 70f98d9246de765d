import { Forbidden, GuardFailed, TransitionNotAllowed } from '../errors/domain-errors';

/** A guard is a pure function of the facts: null when it passes, otherwise a reason code. */
export type Guard<Facts> = (facts: Facts) => string | null;

export interface Transition<State extends string, Role extends string, Facts> {
  from: readonly State[];
  /** The target state; `'same'` keeps the current one (e.g. a transfer between facilities). */
  to: State | 'same';
  roles: readonly Role[];
  /** Narrower roles for some source states (e.g. ngo_workers place a child only from reintegration). */
  rolesFrom?: Partial<Record<State, readonly Role[]>>;
  guards: readonly Guard<Facts>[];
}

function mayTake<State extends string, Role extends string, Facts>(
  transition: Transition<State, Role, Facts>,
  from: State,
  role: Role,
): boolean {
  if (!transition.from.includes(from)) return false;
  return (transition.rolesFrom?.[from] ?? transition.roles).includes(role);
}

export type TransitionTable<State extends string, Role extends string, Facts> = Record<
  string,
  Transition<State, Role, Facts>
>;

export interface TransitionRequest<State extends string, Role extends string, Facts> {
  action: string;
  from: State;
  role: Role;
  facts: Facts;
}

/** Actions the table would let this role start from this state, guards not yet considered. */
export function allowedActions<State extends string, Role extends string, Facts>(
  table: TransitionTable<State, Role, Facts>,
  from: State,
  role: Role,
): string[] {
  return Object.entries(table)
    .filter(([, t]) => mayTake(t, from, role))
    .map(([action]) => action);
}

/**
 * Checks one transition against the table and returns the new state. Unknown actions, actions from
 * the wrong state and actions the role may not take are `TransitionNotAllowed`; the first failing
 * guard is `GuardFailed` with the guard's reason code.
 */
export function applyTransition<State extends string, Role extends string, Facts>(
  table: TransitionTable<State, Role, Facts>,
  request: TransitionRequest<State, Role, Facts>,
): State {
  const transition = Object.hasOwn(table, request.action) ? table[request.action] : undefined;
  if (!transition || !mayTake(transition, request.from, request.role)) {
    throw new TransitionNotAllowed(request.action, request.from, allowedActions(table, request.from, request.role));
  }
  for (const guard of transition.guards) {
    const reason = guard(request.facts);
    if (reason !== null) throw new GuardFailed(request.action, reason);
  }
  return transition.to === 'same' ? request.from : transition.to;
}

/** A role that may never take an action, from any state, is refused outright (403), not told "not now" (409). */
export function assertRoleMayEverTake<State extends string, Role extends string, Facts>(
  table: TransitionTable<State, Role, Facts>,
  action: string,
  role: Role,
): void {
  const transition = Object.hasOwn(table, action) ? table[action] : undefined;
  if (!transition) return;
  const everAllowed = transition.from.some((from) => (transition.rolesFrom?.[from] ?? transition.roles).includes(role));
  if (!everAllowed) throw new Forbidden(`Your role may never take the action ${action}.`);
}
