import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../auth/caller';

/** What one request (or one script step) carries through the call stack. */
export interface RequestContext {
  requestId: string;
  caller?: Caller;
  manager?: EntityManager;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentContext(): RequestContext | undefined {
  return requestContext.getStore();
}
