import { Forbidden, TransitionNotAllowed } from '../errors/domain-errors';
import { applyCreation, applyTransition, type TransitionTable } from './transition-table';

/** What a reader of domain.md expects of one action: from where, to where, and who. */
export interface ExpectedAction<State extends string, Role extends string> {
  from: readonly State[];
  to: State | 'same';
  roles: readonly Role[];
  rolesFrom?: Partial<Record<State, readonly Role[]>>;
  /** A creation step: no source state; `roles` may create. */
  creates?: true;
}

/**
 * Walks every state × action × role through a table, with facts under which every guard passes,
 * and lists each disagreement with the expectation. An empty list means the table is right.
 */
export function walkTable<State extends string, Role extends string, Facts>(
  table: TransitionTable<State, Role, Facts>,
  expected: Record<string, ExpectedAction<State, Role>>,
  states: readonly State[],
  roles: readonly Role[],
  passingFacts: Facts,
): string[] {
  const problems: string[] = [];
  const actions = new Set([...Object.keys(table), ...Object.keys(expected)]);
  for (const action of actions) {
    if (expected[action]?.creates || table[action]?.creates) {
      for (const role of roles) {
        let outcome: string;
        try {
          outcome = applyCreation(table, { action, role, facts: passingFacts });
        } catch (error) {
          outcome = error instanceof Forbidden ? 'refused' : `threw ${(error as Error).name}`;
        }
        const rule = expected[action];
        const wanted = rule?.creates && rule.roles.includes(role) ? String(rule.to) : 'refused';
        if (outcome !== wanted) problems.push(`${action} (creation) as ${role}: got ${outcome}, expected ${wanted}`);
      }
    }
    for (const state of states) {
      for (const role of roles) {
        const rule = expected[action];
        const shouldPass = !!rule && rule.from.includes(state) && (rule.rolesFrom?.[state] ?? rule.roles).includes(role);
        let outcome: string;
        try {
          outcome = applyTransition(table, { action, from: state, role, facts: passingFacts });
        } catch (error) {
          outcome = error instanceof TransitionNotAllowed ? 'refused' : `threw ${(error as Error).name}`;
        }
        const wanted = shouldPass ? (rule.to === 'same' ? state : rule.to) : 'refused';
        if (outcome !== wanted) problems.push(`${action} from ${state} as ${role}: got ${outcome}, expected ${wanted}`);
      }
    }
  }
  return problems;
}
