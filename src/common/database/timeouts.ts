/** Nothing waits forever on the database (docs/operations.md says why each is what it is). */
export interface DatabaseTimeouts {
  statementTimeoutMs: number;
  lockTimeoutMs: number;
  acquireTimeoutMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = { statementTimeoutMs: 15_000, lockTimeoutMs: 5_000, acquireTimeoutMs: 3_000 };
