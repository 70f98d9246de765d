import { Injectable } from '@nestjs/common';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { isNational } from '../common/auth/caller';
import { roleHasPermission } from '../common/auth/roles';
import { Database } from '../common/database/database.service';
import type { Acting, UnitOfWork } from '../common/database/unit-of-work';
import { decodeCursor, encodeCursor } from '../common/http/pagination';
import { FeedReaders } from './feed-readers';
import { FEED_ENTITY_TYPES, FEED_READ_PERMISSION, type FeedEntityType } from './domain/feed-entity-types';
import { FEED_START, isFeedPosition, nextFeedPosition, type FeedPosition } from './domain/feed-position';
import type { ChangeItem, ChangePage, ChangesQuery } from './dto/changes.dto';

/** How many feed rows one scan looks at, at most, to find the ones in the caller's scope. */
const SCAN_LIMIT = 5000;
/** How many scans one page may take before it answers empty (a cursor moved past 100,000 changes of others). */
const SCANS_PER_PAGE = 20;

interface FeedRow {
  xid: string;
  seq: string;
  occurred_at: Date;
  entity_type: FeedEntityType;
  entity_id: string;
  action: 'created' | 'updated';
  version: number;
  scan_end: boolean;
  /** On the scan_end row: how many rows the scan looked at. */
  scanned: string | null;
}

/**
 * The change feed. Only changes of transactions older than every transaction still running are
 * answered (`xid < pg_snapshot_xmin`): all of them have committed or rolled back, so nothing can
 * later appear behind a cursor already handed out. Scope is applied as the caller's own lists apply
 * it, through each record type's scoped query, as it is now.
 */
@Injectable()
export class ChangesService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly readable: FeedReaders,
  ) {}

  async page(caller: Acting, query: ChangesQuery): Promise<ChangePage> {
    const after = query.after ? decodeCursor<FeedPosition>(query.after, isFeedPosition) : FEED_START;
    const { items, next } = await this.readAs(caller, after, query.types ?? FEED_ENTITY_TYPES, query.limit ?? 100);
    this.audit.record(caller.work, { action: 'changes.read', entityType: 'change_feed', changes: { items: items.length } });
    return { items, nextCursor: encodeCursor(next) };
  }

  /**
   * Up to `limit` changes after `after` that `caller` may read now, and where to resume. A caller
   * who sees little of the feed may find nothing in one scan: the next scan goes on from there, so
   * an empty page means the caller has seen all there is (or that SCANS_PER_PAGE scans found nothing
   * of its own; its cursor has moved past them).
   */
  async readAs(caller: Acting, after: FeedPosition, wanted: readonly FeedEntityType[], limit: number): Promise<{ items: ChangeItem[]; next: FeedPosition }> {
    const types = wanted.filter((type) => roleHasPermission(caller.role, FEED_READ_PERMISSION[type]));
    const read = this.reader(caller, types, limit);
    let position = after;
    for (let scan = 0; ; scan++) {
      const rows = await read(position);
      const items = rows.filter((row) => !row.scan_end);
      const lastScanned = rows.find((row) => row.scan_end) ?? null;
      position = positionOnly(nextFeedPosition(position, items, limit, lastScanned));
      const scannedAll = !lastScanned || Number(lastScanned.scanned) < SCAN_LIMIT;
      if (items.length > 0 || scannedAll || scan + 1 >= SCANS_PER_PAGE) return { items: items.map(toItem), next: position };
    }
  }

  /** The end of the feed as it stands: a reader starting here sees only what commits from now on. */
  async end(work: UnitOfWork): Promise<FeedPosition> {
    const [last] = await work.manager.query<FeedPosition[]>(
      // Ordered by the columns, not by their text (which would put seq 10 before 9).
      'SELECT xid::text AS xid, seq::text AS seq FROM change_feed WHERE xid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY change_feed.xid DESC, change_feed.seq DESC LIMIT 1',
    );
    return last ?? FEED_START;
  }

  /** The page's query, built once (scope included) and run from each position a scan starts at. */
  private reader(caller: Acting, types: FeedEntityType[], limit: number): (after: FeedPosition) => Promise<FeedRow[]> {
    if (types.length === 0) return () => Promise.resolve([]);
    // A national reader sees every row it scans: no need to look further than the page.
    const parameters: ObjectLiteral = { types, scan: isNational(caller) ? limit : SCAN_LIMIT, limit };
    const inScope = isNational(caller) ? 'true' : types.map((type) => this.inScope(type, caller, parameters)).join(' OR ');
    const sql = `WITH scanned AS MATERIALIZED (
        SELECT xid::text AS xid, seq::text AS seq, xid AS xid_order, seq AS seq_order, occurred_at, entity_type, entity_id, action, version
        FROM change_feed
        WHERE (xid, seq) > (:xid::xid8, :seq::bigint) AND xid < pg_snapshot_xmin(pg_current_snapshot()) AND entity_type = ANY(:types::text[])
        ORDER BY change_feed.xid, change_feed.seq LIMIT :scan),
      visible AS (SELECT * FROM scanned ch WHERE ${inScope} ORDER BY xid_order, seq_order LIMIT :limit)
      (SELECT xid, seq, occurred_at, entity_type, entity_id, action, version, false AS scan_end, NULL::bigint AS scanned FROM visible ORDER BY xid_order, seq_order)
      UNION ALL
      (SELECT xid, seq, occurred_at, entity_type, entity_id, action, version, true, (SELECT count(*) FROM scanned) FROM scanned ORDER BY xid_order DESC, seq_order DESC LIMIT 1)`;
    return (after) => {
      const [text, values] = this.db.dataSource.driver.escapeQueryWithParameters(sql, { ...parameters, xid: after.xid, seq: after.seq });
      return caller.work.manager.query<FeedRow[]>(text, values);
    };
  }

  /** `EXISTS` over the type's own scoped query, its parameters added to the page's. */
  private inScope(type: FeedEntityType, caller: Acting, parameters: ObjectLiteral): string {
    const scoped: SelectQueryBuilder<ObjectLiteral> = this.readable.scoped(type, caller);
    const sub = scoped.select('1').andWhere(`${scoped.alias}.id = ch.entity_id`);
    Object.assign(parameters, sub.getParameters());
    return `(ch.entity_type = '${type}' AND EXISTS (${sub.getQuery()}))`;
  }
}

const positionOnly = (row: FeedPosition): FeedPosition => ({ xid: row.xid, seq: row.seq });

function toItem(row: FeedRow): ChangeItem {
  return {
    cursor: encodeCursor(positionOnly(row)),
    occurredAt: row.occurred_at.toISOString(),
    entityType: row.entity_type,
    entityId: row.entity_id,
    action: row.action,
    version: row.version,
  };
}
