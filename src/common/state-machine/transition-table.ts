import { Forbidden, GuardFailed, TransitionNotAllowed } from '../errors/domain-errors';

/**
 * A guard is a pure rule over the facts with the reason codes it can answer, as data, so that
 * documentation and labels can list them. `check` answers null when it passes, else one of `codes`.
 */
export interface Guard<Facts> {
  readonly codes: readonly string[];
  readonly check: (facts: Facts) => string | null;
  /**
   * The guard reads only what is known before any body is sent (who acts, the record as stored), so
   * `allowedActions` applies it too and never offers what this guard would refuse (four eyes).
   */
  readonly whenReading?: true;
  /** The guard decides who may act, not whether the step may happen: its refusal is 403 FORBIDDEN. */
  readonly forbidden?: true;
}

/** A guard with one reason code: refuses with `code` unless `passes`. */
export function guard<Facts>(code: string, passes: (facts: Facts) => boolean, options: { whenReading?: true; forbidden?: true } = {}): Guard<Facts> {
  return { codes: [code], check: (facts) => (passes(facts) ? null : code), ...options };
}

/** A guard that can answer one of several codes (the first rule that fails). */
export function guardOf<Facts>(codes: readonly string[], check: (facts: Facts) => string | null): Guard<Facts> {
  return { codes, check };
}

export interface Transition<State extends string, Role extends string, Facts> {
  /** The states it starts from; empty for a step that creates the record (`creates`). */
  from: readonly State[];
  /** The target state; `'same'` keeps the current one (e.g. a transfer between facilities). */
  to: State | 'same';
  roles: readonly Role[];
  /** Narrower roles for some source states (e.g. ngo_workers place a child only from reintegration). */
  rolesFrom?: Partial<Record<State, readonly Role[]>>;
  guards: readonly Guard<Facts>[];
  /** The step creates the record: it has no source state and is checked with `applyCreation`. */
  creates?: true;
  /** Taken only as the consequence of another step (e.g. a renewal supersedes): never offered, never called. */
  system?: true;
}

export type TransitionTable<State extends string, Role extends string, Facts> = Record<string, Transition<State, Role, Facts>>;

export interface TransitionRequest<State extends string, Role extends string, Facts> {
  action: string;
  from: State;
  role: Role;
  facts: Facts;
}

function entry<State extends string, Role extends string, Facts>(table: TransitionTable<State, Role, Facts>, action: string) {
  return Object.hasOwn(table, action) ? table[action] : undefined;
}

function mayTake<State extends string, Role extends string, Facts>(t: Transition<State, Role, Facts>, from: State, role: Role): boolean {
  if (t.system || t.creates || !t.from.includes(from)) return false;
  return (t.rolesFrom?.[from] ?? t.roles).includes(role);
}

function firstRefusal<Facts>(guards: readonly Guard<Facts>[], facts: Facts): string | null {
  return firstFailing(guards, facts)?.reason ?? null;
}

function firstFailing<Facts>(guards: readonly Guard<Facts>[], facts: Facts): { guard: Guard<Facts>; reason: string } | null {
  for (const g of guards) {
    const reason = g.check(facts);
    if (reason !== null) return { guard: g, reason };
  }
  return null;
}

/** Who-may-act guards first, so a caller who may not act is told so (403) before anything about the step. */
function refuse<Facts>(action: string, guards: readonly Guard<Facts>[], facts: Facts): void {
  const failing = firstFailing([...guards.filter((g) => g.forbidden), ...guards.filter((g) => !g.forbidden)], facts);
  if (!failing) return;
  if (failing.guard.forbidden) throw new Forbidden(`You may not take the action ${action} on this record (${failing.reason}).`, failing.reason);
  throw new GuardFailed(action, failing.reason);
}

/**
 * Actions this role may start from this state. Given the facts known when reading, the guards marked
 * `whenReading` are applied too, so nothing is offered that they would refuse.
 */
export function allowedActions<State extends string, Role extends string, Facts>(
  table: TransitionTable<State, Role, Facts>,
  from: State,
  role: Role,
  readFacts?: Facts,
): string[] {
  const allowed: string[] = [];
  for (const { action, transition, readingGuards } of entriesOf(table)) {
    if (mayTake(transition, from, role) && (readFacts === undefined || firstRefusal(readingGuards, readFacts) === null)) allowed.push(action);
  }
  return allowed;
}

interface TableEntry<State extends string, Role extends string, Facts> {
  action: string;
  transition: Transition<State, Role, Facts>;
  readingGuards: readonly Guard<Facts>[];
}

// Every read of a record asks for its allowed actions: its table's entries and their reading guards are listed once.
const tableEntries = new WeakMap<object, readonly TableEntry<string, string, unknown>[]>();

