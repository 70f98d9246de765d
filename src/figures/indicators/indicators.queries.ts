import { RESIDENT_STATUSES } from '../../care-episodes/domain/care-episode';
import { REVIEW_INTERVAL_MONTHS } from '../../care-episodes/domain/schedules';
import { sqlList } from '../../common/database/sql';

/**
 * The SQL of the formal-care indicators that the stock and flow figures do not already answer.
 * $1 from, $2 to (inclusive), $3 an optional province. Each count beside the sum of its records'
 * keys, for disclosure control.
 */
const RESIDENT = sqlList(RESIDENT_STATUSES);

/**
 * Children who left residential care in the period, by destination (the family placement, or the
 * reason the case closed), and the median length of their stay since their latest admission; the
 * ROLLUP row (destination null) is all of them.
 */
export const RESIDENTIAL_EXITS_SQL = `SELECT coalesce(x.placement_type, 'closed_' || x.reason) AS destination,
    count(*)::int AS n, coalesce(sum(x.record_key), 0)::bigint AS k,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY x.occurred_on - a.admitted_on) AS median_days
  FROM care_episode_events x
  CROSS JOIN LATERAL (SELECT max(e.occurred_on) AS admitted_on FROM care_episode_events e
    WHERE e.episode_id = x.episode_id AND e.action = 'admit' AND e.occurred_on <= x.occurred_on) AS a
  WHERE x.action IN ('placeInFamily', 'close') AND x.from_status IN ${RESIDENT}
    AND x.occurred_on BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR x.province_code = $3)
  GROUP BY ROLLUP (1)`;

/**
 * Children in residential care on $2, and those of them whose care plan review was not overdue on
 * that day: reviewed, or admitted, within the review interval before it.
 */
export const REVIEWS_ON_TIME_SQL = `SELECT count(*)::int AS n, coalesce(sum(p.record_key), 0)::bigint AS k,
    count(*) FILTER (WHERE d.due >= $2::date)::int AS on_time, coalesce(sum(p.record_key) FILTER (WHERE d.due >= $2::date), 0)::bigint AS on_time_k
  FROM care_periods p
  CROSS JOIN LATERAL (SELECT (greatest(
      (SELECT max(r.reviewed_on) FROM care_reviews r WHERE r.episode_id = p.episode_id AND r.reviewed_on <= $2::date),
      (SELECT max(e.occurred_on) FROM care_episode_events e WHERE e.episode_id = p.episode_id AND e.action = 'admit' AND e.occurred_on <= $2::date)
    ) + interval '${REVIEW_INTERVAL_MONTHS} months')::date AS due) AS d
  WHERE p.status IN ${RESIDENT} AND daterange(p.starts_on, p.ends_on) @> $2::date
    AND ($3::text IS NULL OR p.province_code = $3) AND $1::date IS NOT NULL`;

/**
 * Children in a family placement on $2, and those whose next follow-up visit was not overdue on that
 * day (visits are due 1, 2 and 3 months after placement, then every 3 months: schedules.ts).
 */
export const VISITS_ON_TIME_SQL = `SELECT count(*)::int AS n, coalesce(sum(p.record_key), 0)::bigint AS k,
    count(*) FILTER (WHERE d.due >= $2::date)::int AS on_time, coalesce(sum(p.record_key) FILTER (WHERE d.due >= $2::date), 0)::bigint AS on_time_k
  FROM care_periods p
  CROSS JOIN LATERAL (SELECT count(*)::int AS visits FROM follow_up_visits v
    WHERE v.episode_id = p.episode_id AND v.visited_on >= p.starts_on AND v.visited_on <= $2::date) AS v
  CROSS JOIN LATERAL (SELECT (p.starts_on + make_interval(months => CASE WHEN v.visits < 3 THEN v.visits + 1 ELSE 3 * (v.visits - 1) END))::date AS due) AS d
  WHERE p.status = 'family_based_care' AND daterange(p.starts_on, p.ends_on) @> $2::date
    AND ($3::text IS NULL OR p.province_code = $3) AND $1::date IS NOT NULL`;

/** The child population of the province ($3), or of every province: the latest year up to $2's. */
export const CHILD_POPULATION_SQL = `WITH latest AS (
    SELECT DISTINCT ON (province_code) province_code, year, children FROM child_populations
    WHERE year <= extract(year FROM $2::date) AND ($3::text IS NULL OR province_code = $3)
    ORDER BY province_code, year DESC
  )
  SELECT coalesce(sum(children), 0)::bigint AS children, min(year)::int AS year, count(*)::int AS provinces FROM latest
  WHERE $1::date IS NOT NULL`;

/**
 * The same two shares on today, in one pass over the open episodes, read from the schedule each
 * episode keeps (next_review_due, next_visit_due, as the domain's effects set them) instead of
 * recomputed from every review and visit. Columns as the two queries above, prefixed `review_` and
 * `visit_`. A journey checks both readings agree.
 */
const onTime = (prefix: string, inStatus: string, due: string) => `
    count(*) FILTER (WHERE ${inStatus})::int AS ${prefix}n,
    coalesce(sum(c.record_key) FILTER (WHERE ${inStatus}), 0)::bigint AS ${prefix}k,
    count(*) FILTER (WHERE ${inStatus} AND ${due} >= $2::date)::int AS ${prefix}on_time,
    coalesce(sum(c.record_key) FILTER (WHERE ${inStatus} AND ${due} >= $2::date), 0)::bigint AS ${prefix}on_time_k`;

export const COMPLIANCE_TODAY_SQL = `SELECT ${onTime('review_', `e.status IN ${RESIDENT}`, 'e.next_review_due')},
    ${onTime('visit_', `e.status = 'family_based_care'`, 'e.next_visit_due')}
  FROM care_episodes e JOIN children c ON c.id = e.child_id
  WHERE e.status IN ${sqlList([...RESIDENT_STATUSES, 'family_based_care'])} AND ($3::text IS NULL OR e.province_code = $3) AND $1::date IS NOT NULL`;
