import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Figures at national scale in tens of milliseconds: care periods carry the child's and facility's
 * grouping attributes (kept in step by triggers), so stock queries are answered from one covering
 * index without joins; events carry a re-entry flag and a covering index for the flows.
 */
export class FastFigures1764100000000 implements MigrationInterface {
  name = 'FastFigures1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE care_episode_events ADD "re_entry" boolean NOT NULL DEFAULT false`);
    await db.query(`UPDATE care_episode_events ev SET re_entry = true
      WHERE ev.action = 'reportBreakdown' OR (ev.action = 'refer' AND EXISTS (
        SELECT 1 FROM care_episodes earlier WHERE earlier.child_id = ev.child_id AND earlier.id <> ev.episode_id AND earlier.referred_on <= ev.occurred_on))`);
    await db.query(`DROP INDEX IF EXISTS care_episode_events_flow_idx`);
    await db.query(`CREATE INDEX care_episode_events_flow_idx ON care_episode_events (occurred_on, action)
      INCLUDE (from_status, province_code, reason, re_entry)`);

    await db.query(`ALTER TABLE care_periods ADD sex text, ADD date_of_birth date, ADD disability boolean, ADD parental_status text, ADD facility_type text`);
    await db.query(`UPDATE care_periods p SET sex = c.sex, date_of_birth = c.date_of_birth, disability = c.disability, parental_status = c.parental_status
      FROM children c WHERE c.id = p.child_id`);
    await db.query(`UPDATE care_periods p SET facility_type = f.type FROM facilities f WHERE f.id = p.facility_id`);
    await db.query(`CREATE OR REPLACE FUNCTION care_periods_follow_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE care_periods SET ends_on = NEW.occurred_on WHERE episode_id = NEW.episode_id AND ends_on IS NULL;
        IF NEW.to_status <> 'closed' THEN
          INSERT INTO care_periods (episode_id, child_id, status, facility_id, placement_type, province_code, starts_on,
                                    sex, date_of_birth, disability, parental_status, facility_type)
          SELECT NEW.episode_id, NEW.child_id, NEW.to_status, NEW.facility_id, NEW.placement_type, NEW.province_code, NEW.occurred_on,
                 c.sex, c.date_of_birth, c.disability, c.parental_status, (SELECT f.type FROM facilities f WHERE f.id = NEW.facility_id)
          FROM children c WHERE c.id = NEW.child_id;
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE FUNCTION care_periods_follow_children() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE care_periods SET sex = NEW.sex, date_of_birth = NEW.date_of_birth, disability = NEW.disability, parental_status = NEW.parental_status
        WHERE child_id = NEW.id;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER care_periods_follow_children AFTER UPDATE OF sex, date_of_birth, disability, parental_status ON children
      FOR EACH ROW EXECUTE FUNCTION care_periods_follow_children()`);
    await db.query(`CREATE FUNCTION care_periods_follow_facilities() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE care_periods SET facility_type = NEW.type WHERE facility_id = NEW.id;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER care_periods_follow_facilities AFTER UPDATE OF type ON facilities
      FOR EACH ROW EXECUTE FUNCTION care_periods_follow_facilities()`);
    await db.query(`CREATE INDEX care_periods_child_idx ON care_periods (child_id)`);
    await db.query(`DROP INDEX care_periods_in_care_idx`);
    await db.query(`CREATE INDEX care_periods_in_care_idx ON care_periods USING gist (daterange(starts_on, ends_on))
      INCLUDE (status, placement_type, province_code, facility_type, sex, date_of_birth, disability, parental_status, starts_on, ends_on)
      WHERE status IN ('residential_care', 'reintegration', 'family_based_care')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX care_periods_in_care_idx`);
    await db.query(`CREATE INDEX care_periods_in_care_idx ON care_periods USING gist (daterange(starts_on, ends_on))
      WHERE status IN ('residential_care', 'reintegration', 'family_based_care')`);
    await db.query(`DROP INDEX care_periods_child_idx`);
    await db.query(`DROP TRIGGER care_periods_follow_facilities ON facilities`);
    await db.query(`DROP FUNCTION care_periods_follow_facilities()`);
    await db.query(`DROP TRIGGER care_periods_follow_children ON children`);
    await db.query(`DROP FUNCTION care_periods_follow_children()`);
    await db.query(`ALTER TABLE care_periods DROP sex, DROP date_of_birth, DROP disability, DROP parental_status, DROP facility_type`);
    await db.query(`DROP INDEX care_episode_events_flow_idx`);
    await db.query(`CREATE INDEX care_episode_events_flow_idx ON care_episode_events (occurred_on, action)`);
    await db.query(`ALTER TABLE care_episode_events DROP "re_entry"`);
  }
}