function entriesOf<State extends string, Role extends string, Facts>(table: TransitionTable<State, Role, Facts>): readonly TableEntry<State, Role, Facts>[] {
  let entries = tableEntries.get(table) as readonly TableEntry<State, Role, Facts>[] | undefined;
  if (!entries) {
    entries = Object.entries(table).map(([action, transition]) => ({ action, transition, readingGuards: transition.guards.filter((g) => g.whenReading) }));
    tableEntries.set(table, entries as readonly TableEntry<string, string, unknown>[]);
  }
  return entries;
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
  const transition = entry(table, request.action);
  if (!transition || !mayTake(transition, request.from, request.role)) {
    throw new TransitionNotAllowed(request.action, request.from, allowedActions(table, request.from, request.role));
  }
  return check(transition, request.action, request.from, request.facts);
}

/** A step the system takes as the consequence of another (`system: true`): no role, same guards. */
export function applySystemTransition<State extends string, Role extends string, Facts>(
  table: TransitionTable<State, Role, Facts>,
  request: Omit<TransitionRequest<State, Role, Facts>, 'role'>,
): State {
  const transition = entry(table, request.action);
  if (!transition?.system || !transition.from.includes(request.from)) {
    throw new TransitionNotAllowed(request.action, request.from, []);
  }
  return check(transition, request.action, request.from, request.facts);
}

/** The creation step of a table: the role may create, and every guard passes. Answers the first state. */
export function applyCreation<State extends string, Role extends string, Facts>(
  table: TransitionTable<State, Role, Facts>,
  request: { action: string; role: Role; facts: Facts },
): State {
  const transition = entry(table, request.action);
  if (!transition?.creates) throw new Error(`${request.action} is not a creation step`);
  if (!transition.roles.includes(request.role)) throw new Forbidden(`Your role may never take the action ${request.action}.`);
  refuse(request.action, transition.guards, request.facts);
  return transition.to as State;
}

function check<State extends string, Role extends string, Facts>(t: Transition<State, Role, Facts>, action: string, from: State, facts: Facts): State {
  refuse(action, t.guards, facts);
  return t.to === 'same' ? from : t.to;
}

/** Whether a creation step would be offered to this role with the facts known when reading. */
export function creationAllowed<State extends string, Role extends string, Facts>(table: TransitionTable<State, Role, Facts>, action: string, role: Role, readFacts: Facts): boolean {
  const transition = entry(table, action);
  return !!transition?.creates && transition.roles.includes(role) && firstRefusal(transition.guards.filter((g) => g.whenReading), readFacts) === null;
}

/** A role that may never take an action, from any state, is refused outright (403), not told "not now" (409). */
export function assertRoleMayEverTake<State extends string, Role extends string, Facts>(
  table: TransitionTable<State, Role, Facts>,
  action: string,
  role: Role,
): void {
  const transition = entry(table, action);
  if (!transition || transition.system) return;
  const everAllowed = transition.creates
    ? transition.roles.includes(role)
    : transition.from.some((from) => (transition.rolesFrom?.[from] ?? transition.roles).includes(role));
  if (!everAllowed) throw new Forbidden(`Your role may never take the action ${action}.`);
}

/** Every reason code an action's guards can answer, in table order: the source of the API's 422 documentation. */
export function guardCodes<State extends string, Role extends string, Facts>(table: TransitionTable<State, Role, Facts>, action: string): string[] {
  const transition = entry(table, action);
  return [...new Set((transition?.guards ?? []).filter((g) => !g.forbidden).flatMap((g) => g.codes))];
}

/** Every reason code of a table, for the labels. */
export function allGuardCodes<State extends string, Role extends string, Facts>(table: TransitionTable<State, Role, Facts>): string[] {
  return [...new Set(Object.keys(table).flatMap((action) => guardCodes(table, action)))];
}

/** Who may take an action, in words, for the API documentation: the roles, and any narrower per source state. */
export function describeWho<State extends string, Role extends string, Facts>(table: TransitionTable<State, Role, Facts>, action: string): string {
  const transition = entry(table, action);
  if (!transition) return 'nobody';
  const shown = (roles: readonly Role[]) => roles.filter((r) => r !== 'admin').join(', ') || 'admin';
  const narrower = Object.entries(transition.rolesFrom ?? {}).map(([state, roles]) => `from ${state}: ${shown(roles as Role[])}`);
  return [shown(transition.roles), ...narrower].join('; ') + ' (and admins)';
}

/** Checks rules outside any lifecycle (a child's registration) with the same guards and the same 422. */
export function checkGuards<Facts>(action: string, guards: readonly Guard<Facts>[], facts: Facts): void {
  refuse(action, guards, facts);
}
