import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The children's search keys stored (kept by a trigger), not recomputed: a common name matches
 * thousands of children, and recomputing each one's key (accents, spacing, Khmer normalisation) to
 * recheck the trigram index cost 40 µs a child.
 */
export class ChildSearchKeys1764900000000 implements MigrationInterface {
  name = 'ChildSearchKeys1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE child_search_keys (child_id uuid PRIMARY KEY REFERENCES children(id) ON DELETE CASCADE, key text NOT NULL)`);
    await db.query(`CREATE FUNCTION child_search_keys_follow_children() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO child_search_keys (child_id, key)
        VALUES (NEW.id, rcf_child_search_key(NEW.given_name, NEW.family_name, NEW.given_name_km, NEW.family_name_km))
        ON CONFLICT (child_id) DO UPDATE SET key = EXCLUDED.key;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER child_search_keys_follow_children
      AFTER INSERT OR UPDATE OF given_name, family_name, given_name_km, family_name_km ON children
      FOR EACH ROW EXECUTE FUNCTION child_search_keys_follow_children()`);
    await db.query(`INSERT INTO child_search_keys (child_id, key)
      SELECT id, rcf_child_search_key(given_name, family_name, given_name_km, family_name_km) FROM children`);
    await db.query(`CREATE INDEX child_search_keys_key_idx ON child_search_keys USING gin (key gin_trgm_ops)`);
    await db.query(`DROP INDEX children_search_idx`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX children_search_idx ON children USING gin (rcf_child_search_key(given_name, family_name, given_name_km, family_name_km) gin_trgm_ops)`);
    await db.query(`DROP TRIGGER child_search_keys_follow_children ON children`);
    await db.query(`DROP FUNCTION child_search_keys_follow_children()`);
    await db.query(`DROP TABLE child_search_keys`);
  }
}
