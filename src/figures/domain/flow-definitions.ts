import { CLOSE_REASONS } from '../../care-episodes/domain/care-episode';
import { sqlList, sqlLiteral } from '../../common/database/sql';

/**
 * What each flow counts, over care episode events: the one definition of the figures' flows. The
 * daily rollup's trigger counts the same (a journey checks that a rebuild from here matches it).
 */
const CLOSING_ACTIONS = ['close', 'closeAtAssessment'];
const GATEKEEPING_FROM = ['referred', 'assessment'];

export const FLOW_DEFINITIONS: readonly { column: string; counts: string }[] = [
  { column: 'referrals', counts: `action = 'refer'` },
  { column: 'admissions', counts: `action = 'admit'` },
  { column: 'placed_at_gatekeeping', counts: `action = 'placeInFamily' AND from_status = 'assessment'` },
  { column: 'reintegrations', counts: `action = 'placeInFamily' AND from_status = 'reintegration'` },
  { column: 'breakdowns', counts: `action = 'reportBreakdown'` },
  { column: 're_entries', counts: 're_entry' },
  { column: 'closures', counts: `action IN ${sqlList(CLOSING_ACTIONS)}` },
  ...CLOSE_REASONS.map((reason) => ({ column: `close_${reason}`, counts: `action = 'close' AND reason = ${sqlLiteral(reason)}` })),
  { column: 'close_at_assessment', counts: `action = 'closeAtAssessment'` },
  // Gatekeeping decisions that kept the child out of residential care.
  { column: 'diverted', counts: `action IN ('placeInFamily', 'closeAtAssessment') AND from_status IN ${sqlList(GATEKEEPING_FROM)}` },
];

/** Beside each count, the sum of its events' record keys: the cell key of disclosure control. */
export const FLOW_COLUMNS = [...FLOW_DEFINITIONS.map((d) => d.column), ...FLOW_DEFINITIONS.map((d) => `${d.column}_key`)].join(', ');
export const FLOW_COUNTERS = [
  ...FLOW_DEFINITIONS.map((d) => `count(*) FILTER (WHERE ${d.counts})`),
  ...FLOW_DEFINITIONS.map((d) => `coalesce(sum(record_key) FILTER (WHERE ${d.counts}), 0)`),
].join(',\n  ');

/** The daily flows recounted from every event (the seed writes events in bulk, then rebuilds). */
export const FLOW_ROLLUP_REBUILD = `INSERT INTO flow_daily (day, province_code, ${FLOW_COLUMNS})
  SELECT occurred_on, province_code, ${FLOW_COUNTERS}
  FROM care_episode_events GROUP BY occurred_on, province_code`;
