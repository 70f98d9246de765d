import { sqlList } from '../common/database/sql';
import { atCursorPrecision } from '../common/http/pagination';
import type { SortKey } from '../common/http/sorting';
import { TIME_ZONE } from '../common/time/calendar';
import { INSPECTION_INTERVAL_MONTHS, OPERATING_STATUSES } from './domain/facility';
import type { FACILITY_SORTS } from './dto/facility.dto';

/** nextInspectionDueOn (facility.view.ts) in SQL: null for a facility that is not operating. */
export const NEXT_INSPECTION_DUE_SQL = (a: string) => `CASE WHEN ${a}.status IN ${sqlList(OPERATING_STATUSES)} THEN coalesce(
  (${a}.last_approved_inspection_on + interval '${INSPECTION_INTERVAL_MONTHS} months')::date,
  (${a}.created_at AT TIME ZONE '${TIME_ZONE}')::date) END`;

/** Overdue for inspection on `:today` (never, for a facility that is not operating). */
export const INSPECTION_OVERDUE_SQL = `coalesce(${NEXT_INSPECTION_DUE_SQL('f')} < :today, false)`;

export const FACILITY_SORT_KEYS: Record<(typeof FACILITY_SORTS)[number], SortKey> = {
  nextInspectionDue: { sql: NEXT_INSPECTION_DUE_SQL, type: 'date' },
  name: { sql: (a) => `${a}.name`, type: 'text' },
  registryCode: { sql: (a) => `${a}.registry_code`, type: 'text' },
  createdAt: { sql: (a) => atCursorPrecision(`${a}.created_at`), type: 'timestamptz' },
};
