import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../auth/caller';

/** What one request (or one script step) carries through the call stack. */
export interface RequestContext {
  requestId: string;
  caller?: Caller;
  manager?: EntityManager;
  /** Work to do last, just before COMMIT (the audit log is written there, to hold its lock briefly). */
  beforeCommit?: (() => Promise<void>)[];
  /** Audit rows waiting for the before-commit write (kept here, not in a WeakMap keyed by request: cheaper to collect). */
  auditRows?: unknown[][];
}

/** Runs `work` with `manager` as the current transaction, then the before-commit work. */
export async function inUnitOfWork<T>(base: RequestContext, manager: EntityManager, work: () => Promise<T>): Promise<T> {
  const store: RequestContext = { ...base, manager, beforeCommit: [] };
  return requestContext.run(store, async () => {
    const result = await work();
    for (const task of store.beforeCommit ?? []) await task();
    return result;
  });
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentContext(): RequestContext | undefined {
  return requestContext.getStore();
}
