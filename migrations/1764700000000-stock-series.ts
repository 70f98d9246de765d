import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The stock of children in care as monthly changes by care setting and province, kept by a trigger
 * on care periods: a period adds 1 in the month it starts and takes 1 away in the month it ends, so
 * the stock at the end of any month is a running sum over a few thousand rows, however many years.
 * Record keys move with the counts, so each month's cell keys are those of the children in it.
 * Also the child populations an admin sets, for rates per 100,000 children.
 */
const IN_CARE = `('residential_care', 'reintegration', 'family_based_care')`;
const SETTING = (p: string) => `CASE WHEN ${p}.status IN ('residential_care', 'reintegration') THEN 'residential_care' ELSE ${p}.placement_type END`;

const CHANGES_OF = (p: string, sign: string, when = 'true') => `
  SELECT date_trunc('month', ${p}.starts_on)::date AS month, ${SETTING(p)} AS care_setting, ${p}.province_code, ${sign} AS n, ${sign} * ${p}.record_key AS k
  WHERE ${when} AND ${p}.status IN ${IN_CARE}
  UNION ALL
  SELECT date_trunc('month', ${p}.ends_on)::date, ${SETTING(p)}, ${p}.province_code, -(${sign}), -(${sign}) * ${p}.record_key
  WHERE ${when} AND ${p}.status IN ${IN_CARE} AND ${p}.ends_on IS NOT NULL`;

export class StockSeries1764700000000 implements MigrationInterface {
  name = 'StockSeries1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE stock_monthly (
      month date NOT NULL, care_setting text NOT NULL, province_code text NOT NULL,
      change int NOT NULL DEFAULT 0, key_change bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (month, care_setting, province_code))`);
    // The old row's changes taken back and the new row's added, netted, in key order (no deadlock
    // between two writers touching the same months).
    await db.query(`CREATE FUNCTION stock_monthly_follow_periods() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO stock_monthly AS s (month, care_setting, province_code, change, key_change)
        SELECT month, care_setting, province_code, sum(n), sum(k) FROM (
          ${CHANGES_OF('OLD', '-1', `TG_OP <> 'INSERT'`)}
          UNION ALL
          ${CHANGES_OF('NEW', '1', `TG_OP <> 'DELETE'`)}
        ) AS c
        GROUP BY month, care_setting, province_code
        HAVING sum(n) <> 0 OR sum(k) <> 0
        ORDER BY month, care_setting, province_code
        ON CONFLICT (month, care_setting, province_code) DO UPDATE SET change = s.change + EXCLUDED.change, key_change = s.key_change + EXCLUDED.key_change;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER stock_monthly_follow_periods
      AFTER INSERT OR DELETE OR UPDATE OF status, placement_type, province_code, starts_on, ends_on, record_key ON care_periods
      FOR EACH ROW EXECUTE FUNCTION stock_monthly_follow_periods()`);
    await db.query(`INSERT INTO stock_monthly (month, care_setting, province_code, change, key_change)
      SELECT c.month, c.care_setting, c.province_code, sum(c.n), sum(c.k) FROM care_periods p, LATERAL (${CHANGES_OF('p', '1')}) AS c
      GROUP BY 1, 2, 3`);

    // For the indicators: a stay's admission, the latest review and visits of an episode, and the
    // exits from residential care in a period, each read from an index.
    await db.query(`CREATE INDEX care_episode_events_admissions_idx ON care_episode_events (episode_id, occurred_on) WHERE action = 'admit'`);
    await db.query(`CREATE INDEX care_episode_events_residential_exits_idx ON care_episode_events (occurred_on)
      INCLUDE (episode_id, placement_type, reason, record_key, province_code)
      WHERE action IN ('placeInFamily', 'close') AND from_status IN ('residential_care', 'reintegration')`);
    await db.query(`CREATE INDEX care_reviews_episode_date_idx ON care_reviews (episode_id, reviewed_on)`);
    await db.query(`CREATE INDEX follow_up_visits_episode_date_idx ON follow_up_visits (episode_id, visited_on)`);

    await db.query(`CREATE TABLE child_populations (
      province_code text NOT NULL REFERENCES provinces(code), year int NOT NULL CHECK (year BETWEEN 1990 AND 2100),
      children int NOT NULL CHECK (children > 0), updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (province_code, year))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE child_populations`);
    await db.query(`DROP INDEX follow_up_visits_episode_date_idx`);
    await db.query(`DROP INDEX care_reviews_episode_date_idx`);
    await db.query(`DROP INDEX care_episode_events_residential_exits_idx`);
    await db.query(`DROP INDEX care_episode_events_admissions_idx`);
    await db.query(`DROP TRIGGER stock_monthly_follow_periods ON care_periods`);
    await db.query(`DROP FUNCTION stock_monthly_follow_periods()`);
    await db.query(`DROP TABLE stock_monthly`);
  }
}
