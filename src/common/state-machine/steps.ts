import { applySystemTransition, applyTransition, type TransitionTable } from './transition-table';

/** What a step changes on its record, and what its status event records. */
export interface StepOutcome<State> {
  changes: Partial<State>;
  payload: Record<string, unknown>;
  reason?: string | null;
}

/**
 * The effect of one action, beside its table entry: the facts it adds from its body (on top of
 * those the service loaded), and the changes it makes. Pure.
 */
export interface Effect<State, Body, Facts, Extra extends object = object> {
  facts?: (body: Body, base: Facts) => Partial<Facts>;
  /** `Extra` carries what the step does to other records (the corrective actions an inspection sets). */
  apply: (record: Readonly<State>, body: Body, facts: Facts) => StepOutcome<State> & Extra;
}

export interface StepRun<Status extends string, State> extends StepOutcome<State> {
  from: Status;
  to: Status;
}

/** Checks an action against its table with the facts, then computes its effect. The service stores the result. */
export function runStep<Status extends string, Role extends string, Facts, State extends { status: Status }, Body, Extra extends object = object>(
  table: TransitionTable<Status, Role, Facts>,
  effect: Effect<State, Body, Facts, Extra>,
  request: { action: string; record: Readonly<State>; body: Body; role: Role | 'system'; facts: Facts; from?: Status },
): StepRun<Status, State> & Extra {
  const from = request.from ?? request.record.status;
  const facts = { ...request.facts, ...effect.facts?.(request.body, request.facts) };
  const to =
    request.role === 'system'
      ? applySystemTransition(table, { action: request.action, from, facts })
      : applyTransition(table, { action: request.action, from, role: request.role, facts });
  return { from, to, ...effect.apply(request.record, request.body, facts) };
}
