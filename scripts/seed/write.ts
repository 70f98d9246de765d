import type { PoolClient } from 'pg';
import { FLOW_ROLLUP_REBUILD } from '../../src/figures/domain/flow-definitions';
import { STOCK_ROLLUP_REBUILD } from '../../src/figures/domain/stock-definitions';
import { percent, type Progress } from './progress';
import { stamp, type World } from './world';

type Cell = string | number | boolean | null | undefined | object;

/** Rows made a batch at a time from the simulated records, so the world is never held twice in memory. */
interface Rows {
  length: number;
  slice(start: number, end: number): Cell[][];
}

function lazyRows<T>(items: T[], toRow: (item: T, index: number) => Cell[]): Rows {
  return { length: items.length, slice: (start, end) => items.slice(start, end).map((item, i) => toRow(item, start + i)) };
}

/** Inserts rows in batches through unnest(text[]...), casting each column in SQL: fast, one round trip per batch. */
async function insertRows(client: PoolClient, table: string, columns: [string, string][], rows: Rows, batchSize = 5000): Promise<void> {
  progress?.phase(`writing ${rows.length.toLocaleString('en')} ${table}`);
  const list = columns.map(([name]) => name).join(', ');
  const selects = columns.map(([, type], i) => `u.c${i}::${type}`).join(', ');
  const unnest = columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  const sql = `INSERT INTO ${table} (${list}) SELECT ${selects} FROM unnest(${unnest}) AS u(${aliases})`;
  for (let offset = 0; offset < rows.length; offset += batchSize) {
    const batch = rows.slice(offset, offset + batchSize);
    const params = columns.map((_, i) =>
      batch.map((row) => {
        const value = row[i];
        if (value === null || value === undefined) return null;
        return typeof value === 'object' ? JSON.stringify(value) : String(value);
      }),
    );
    await client.query(sql, params);
    progress?.tick(() => `  ${table}: ${(offset + batch.length).toLocaleString('en')} of ${rows.length.toLocaleString('en')} (${percent(offset + batch.length, rows.length)})`);
  }
}

/** Where the writing reports how far it is (set for the length of one writeWorld). */
let progress: Progress | undefined;

export interface SeedUsers {
  inspectorId: string;
  approverId: string;
  socialWorkerId: string;
}

