import type { EntityManager } from 'typeorm';
import type { Caller } from '../auth/caller';

/**
 * One request's (or one script step's) transaction, passed by hand to the code that does its work.
 * Passed, not found through AsyncLocalStorage: on Node 20 its promise hooks run on every promise the
 * process makes, and cost the hot read a sixth of its instructions (docs/performance.md, round seven).
 */
export interface UnitOfWork {
  readonly requestId: string;
  readonly caller?: Caller;
  readonly manager: EntityManager;
  /** Work to do last, just before COMMIT (the audit log is written there, to hold its lock briefly). */
  readonly beforeCommit: (() => Promise<void>)[];
  /** Audit rows waiting for the before-commit write. */
  auditRows?: unknown[][];
}

/** Who acts, as services see them: the caller, and the unit of work their request runs in. */
export interface Acting extends Caller {
  readonly work: UnitOfWork;
}

/** Runs `work` in a unit of work on `manager`, then the before-commit work. */
export async function inUnitOfWork<T>(
  base: { requestId: string; caller?: Caller },
  manager: EntityManager,
  work: (unit: UnitOfWork) => Promise<T>,
): Promise<T> {
  const unit: UnitOfWork = { ...base, manager, beforeCommit: [] };
  const result = await work(unit);
  for (const task of unit.beforeCommit) await task();
  return result;
}

/** The caller acting in `unit`. */
export function acting(caller: Caller, unit: UnitOfWork): Acting {
  return { ...caller, work: unit };
}
