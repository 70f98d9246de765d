import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Disclosure control by the cell-key method: every child and every care event gets a fixed random
 * record key (0-255); care periods carry the child's, and the daily flows sum the keys of the events
 * they count beside the counts, so any cell's key is a sum. The definitions here are frozen as
 * applied; the living ones are in src/figures/domain/flow-definitions.ts.
 */
const COLUMNS = `referrals, admissions, placed_at_gatekeeping, reintegrations, breakdowns, re_entries, closures, close_goals_met, close_aged_out, close_died, close_moved_or_untraceable, close_transferred_out, close_other, close_at_assessment, diverted, referrals_key, admissions_key, placed_at_gatekeeping_key, reintegrations_key, breakdowns_key, re_entries_key, closures_key, close_goals_met_key, close_aged_out_key, close_died_key, close_moved_or_untraceable_key, close_transferred_out_key, close_other_key, close_at_assessment_key, diverted_key`;
const COUNTERS = `count(*) FILTER (WHERE action = 'refer'),
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
  count(*) FILTER (WHERE action IN ('placeInFamily', 'closeAtAssessment') AND from_status IN ('referred', 'assessment')),
  coalesce(sum(record_key) FILTER (WHERE action = 'refer'), 0),
  coalesce(sum(record_key) FILTER (WHERE action = 'admit'), 0),
  coalesce(sum(record_key) FILTER (WHERE action = 'placeInFamily' AND from_status = 'assessment'), 0),
  coalesce(sum(record_key) FILTER (WHERE action = 'placeInFamily' AND from_status = 'reintegration'), 0),
  coalesce(sum(record_key) FILTER (WHERE action = 'reportBreakdown'), 0),
  coalesce(sum(record_key) FILTER (WHERE re_entry), 0),
  coalesce(sum(record_key) FILTER (WHERE action IN ('close', 'closeAtAssessment')), 0),
  coalesce(sum(record_key) FILTER (WHERE action = 'close' AND reason = 'goals_met'), 0),
  coalesce(sum(record_key) FILTER (WHERE action = 'close' AND reason = 'aged_out'), 0),
  coalesce(sum(record_key) FILTER (WHERE action = 'close' AND reason = 'died'), 0),
  coalesce(sum(record_key) FILTER (WHERE action = 'close' AND reason = 'moved_or_untraceable'), 0),
  coalesce(sum(record_key) FILTER (WHERE action = 'close' AND reason = 'transferred_out'), 0),
  coalesce(sum(record_key) FILTER (WHERE action = 'close' AND reason = 'other'), 0),
  coalesce(sum(record_key) FILTER (WHERE action = 'closeAtAssessment'), 0),
  coalesce(sum(record_key) FILTER (WHERE action IN ('placeInFamily', 'closeAtAssessment') AND from_status IN ('referred', 'assessment')), 0)`;

export class RecordKeys1764500000000 implements MigrationInterface {
  name = 'RecordKeys1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "children" ADD "record_key" smallint`);
    await db.query(`UPDATE "children" SET record_key = floor(random() * 256)`);
    await db.query(`ALTER TABLE "children" ALTER COLUMN "record_key" SET NOT NULL`);
    await db.query(`ALTER TABLE "care_episode_events" ADD "record_key" smallint`);
    await db.query(`UPDATE "care_episode_events" SET record_key = floor(random() * 256)`);
    await db.query(`ALTER TABLE "care_episode_events" ALTER COLUMN "record_key" SET NOT NULL`);

