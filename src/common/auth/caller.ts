import type { Role } from './roles';

/** Who is calling, loaded fresh from the database on every request. */
export interface Caller {
  userId: string;
  username: string;
  role: Role;
  agencyId: string | null;
  /** Empty means national scope (for inspectors); ngo_workers and planners have none. */
  provinceCodes: string[];
  /** The token this request came with: its id, and when it expires (for logout). */
  tokenId?: string;
  tokenExpiresAt?: Date;
}

export function isNational(caller: Caller): boolean {
  return caller.role === 'admin' || caller.role === 'planner' || (caller.role !== 'ngo_worker' && caller.provinceCodes.length === 0);
}

/** A users row (as plain SQL reads it) as the caller it acts as. */
export interface CallerRow {
  id: string;
  username: string;
  role: Role;
  agency_id: string | null;
  province_codes: string[];
}

export function callerOf(row: CallerRow): Caller {
  return { userId: row.id, username: row.username, role: row.role, agencyId: row.agency_id, provinceCodes: row.province_codes };
}
