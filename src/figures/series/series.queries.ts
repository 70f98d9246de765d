import { IN_CARE_STATUSES } from '../../care-episodes/domain/care-episode';
import { sqlList } from '../../common/database/sql';
import { AGE_BANDS, type ChildDimension } from '../domain/dimensions';
import { CHILD_DIMENSION_SQL } from '../figures.queries';

/**
 * The monthly changes of the stock of children in care, by the dimensions asked, up to the month $1
 * (its first day); $2 an optional province. Changes before the month $3 (the first point's) come as
 * one row per group with a null month: the stock the series starts from, so a ten-year window of a
 * thirty-year history reads ten years of rows. A running sum of them is the stock at the end of each
 * month: a care period [starts_on, ends_on) adds 1 in its first month and takes 1 away in the month
 * it ends. Each change carries its record key, so every month's cell keys are its children's.
 */
const ROLLUP_COLUMNS: Partial<Record<ChildDimension, string>> = { careSetting: 's.care_setting', provinceCode: 's.province_code' };

export const rollupHolds = (groupBy: readonly ChildDimension[]) => groupBy.every((d) => d in ROLLUP_COLUMNS);

function fromRollup(groupBy: readonly ChildDimension[]): string {
  const keys = groupBy.map((d, i) => `${ROLLUP_COLUMNS[d]} AS d${i}`);
  return `SELECT ${[`CASE WHEN s.month < $3::date THEN NULL ELSE s.month::text END AS month`, ...keys, 'sum(s.change)::int AS n', 'sum(s.key_change)::bigint AS k'].join(', ')}
    FROM stock_monthly s
    WHERE s.month <= $1::date AND ($2::text IS NULL OR s.province_code = $2)
    GROUP BY ${['1', ...groupBy.map((_, i) => `d${i}`)].join(', ')}
    HAVING sum(s.change) <> 0 OR sum(s.key_change) <> 0
    ORDER BY 1 NULLS FIRST`;
}

// Age bands as date ranges of a child's life, read as the stock query reads them on one date: in
// band [lo, hi) on d when d - hi years < date_of_birth <= d - lo years. The first day on which
// d - n years reaches the birth date is the birth date plus n years, or the day after when that
// was clamped (born on 29 February, a common year).
const BANDS = AGE_BANDS.map((band) => {
  const [lo, hi] = band === '18+' ? [18, null] : band.split('-').map(Number).map((n, i) => (i === 1 ? n + 1 : n));
  return `('${band}', ${lo}, ${hi ?? 'NULL'})`;
}).join(', ');
const plusYears = (years: string) => `(p.date_of_birth + make_interval(years => ${years}))::date`;
const bandStart = (years: string) =>
  `CASE WHEN ${plusYears(years)} - make_interval(years => ${years}) >= p.date_of_birth THEN ${plusYears(years)} ELSE ${plusYears(years)} + 1 END`;

function fromCarePeriods(groupBy: readonly ChildDimension[]): string {
  const byAge = groupBy.includes('ageBand');
  const keys = groupBy.map((d, i) => `${d === 'ageBand' ? 'b.band' : CHILD_DIMENSION_SQL[d]} AS d${i}`);
  const starts = byAge ? `greatest(p.starts_on, ${bandStart('b.lo')})` : 'p.starts_on';
  const ends = byAge ? `CASE WHEN b.hi IS NULL THEN p.ends_on ELSE least(p.ends_on, ${bandStart('b.hi')}) END` : 'p.ends_on';
  return `SELECT ${[`CASE WHEN c.at < $3::date THEN NULL ELSE date_trunc('month', c.at)::date::text END AS month`, ...keys, 'sum(c.n)::int AS n', 'sum(c.n * p.record_key)::bigint AS k'].join(', ')}
    FROM care_periods p
    ${byAge ? `CROSS JOIN LATERAL (VALUES ${BANDS}) AS b(band, lo, hi)` : ''}
    CROSS JOIN LATERAL (SELECT ${starts} AS starts_on, ${ends} AS ends_on) AS r
    CROSS JOIN LATERAL (VALUES (r.starts_on, 1), (r.ends_on, -1)) AS c(at, n)
    WHERE p.status IN ${sqlList(IN_CARE_STATUSES)} AND ($2::text IS NULL OR p.province_code = $2)
      AND r.starts_on < coalesce(r.ends_on, 'infinity') AND c.at IS NOT NULL AND c.at < ($1::date + interval '1 month')
    GROUP BY ${['1', ...groupBy.map((_, i) => `d${i}`)].join(', ')}
    ORDER BY 1 NULLS FIRST`;
}

/** From the rollup when it holds every dimension asked (care setting, province), else from care periods. */
export function stockChangesSql(groupBy: readonly ChildDimension[]): string {
  return rollupHolds(groupBy) ? fromRollup(groupBy) : fromCarePeriods(groupBy);
}