/** Writes the simulated world in one transaction. Care periods are rebuilt in bulk from the events. */
export async function writeWorld(client: PoolClient, world: World, users: SeedUsers, today: string, firstRegistryNumber: number, report?: Progress): Promise<void> {
  progress = report;
  await client.query('ALTER TABLE care_episode_events DISABLE TRIGGER care_periods_follow_events');
  await client.query('ALTER TABLE care_episode_events DISABLE TRIGGER flow_daily_follow_events');

  await insertRows(client, 'agencies', [['id', 'uuid'], ['name', 'text'], ['type', 'text']], lazyRows(world.agencies, (a) => [a.id, a.name, a.type]));

  await insertRows(
    client,
    'facilities',
    [
      ['id', 'uuid'], ['registry_code', 'text'], ['name', 'text'], ['name_km', 'text'], ['type', 'text'], ['operator_agency_id', 'uuid'],
      ['province_code', 'text'], ['capacity', 'int'], ['status', 'text'], ['remediation_deadline', 'date'], ['transition_target_service', 'text'],
      ['transition_target_date', 'date'], ['last_approved_inspection_on', 'date'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ],
    lazyRows(world.facilities, (f, i) => [
      f.id, `RCF-${f.provinceCode}-${String(firstRegistryNumber + i).padStart(5, '0')}`, f.name, f.nameKm, f.type, f.operatorAgencyId, f.provinceCode,
      f.capacity, f.status, f.remediationDeadline, f.transitionTargetService, f.transitionTargetDate, f.lastApprovedOn,
      `${f.createdOn}T02:00:00Z`, `${today}T02:00:00Z`,
    ]),
  );

  await insertRows(
    client,
    'mous',
    [['id', 'uuid'], ['facility_id', 'uuid'], ['reference_number', 'text'], ['status', 'text'], ['signed_on', 'date'], ['starts_on', 'date'], ['ends_on', 'date'], ['renewal_of_id', 'uuid'], ['created_at', 'timestamptz']],
    // A renewal points at an MoU of the same statement: foreign keys are checked at its end.
    lazyRows(world.mous, (m) => [m.id, m.facilityId, m.referenceNumber, m.status, m.signedOn, m.startsOn, m.endsOn, m.renewalOfId, `${m.createdOn}T02:00:00Z`]),
    100_000,
  );

  await insertRows(
    client,
    'inspections',
    [
      ['id', 'uuid'], ['facility_id', 'uuid'], ['type', 'text'], ['status', 'text'], ['scheduled_for', 'date'], ['inspector_id', 'uuid'], ['conducted_on', 'date'],
      ['ratings', 'jsonb'], ['outcome', 'text'], ['submitted_by_id', 'uuid'], ['submitted_at', 'timestamptz'], ['approved_by_id', 'uuid'], ['approved_at', 'timestamptz'], ['created_at', 'timestamptz'],
    ],
    lazyRows(world.inspections, (i) => [
      i.id, i.facilityId, i.type, 'approved', i.scheduledFor, users.inspectorId, i.conductedOn, i.ratings, i.outcome, users.inspectorId,
      i.submittedAt.toISOString(), users.approverId, i.approvedAt.toISOString(), `${i.createdOn}T02:00:00Z`,
    ]),
  );
  await insertRows(
    client,
    'corrective_actions',
    [['id', 'uuid'], ['inspection_id', 'uuid'], ['description', 'text'], ['due_on', 'date'], ['status', 'text'], ['resolved_on', 'date'], ['resolved_by_id', 'uuid'], ['created_at', 'timestamptz']],
    lazyRows(world.correctiveActions, (a) => [a.id, a.inspectionId, a.description, a.dueOn, a.status, a.resolvedOn, a.resolvedOn ? users.inspectorId : null, `${a.createdOn}T02:00:00Z`]),
  );
  await insertRows(
    client,
    'registry_events',
    [['id', 'uuid'], ['entity_type', 'text'], ['entity_id', 'uuid'], ['action', 'text'], ['from_status', 'text'], ['to_status', 'text'], ['actor_id', 'uuid'], ['actor_role', 'text'], ['reason', 'text'], ['payload', 'jsonb'], ['recorded_at', 'timestamptz']],
    lazyRows(world.registryEvents, (e) => [e.id, e.entityType, e.entityId, e.action, e.from, e.to, users.inspectorId, 'inspector', e.reason, e.payload, e.at]),
  );

  await insertRows(
    client,
    'children',
    [
      ['id', 'uuid'], ['system_code', 'text'], ['given_name', 'text'], ['family_name', 'text'], ['given_name_km', 'text'], ['family_name_km', 'text'], ['sex', 'text'],
      ['date_of_birth', 'date'], ['date_of_birth_estimated', 'boolean'], ['birth_registered', 'boolean'], ['disability', 'boolean'], ['parental_status', 'text'],
      ['home_province_code', 'text'], ['registered_by_agency_id', 'uuid'], ['record_key', 'smallint'],
    ],
    lazyRows(world.children, (c) => [
      c.id, c.systemCode, c.givenName, c.familyName, c.givenNameKm, c.familyNameKm, c.sex, c.dateOfBirth, c.dateOfBirthEstimated, c.birthRegistered, c.disability,
      c.parentalStatus, c.homeProvinceCode, c.registeredByAgencyId, c.recordKey,
    ]),
  );
  await insertRows(
    client,
    'care_episodes',
    [
      ['id', 'uuid'], ['child_id', 'uuid'], ['responsible_agency_id', 'uuid'], ['province_code', 'text'], ['status', 'text'], ['referred_on', 'date'], ['reasons', 'text[]'],
      ['facility_id', 'uuid'], ['residential_since', 'date'], ['last_review_on', 'date'], ['next_review_due', 'date'], ['target_placement_type', 'text'],
      ['family_traced_on', 'date'], ['placement_type', 'text'], ['carer_name', 'text'], ['carer_relationship', 'text'], ['placed_on', 'date'],
      ['visits_since_placement', 'int'], ['last_visit_on', 'date'], ['last_visit_rated_well', 'boolean'], ['next_visit_due', 'date'], ['last_event_on', 'date'],
      ['closed_on', 'date'], ['close_reason', 'text'], ['created_at', 'timestamptz'],
    ],
    lazyRows(world.episodes, (e) => [
      e.id, e.childId, e.responsibleAgencyId, e.provinceCode, e.status, e.referredOn, `{${e.reasons.join(',')}}`, e.facilityId, e.residentialSince, e.lastReviewOn,
      e.nextReviewDue, e.targetPlacementType, e.familyTracedOn, e.placementType, e.carerName, e.carerRelationship, e.placedOn, e.visitsSincePlacement,
      e.lastVisitOn, e.lastVisitRatedWell, e.nextVisitDue, e.lastEventOn, e.closedOn, e.closeReason, `${e.referredOn}T02:00:00Z`,
    ]),
  );
  await insertRows(
    client,
    'care_episode_events',
    [
      ['id', 'uuid'], ['episode_id', 'uuid'], ['child_id', 'uuid'], ['action', 'text'], ['from_status', 'text'], ['to_status', 'text'], ['occurred_on', 'date'],
      ['recorded_at', 'timestamptz'], ['actor_id', 'uuid'], ['actor_role', 'text'], ['responsible_agency_id', 'uuid'], ['province_code', 'text'], ['facility_id', 'uuid'],
      ['placement_type', 'text'], ['reason', 'text'], ['payload', 'jsonb'], ['re_entry', 'boolean'], ['record_key', 'smallint'],
    ],
    lazyRows(world.events, (e) => [
      e.id, e.episodeId, e.childId, e.action, e.fromStatus, e.toStatus, e.occurredOn, stamp(e.occurredOn, e.order),
      users.socialWorkerId, 'social_worker', e.responsibleAgencyId, e.provinceCode, e.facilityId, e.placementType, e.reason, e.payload, e.reEntry, e.recordKey,
    ]),
  );
  await insertRows(
    client,
    'care_reviews',
    [['id', 'uuid'], ['episode_id', 'uuid'], ['reviewed_on', 'date'], ['summary', 'text'], ['recorded_by_id', 'uuid']],
    lazyRows(world.reviews, (r) => [r.id, r.episodeId, r.reviewedOn, r.summary, users.socialWorkerId]),
  );
  await insertRows(
    client,
    'follow_up_visits',
    [['id', 'uuid'], ['episode_id', 'uuid'], ['visited_on', 'date'], ['visit_type', 'text'], ['child_seen', 'boolean'], ['ratings', 'jsonb'], ['rated_well', 'boolean'], ['note', 'text'], ['recorded_by_id', 'uuid']],
    lazyRows(world.visits, (v) => [v.id, v.episodeId, v.visitedOn, v.visitType, v.childSeen, v.ratings, v.ratedWell, v.note, users.socialWorkerId]),
  );

  // The periods the trigger would have written, event by event, written at once.
  progress?.phase('rebuilding care periods from the events');
  await client.query('ALTER TABLE care_periods DISABLE TRIGGER stock_monthly_follow_periods');
  await client.query(`INSERT INTO care_periods (episode_id, child_id, status, facility_id, placement_type, province_code, starts_on, ends_on,
                                                sex, date_of_birth, disability, parental_status, facility_type, record_key)
    SELECT periods.episode_id, periods.child_id, periods.to_status, periods.facility_id, periods.placement_type, periods.province_code,
           periods.occurred_on, periods.ends_on, c.sex, c.date_of_birth, c.disability, c.parental_status, f.type, c.record_key
    FROM (
      SELECT ev.*, lead(ev.occurred_on) OVER (PARTITION BY ev.episode_id ORDER BY ev.occurred_on, ev.recorded_at) AS ends_on
      FROM care_episode_events ev
      WHERE NOT EXISTS (SELECT 1 FROM care_periods p WHERE p.episode_id = ev.episode_id)
    ) periods
    JOIN children c ON c.id = periods.child_id
    LEFT JOIN facilities f ON f.id = periods.facility_id
    WHERE periods.to_status <> 'closed'`);
  await client.query('ALTER TABLE care_episode_events ENABLE TRIGGER care_periods_follow_events');
  // The daily flows, recounted from every event (those already there and those just written).
  progress?.phase('counting the daily flows');
  await client.query('TRUNCATE flow_daily');
  await client.query(FLOW_ROLLUP_REBUILD);
  await client.query('ALTER TABLE care_episode_events ENABLE TRIGGER flow_daily_follow_events');
  // The same for the monthly stock.
  progress?.phase('counting the monthly stock');
  await client.query('TRUNCATE stock_monthly');
  await client.query(STOCK_ROLLUP_REBUILD);
  await client.query('ALTER TABLE care_periods ENABLE TRIGGER stock_monthly_follow_periods');
}
