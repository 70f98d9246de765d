import { Injectable } from '@nestjs/common';
import { Database } from '../common/database/database.service';
import type { Caller } from '../common/auth/caller';
import type { UnitOfWork } from '../common/database/unit-of-work';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** What changed, never names, dates of birth, passwords or tokens. */
  changes?: Record<string, unknown>;
}

export interface ChainVerification {
  valid: boolean;
  checked: number;
  firstBrokenSeq: string | null;
  lastHash: string | null;
}

const INSERT_SQL = (rows: number) =>
  `INSERT INTO audit_events (request_id, actor_id, actor_role, agency_id, action, entity_type, entity_id, changes, prev_hash, hash) VALUES ${Array.from(
    { length: rows },
    (_, r) => `(${Array.from({ length: 8 }, (__, c) => `$${r * 8 + c + 1}`).join(', ')}, '', '')`,
  ).join(', ')}`;
const INSERT_ONE_SQL = INSERT_SQL(1);

@Injectable()
export class AuditService {
  constructor(private readonly db: Database) {}

  /**
   * Appends an event in the caller's transaction: it commits, or rolls back, with the work it
   * records. Events are written together just before COMMIT, because extending the hash chain takes
   * a lock that is held until the transaction ends: the shorter that wait, the more requests per second.
   */
  record(work: UnitOfWork, entry: AuditEntry): void {
    const row = this.row(entry, work);
    if (!work.auditRows) {
      const pending: unknown[][] = (work.auditRows = []);
      work.beforeCommit.push(() => this.insert(work, pending));
    }
    work.auditRows.push(row);
  }

  /**
   * Writes at once, in a transaction of its own, so the entry stays on record although the request
   * that made it is refused and rolls back (a denied read, a refused duplicate).
   */
  async recordNow(entry: AuditEntry, who: { requestId: string; caller?: Caller }): Promise<void> {
    const row = this.row(entry, who);
    await this.db.dataSource.transaction((manager) => manager.query(INSERT_ONE_SQL, row));
  }

  private row(entry: AuditEntry, who: { requestId: string; caller?: Caller }): unknown[] {
    const caller = who.caller;
    return [
      who.requestId,
      caller?.userId ?? null,
      caller?.role ?? null,
      caller?.agencyId ?? null,
      entry.action,
      entry.entityType,
      entry.entityId ?? null,
      JSON.stringify(entry.changes ?? {}),
    ];
  }

  private async insert(work: UnitOfWork, rows: unknown[][]): Promise<void> {
    await work.manager.query(rows.length === 1 ? INSERT_ONE_SQL : INSERT_SQL(rows.length), rows.flat());
  }

  /** Recomputes every digest and link; the first row that does not match is where tampering begins. */
  async verifyChain(work: UnitOfWork): Promise<ChainVerification> {
    const manager = work.manager;
    const [broken] = await manager.query<{ seq: string }[]>(
      `SELECT seq FROM (
         SELECT seq, id, hash, prev_hash, audit_event_digest(a) AS digest,
                lag(hash) OVER w AS previous_hash, lag(seq) OVER w AS previous_seq
         FROM audit_events a WINDOW w AS (ORDER BY seq)
       ) chain
       WHERE digest <> hash OR id <> audit_event_id(hash) OR prev_hash <> coalesce(previous_hash, repeat('0', 64)) OR seq <> coalesce(previous_seq, 0) + 1
       ORDER BY seq LIMIT 1`,
    );
    const [summary] = await manager.query<{ checked: number; last_hash: string | null }[]>(
      `SELECT count(*)::int AS checked, (SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1) AS last_hash FROM audit_events`,
    );
    return {
      valid: !broken,
      checked: summary?.checked ?? 0,
      firstBrokenSeq: broken?.seq ?? null,
      lastHash: summary?.last_hash ?? null,
    };
  }
}