    await db.query(`ALTER TABLE care_periods ADD record_key smallint`);
    await db.query(`UPDATE care_periods p SET record_key = c.record_key FROM children c WHERE c.id = p.child_id`);
    await db.query(`ALTER TABLE care_periods ALTER COLUMN record_key SET NOT NULL`);
    await db.query(`CREATE OR REPLACE FUNCTION care_periods_follow_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE care_periods SET ends_on = NEW.occurred_on WHERE episode_id = NEW.episode_id AND ends_on IS NULL;
        IF NEW.to_status <> 'closed' THEN
          INSERT INTO care_periods (episode_id, child_id, status, facility_id, placement_type, province_code, starts_on,
                                    sex, date_of_birth, disability, parental_status, facility_type, record_key)
          SELECT NEW.episode_id, NEW.child_id, NEW.to_status, NEW.facility_id, NEW.placement_type, NEW.province_code, NEW.occurred_on,
                 c.sex, c.date_of_birth, c.disability, c.parental_status, (SELECT f.type FROM facilities f WHERE f.id = NEW.facility_id), c.record_key
          FROM children c WHERE c.id = NEW.child_id;
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`DROP INDEX care_periods_in_care_idx`);
    await db.query(`CREATE INDEX care_periods_in_care_idx ON care_periods USING gist (daterange(starts_on, ends_on))
      INCLUDE (status, placement_type, province_code, facility_type, sex, date_of_birth, disability, parental_status, starts_on, ends_on, record_key, facility_id)
      WHERE status IN ('residential_care', 'reintegration', 'family_based_care')`);

    await db.query(`ALTER TABLE flow_daily ADD referrals_key bigint NOT NULL DEFAULT 0, ADD admissions_key bigint NOT NULL DEFAULT 0, ADD placed_at_gatekeeping_key bigint NOT NULL DEFAULT 0, ADD reintegrations_key bigint NOT NULL DEFAULT 0, ADD breakdowns_key bigint NOT NULL DEFAULT 0, ADD re_entries_key bigint NOT NULL DEFAULT 0, ADD closures_key bigint NOT NULL DEFAULT 0, ADD close_goals_met_key bigint NOT NULL DEFAULT 0, ADD close_aged_out_key bigint NOT NULL DEFAULT 0, ADD close_died_key bigint NOT NULL DEFAULT 0, ADD close_moved_or_untraceable_key bigint NOT NULL DEFAULT 0, ADD close_transferred_out_key bigint NOT NULL DEFAULT 0, ADD close_other_key bigint NOT NULL DEFAULT 0, ADD close_at_assessment_key bigint NOT NULL DEFAULT 0, ADD diverted_key bigint NOT NULL DEFAULT 0`);
    await db.query(`CREATE OR REPLACE FUNCTION flow_daily_follow_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO flow_daily (day, province_code, ${COLUMNS})
        SELECT NEW.occurred_on, NEW.province_code, ${COUNTERS}
        FROM (SELECT NEW.action AS action, NEW.from_status AS from_status, NEW.reason AS reason, NEW.re_entry AS re_entry, NEW.record_key AS record_key) AS e
        ON CONFLICT (day, province_code) DO UPDATE SET referrals = flow_daily.referrals + EXCLUDED.referrals, admissions = flow_daily.admissions + EXCLUDED.admissions, placed_at_gatekeeping = flow_daily.placed_at_gatekeeping + EXCLUDED.placed_at_gatekeeping, reintegrations = flow_daily.reintegrations + EXCLUDED.reintegrations, breakdowns = flow_daily.breakdowns + EXCLUDED.breakdowns, re_entries = flow_daily.re_entries + EXCLUDED.re_entries, closures = flow_daily.closures + EXCLUDED.closures, close_goals_met = flow_daily.close_goals_met + EXCLUDED.close_goals_met, close_aged_out = flow_daily.close_aged_out + EXCLUDED.close_aged_out, close_died = flow_daily.close_died + EXCLUDED.close_died, close_moved_or_untraceable = flow_daily.close_moved_or_untraceable + EXCLUDED.close_moved_or_untraceable, close_transferred_out = flow_daily.close_transferred_out + EXCLUDED.close_transferred_out, close_other = flow_daily.close_other + EXCLUDED.close_other, close_at_assessment = flow_daily.close_at_assessment + EXCLUDED.close_at_assessment, diverted = flow_daily.diverted + EXCLUDED.diverted, referrals_key = flow_daily.referrals_key + EXCLUDED.referrals_key, admissions_key = flow_daily.admissions_key + EXCLUDED.admissions_key, placed_at_gatekeeping_key = flow_daily.placed_at_gatekeeping_key + EXCLUDED.placed_at_gatekeeping_key, reintegrations_key = flow_daily.reintegrations_key + EXCLUDED.reintegrations_key, breakdowns_key = flow_daily.breakdowns_key + EXCLUDED.breakdowns_key, re_entries_key = flow_daily.re_entries_key + EXCLUDED.re_entries_key, closures_key = flow_daily.closures_key + EXCLUDED.closures_key, close_goals_met_key = flow_daily.close_goals_met_key + EXCLUDED.close_goals_met_key, close_aged_out_key = flow_daily.close_aged_out_key + EXCLUDED.close_aged_out_key, close_died_key = flow_daily.close_died_key + EXCLUDED.close_died_key, close_moved_or_untraceable_key = flow_daily.close_moved_or_untraceable_key + EXCLUDED.close_moved_or_untraceable_key, close_transferred_out_key = flow_daily.close_transferred_out_key + EXCLUDED.close_transferred_out_key, close_other_key = flow_daily.close_other_key + EXCLUDED.close_other_key, close_at_assessment_key = flow_daily.close_at_assessment_key + EXCLUDED.close_at_assessment_key, diverted_key = flow_daily.diverted_key + EXCLUDED.diverted_key;
        RETURN NULL;
      END $$`);
    await db.query(`TRUNCATE flow_daily`);
    await db.query(`INSERT INTO flow_daily (day, province_code, ${COLUMNS})
      SELECT occurred_on, province_code, ${COUNTERS}
      FROM care_episode_events GROUP BY occurred_on, province_code`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE flow_daily DROP referrals_key, DROP admissions_key, DROP placed_at_gatekeeping_key, DROP reintegrations_key, DROP breakdowns_key, DROP re_entries_key, DROP closures_key, DROP close_goals_met_key, DROP close_aged_out_key, DROP close_died_key, DROP close_moved_or_untraceable_key, DROP close_transferred_out_key, DROP close_other_key, DROP close_at_assessment_key, DROP diverted_key`);
    await db.query(`ALTER TABLE care_periods DROP record_key`);
    await db.query(`ALTER TABLE "care_episode_events" DROP "record_key"`);
    await db.query(`ALTER TABLE "children" DROP "record_key"`);
  }
}
