import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Flows by day and province, kept by a trigger as events are recorded, so a period's flows are a
 * sum over at most a few thousand rows however many events it holds. The definitions here are this
 * migration's, frozen as it was applied; the living ones are in src/figures/domain/flow-definitions.ts.
 */
const FLOW_COUNTERS = `
  count(*) FILTER (WHERE action = 'refer'),
  count(*) FILTER (WHERE action = 'admit'),
  count(*) FILTER (WHERE action = 'placeInFamily' AND from_status = 'assessment'),
  count(*) FILTER (WHERE action = 'placeInFamily' AND from_status = 'reintegration'),
  count(*) FILTER (WHERE action = 'reportBreakdown'),
  count(*) FILTER (WHERE re_entry),
  count(*) FILTER (WHERE action IN ('close', 'closeAtAssessment')),
  count(*) FILTER (WHERE action = 'close' AND reason = 'goals_met'),
  count(*) FILTER (WHERE action = 'close' AND reason = 'aged_out'),
  count(*) FILTER (WHERE action = 'close' AND reason = 'died'),
  count(*) FILTER (WHERE action = 'close' AND reason = 'moved_or_untraceable'),
  count(*) FILTER (WHERE action = 'close' AND reason = 'transferred_out'),
  count(*) FILTER (WHERE action = 'close' AND reason = 'other'),
  count(*) FILTER (WHERE action = 'closeAtAssessment'),
  count(*) FILTER (WHERE action IN ('placeInFamily', 'closeAtAssessment') AND from_status IN ('referred', 'assessment'))`;

const FLOW_COLUMNS = `referrals, admissions, placed_at_gatekeeping, reintegrations, breakdowns, re_entries, closures,
  close_goals_met, close_aged_out, close_died, close_moved_or_untraceable, close_transferred_out, close_other, close_at_assessment, diverted`;

const FLOW_ROLLUP_REBUILD = `INSERT INTO flow_daily (day, province_code, ${FLOW_COLUMNS})
  SELECT occurred_on, province_code, ${FLOW_COUNTERS}
  FROM care_episode_events GROUP BY occurred_on, province_code`;

export class FlowRollup1764200000000 implements MigrationInterface {
  name = 'FlowRollup1764200000000';

  async up(db: QueryRunner): Promise<void> {
    const counters = FLOW_COLUMNS.split(',').map((c) => `${c.trim()} int NOT NULL DEFAULT 0`).join(', ');
    await db.query(`CREATE TABLE flow_daily (day date NOT NULL, province_code text NOT NULL, ${counters}, PRIMARY KEY (day, province_code))`);
    const columns = FLOW_COLUMNS.split(',').map((c) => c.trim());
    await db.query(`CREATE FUNCTION flow_daily_follow_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO flow_daily (day, province_code, ${FLOW_COLUMNS})
        SELECT NEW.occurred_on, NEW.province_code, ${FLOW_COUNTERS}
        FROM (SELECT NEW.action AS action, NEW.from_status AS from_status, NEW.reason AS reason, NEW.re_entry AS re_entry) AS e
        ON CONFLICT (day, province_code) DO UPDATE SET ${columns.map((c) => `${c} = flow_daily.${c} + EXCLUDED.${c}`).join(', ')};
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER flow_daily_follow_events AFTER INSERT ON care_episode_events
      FOR EACH ROW EXECUTE FUNCTION flow_daily_follow_events()`);
    await db.query(FLOW_ROLLUP_REBUILD);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER flow_daily_follow_events ON care_episode_events`);
    await db.query(`DROP FUNCTION flow_daily_follow_events()`);
    await db.query(`DROP TABLE flow_daily`);
  }
}
