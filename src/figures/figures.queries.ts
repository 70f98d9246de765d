import { CLOSE_REASONS, IN_CARE_STATUSES, RESIDENT_STATUSES } from '../care-episodes/domain/care-episode';
import { sqlList } from '../common/database/sql';
import { TIME_ZONE } from '../common/time/calendar';
import { INSPECTION_INTERVAL_MONTHS, OPERATING_STATUSES } from '../facilities/domain/facility';
import { NOT_IN_A_FACILITY, type ChildDimension, type FacilityDimension } from './domain/dimensions';

/**
 * The SQL of the figures, kept apart from the service so the benchmark can time the same text.
 * Every figure on a date reads what had happened by the end of that day, by the dates events
 * happened (occurred_on), not when they were recorded.
 */
const IN_CARE = sqlList(IN_CARE_STATUSES);
const RESIDENT = sqlList(RESIDENT_STATUSES);

// Care periods carry the child's and facility's attributes, so no join is needed and the stock is
// read from one covering index.
export const CHILD_DIMENSION_SQL: Record<ChildDimension, string> = {
  careSetting: `CASE WHEN p.status IN ${RESIDENT} THEN 'residential_care' ELSE p.placement_type END`,
  provinceCode: 'p.province_code',
  facilityType: `coalesce(p.facility_type, '${NOT_IN_A_FACILITY}')`,
  sex: 'p.sex',
  // Younger than N years on $1 means born after $1 minus N years.
  ageBand: `CASE WHEN p.date_of_birth > ($1::date - interval '3 years') THEN '0-2'
    WHEN p.date_of_birth > ($1::date - interval '6 years') THEN '3-5'
    WHEN p.date_of_birth > ($1::date - interval '12 years') THEN '6-11'
    WHEN p.date_of_birth > ($1::date - interval '15 years') THEN '12-14'
    WHEN p.date_of_birth > ($1::date - interval '18 years') THEN '15-17' ELSE '18+' END`,
  disability: 'p.disability',
  parentalStatus: 'p.parental_status',
};

/** Children in care on $1, grouped; $2 is an optional province (null for all). */
export function childrenStockSql(groupBy: readonly ChildDimension[]): string {
  const keys = groupBy.map((d, i) => `${CHILD_DIMENSION_SQL[d]} AS d${i}`);
  return `SELECT ${[...keys, 'count(*)::int AS count', 'coalesce(sum(p.record_key), 0)::bigint AS key_sum'].join(', ')}
    FROM care_periods p
    WHERE p.status IN ${IN_CARE} AND daterange(p.starts_on, p.ends_on) @> $1::date
      AND ($2::text IS NULL OR p.province_code = $2)
    ${groupBy.length ? `GROUP BY ${groupBy.map((_, i) => `d${i}`).join(', ')}` : ''}`;
  // No ORDER BY: sorting tens of thousands of rows by seven collated keys took longer than the rest
  // of the query. The service sorts the few thousand groups instead.
}

/** Residential and family-based stock on $1 in one pass; $2 optional province. */
export const CARE_SPLIT_SQL = `SELECT
    count(*) FILTER (WHERE p.status IN ${RESIDENT})::int AS residential,
    coalesce(sum(p.record_key) FILTER (WHERE p.status IN ${RESIDENT}), 0)::bigint AS residential_key,
    count(*) FILTER (WHERE p.status = 'family_based_care')::int AS family,
    coalesce(sum(p.record_key) FILTER (WHERE p.status = 'family_based_care'), 0)::bigint AS family_key
  FROM care_periods p
  WHERE p.status IN ${IN_CARE} AND daterange(p.starts_on, p.ends_on) @> $1::date
    AND ($2::text IS NULL OR p.province_code = $2)`;

/** Closures by reason, and `at_assessment` for closeAtAssessment. */
export const CLOSE_REASON_CODES = [...CLOSE_REASONS, 'at_assessment'] as const;

/** The API's name of each flow, and its column in the daily rollup. */
export const FLOW_COLUMN_OF: Record<string, string> = {
  referrals: 'referrals',
  admissions: 'admissions',
  placedAtGatekeeping: 'placed_at_gatekeeping',
  reintegrations: 'reintegrations',
  breakdowns: 'breakdowns',
  reEntries: 're_entries',
  closures: 'closures',
  ...Object.fromEntries(CLOSE_REASON_CODES.map((reason) => [`close_${reason}`, `close_${reason}`])),
  diverted: 'diverted',
};

/**
 * Flows between $1 and $2 inclusive, by the date events happened, from the daily rollup; $3 an
 * optional province. With an interval, one row per interval (its first day as `period`).
 */
