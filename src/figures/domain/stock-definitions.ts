import { IN_CARE_STATUSES, RESIDENT_STATUSES } from '../../care-episodes/domain/care-episode';
import { sqlList } from '../../common/database/sql';

/**
 * The stock of children in care as monthly changes (stock_monthly): a care period adds 1 in the
 * month it starts and takes 1 away in the month it ends, with its record key. The trigger of
 * migration 1764700000000 keeps the table; this is the living definition, for a rebuild.
 */
const CARE_SETTING = `CASE WHEN p.status IN ${sqlList(RESIDENT_STATUSES)} THEN 'residential_care' ELSE p.placement_type END`;

export const STOCK_ROLLUP_REBUILD = `INSERT INTO stock_monthly (month, care_setting, province_code, change, key_change)
  SELECT c.month, ${CARE_SETTING}, p.province_code, sum(c.n), sum(c.n * p.record_key)
  FROM care_periods p
  CROSS JOIN LATERAL (VALUES (date_trunc('month', p.starts_on)::date, 1), (date_trunc('month', p.ends_on)::date, -1)) AS c(month, n)
  WHERE p.status IN ${sqlList(IN_CARE_STATUSES)} AND c.month IS NOT NULL
  GROUP BY 1, 2, 3`;
