import { CLOSE_REASONS, IN_CARE_STATUSES, RESIDENT_STATUSES } from '../care-episodes/domain/care-episode';
import { sqlList } from '../common/database/sql';
import { TIME_ZONE } from '../common/time/calendar';
import { INSPECTION_INTERVAL_MONTHS, OPERATING_STATUSES } from '../facilities/domain/facility';
import type { ChildDimension, FacilityDimension } from './domain/dimensions';

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
  facilityType: 'p.facility_type',
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
  return `SELECT ${[...keys, 'count(*)::int AS count'].join(', ')}
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
    count(*) FILTER (WHERE p.status = 'family_based_care')::int AS family
  FROM care_periods p
  WHERE p.status IN ${IN_CARE} AND daterange(p.starts_on, p.ends_on) @> $1::date
    AND ($2::text IS NULL OR p.province_code = $2)`;

/** Closures by reason, and `at_assessment` for closeAtAssessment. */
export const CLOSE_REASON_CODES = [...CLOSE_REASONS, 'at_assessment'] as const;

/** Flows between $1 and $2 inclusive, by the date events happened, from the daily rollup. */
export function flowsSql(byProvince: boolean): string {
  const reasonSums = CLOSE_REASON_CODES.map((reason) => `coalesce(sum(close_${reason}), 0)::int AS "close_${reason}"`);
  return `SELECT ${byProvince ? 'd.province_code AS "provinceCode",' : ''}
      coalesce(sum(referrals), 0)::int AS referrals,
      coalesce(sum(admissions), 0)::int AS admissions,
      coalesce(sum(placed_at_gatekeeping), 0)::int AS "placedAtGatekeeping",
      coalesce(sum(reintegrations), 0)::int AS reintegrations,
      coalesce(sum(breakdowns), 0)::int AS breakdowns,
      coalesce(sum(re_entries), 0)::int AS "reEntries",
      coalesce(sum(closures), 0)::int AS closures,
      ${reasonSums.join(',\n      ')}
    FROM flow_daily d
    WHERE d.day BETWEEN $1::date AND $2::date
    ${byProvince ? 'GROUP BY d.province_code ORDER BY d.province_code' : ''}`;
}

const FACILITY_DIMENSION_SQL: Record<FacilityDimension, string> = {
  provinceCode: 'f.province_code',
  type: 'f.type',
  status: 's.status',
};

const LOCAL_DATE = (column: string) => `(${column} AT TIME ZONE '${TIME_ZONE}')::date`;

/** Facilities as they stood on $1: status from their history, residents from care periods. */
export function facilitiesSql(groupBy: readonly FacilityDimension[]): string {
  const keys = groupBy.map((d) => `${FACILITY_DIMENSION_SQL[d]} AS "${d}"`);
  return `WITH status_on AS (
      SELECT DISTINCT ON (re.entity_id) re.entity_id AS facility_id, re.to_status AS status
      FROM registry_events re
      WHERE re.entity_type = 'facility' AND ${LOCAL_DATE('re.recorded_at')} <= $1::date
      ORDER BY re.entity_id, re.recorded_at DESC
    ), residents AS (
      SELECT p.facility_id, count(*)::int AS n FROM care_periods p
      WHERE p.status IN ${RESIDENT} AND daterange(p.starts_on, p.ends_on) @> $1::date
      GROUP BY p.facility_id
    ), mou_in_force AS (
      SELECT DISTINCT m.facility_id FROM mous m
      WHERE m.starts_on <= $1::date AND m.ends_on > $1::date
        AND EXISTS (SELECT 1 FROM registry_events a WHERE a.entity_type = 'mou' AND a.entity_id = m.id AND a.action = 'activate' AND ${LOCAL_DATE('a.recorded_at')} <= $1::date)
        AND NOT EXISTS (SELECT 1 FROM registry_events x WHERE x.entity_type = 'mou' AND x.entity_id = m.id AND x.action IN ('terminate', 'supersede') AND ${LOCAL_DATE('x.recorded_at')} <= $1::date)
    ), last_inspection AS (
      SELECT i.facility_id, max(i.conducted_on) AS conducted_on FROM inspections i
      WHERE i.status = 'approved' AND i.conducted_on <= $1::date AND ${LOCAL_DATE('i.approved_at')} <= $1::date
      GROUP BY i.facility_id
    )
    SELECT ${[
      ...keys,
      'count(*)::int AS facilities',
      'coalesce(sum(f.capacity), 0)::int AS capacity',
      'coalesce(sum(r.n), 0)::int AS residents',
      'count(mo.facility_id)::int AS "withActiveMou"',
      `count(*) FILTER (WHERE li.conducted_on > ($1::date - interval '${INSPECTION_INTERVAL_MONTHS} months'))::int AS "inspectedLast12Months"`,
      `count(*) FILTER (WHERE s.status IN ${sqlList(OPERATING_STATUSES)}
         AND coalesce((li.conducted_on + interval '${INSPECTION_INTERVAL_MONTHS} months')::date, ${LOCAL_DATE('f.created_at')}) < $1::date)::int AS "overdueInspections"`,
      `count(*) FILTER (WHERE s.status = 'transitioned')::int AS transitioned`,
      `count(*) FILTER (WHERE s.status = 'closed')::int AS closed`,
    ].join(',\n      ')}
    FROM facilities f
    JOIN status_on s ON s.facility_id = f.id
    LEFT JOIN residents r ON r.facility_id = f.id
    LEFT JOIN mou_in_force mo ON mo.facility_id = f.id
    LEFT JOIN last_inspection li ON li.facility_id = f.id
    ${groupBy.length ? `GROUP BY ${groupBy.map((_, i) => i + 1).join(', ')} ORDER BY ${groupBy.map((_, i) => i + 1).join(', ')}` : ''}`;
}

/** Gatekeeping decisions between $1 (exclusive) and $2 (inclusive); $3 optional province. */
export const GATEKEEPING_SQL = `SELECT coalesce(sum(admissions), 0)::int AS admitted, coalesce(sum(diverted), 0)::int AS diverted
  FROM flow_daily d
  WHERE d.day > $1::date AND d.day <= $2::date AND ($3::text IS NULL OR d.province_code = $3)`;