export function flowsSql(byProvince: boolean, interval?: 'month' | 'quarter' | 'year'): string {
  // Each count beside the sum of its events' record keys (its cell key, for disclosure control).
  const sums = Object.entries(FLOW_COLUMN_OF).flatMap(([name, column]) => [
    `coalesce(sum(${column}), 0)::int AS "${name}"`,
    `coalesce(sum(${column}_key), 0)::bigint AS "${name}Key"`,
  ]);
  const keys = [...(interval ? [`date_trunc('${interval}', d.day)::date::text AS period`] : []), ...(byProvince ? ['d.province_code AS "provinceCode"'] : [])];
  const groups = [...(interval ? ['period'] : []), ...(byProvince ? ['"provinceCode"'] : [])];
  return `SELECT ${[...keys, ...sums].join(',\n      ')}
    FROM flow_daily d
    WHERE d.day BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR d.province_code = $3)
    ${groups.length ? `GROUP BY ${groups.join(', ')} ORDER BY ${groups.join(', ')}` : ''}`;
}

const FACILITY_DIMENSION_SQL: Record<FacilityDimension, string> = {
  provinceCode: 'f.province_code',
  type: 'f.type',
  status: 's.status',
};

const LOCAL_DATE = (column: string) => `(${column} AT TIME ZONE '${TIME_ZONE}')::date`;

/**
 * Facilities as they stood on $1: status from their history, residents from care periods. Each
 * facility's status, MoU in force and last inspection are index probes from the facility (the
 * latest event before the end of $1), so the cost grows with the facilities, not with the years
 * of history behind them.
 */
export function facilitiesSql(groupBy: readonly FacilityDimension[]): string {
  const keys = groupBy.map((d) => `${FACILITY_DIMENSION_SQL[d]} AS "${d}"`);
  // Recorded on or before $1 in Cambodia: before the next local midnight, which an index can range over.
  const recordedBy = (column: string) => `${column} < (($1::date + 1)::timestamp AT TIME ZONE '${TIME_ZONE}')`;
  return `WITH residents AS (
      SELECT p.facility_id, count(*)::int AS n, sum(p.record_key)::bigint AS k FROM care_periods p
      WHERE p.status IN ${RESIDENT} AND daterange(p.starts_on, p.ends_on) @> $1::date
      GROUP BY p.facility_id
    ), mou_in_force AS (
      -- The MoUs whose dates hold $1, each one's events read by an index probe: activated and not
      -- ended by the end of $1.
      SELECT DISTINCT m.facility_id FROM mous m
      CROSS JOIN LATERAL (
        SELECT bool_or(e.action = 'activate') AS activated, bool_or(e.action IN ('terminate', 'supersede')) AS ended
        FROM registry_events e WHERE e.entity_type = 'mou' AND e.entity_id = m.id AND ${recordedBy('e.recorded_at')}
      ) history
      WHERE m.starts_on <= $1::date AND m.ends_on > $1::date AND history.activated AND NOT coalesce(history.ended, false)
    )
    SELECT ${[
      ...keys,
      'count(*)::int AS facilities',
      'coalesce(sum(f.capacity), 0)::int AS capacity',
      'coalesce(sum(r.n), 0)::int AS residents',
      'coalesce(sum(r.k), 0)::bigint AS "residentsKey"',
      'count(mo.facility_id)::int AS "withActiveMou"',
      `count(*) FILTER (WHERE li.conducted_on > ($1::date - interval '${INSPECTION_INTERVAL_MONTHS} months'))::int AS "inspectedLast12Months"`,
      `count(*) FILTER (WHERE s.status IN ${sqlList(OPERATING_STATUSES)}
         AND coalesce((li.conducted_on + interval '${INSPECTION_INTERVAL_MONTHS} months')::date, ${LOCAL_DATE('f.created_at')}) < $1::date)::int AS "overdueInspections"`,
      `count(*) FILTER (WHERE s.status = 'transitioned')::int AS transitioned`,
      `count(*) FILTER (WHERE s.status = 'closed')::int AS closed`,
    ].join(',\n      ')}
    FROM facilities f
    CROSS JOIN LATERAL (
      SELECT re.to_status AS status FROM registry_events re
      WHERE re.entity_type = 'facility' AND re.entity_id = f.id AND ${recordedBy('re.recorded_at')}
      ORDER BY re.recorded_at DESC LIMIT 1
    ) s
    LEFT JOIN residents r ON r.facility_id = f.id
    LEFT JOIN mou_in_force mo ON mo.facility_id = f.id
    LEFT JOIN LATERAL (
      SELECT i.conducted_on FROM inspections i
      WHERE i.facility_id = f.id AND i.status = 'approved' AND i.conducted_on <= $1::date AND ${recordedBy('i.approved_at')}
      ORDER BY i.conducted_on DESC LIMIT 1
    ) li ON true
    ${groupBy.length ? `GROUP BY ${groupBy.map((_, i) => i + 1).join(', ')} ORDER BY ${groupBy.map((_, i) => i + 1).join(', ')}` : ''}`;
}

/** Gatekeeping decisions between $1 (exclusive) and $2 (inclusive); $3 optional province. */
export const GATEKEEPING_SQL = `SELECT coalesce(sum(admissions), 0)::int AS admitted, coalesce(sum(admissions_key), 0)::bigint AS admitted_key,
    coalesce(sum(diverted), 0)::int AS diverted, coalesce(sum(diverted_key), 0)::bigint AS diverted_key
  FROM flow_daily d
  WHERE d.day > $1::date AND d.day <= $2::date AND ($3::text IS NULL OR d.province_code = $3)`;
