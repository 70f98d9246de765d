import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Figures on any date: each care episode event opens a period [occurred_on, next event) in which the
 * child was in one status, facility and placement. A trigger keeps the periods in step with the
 * events, so "who was in residential care on 1 March 2019" is one indexed range lookup.
 */
export class CarePeriods1764000000000 implements MigrationInterface {
  name = 'CarePeriods1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE care_periods (
      episode_id uuid NOT NULL REFERENCES care_episodes(id),
      child_id uuid NOT NULL REFERENCES children(id),
      status text NOT NULL,
      facility_id uuid REFERENCES facilities(id),
      placement_type text,
      province_code text NOT NULL,
      starts_on date NOT NULL,
      ends_on date,
      CHECK (ends_on IS NULL OR ends_on >= starts_on)
    )`);
    await db.query(`CREATE INDEX care_periods_current_idx ON care_periods (episode_id) WHERE ends_on IS NULL`);
    await db.query(`CREATE INDEX care_periods_in_care_idx ON care_periods USING gist (daterange(starts_on, ends_on))
      WHERE status IN ('residential_care', 'reintegration', 'family_based_care')`);
    await db.query(`CREATE INDEX care_periods_facility_idx ON care_periods (facility_id) WHERE facility_id IS NOT NULL`);
    await db.query(`CREATE FUNCTION care_periods_follow_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE care_periods SET ends_on = NEW.occurred_on WHERE episode_id = NEW.episode_id AND ends_on IS NULL;
        IF NEW.to_status <> 'closed' THEN
          INSERT INTO care_periods (episode_id, child_id, status, facility_id, placement_type, province_code, starts_on)
          VALUES (NEW.episode_id, NEW.child_id, NEW.to_status, NEW.facility_id, NEW.placement_type, NEW.province_code, NEW.occurred_on);
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER care_periods_follow_events AFTER INSERT ON care_episode_events
      FOR EACH ROW EXECUTE FUNCTION care_periods_follow_events()`);
    await db.query(`INSERT INTO care_periods (episode_id, child_id, status, facility_id, placement_type, province_code, starts_on, ends_on)
      SELECT episode_id, child_id, to_status, facility_id, placement_type, province_code, occurred_on,
             lead(occurred_on) OVER (PARTITION BY episode_id ORDER BY occurred_on, recorded_at)
      FROM care_episode_events`);
    await db.query(`DELETE FROM care_periods WHERE status = 'closed'`);
    await db.query(`CREATE INDEX care_episode_events_flow_idx ON care_episode_events (occurred_on, action)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX care_episode_events_flow_idx`);
    await db.query(`DROP TRIGGER care_periods_follow_events ON care_episode_events`);
    await db.query(`DROP FUNCTION care_periods_follow_events()`);
    await db.query(`DROP TABLE care_periods`);
  }
}
