import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose changes the feed reports, and the entity type each is reported as. */
const FEED_TABLES = [
  ['facilities', 'facility'],
  ['mous', 'mou'],
  ['inspections', 'inspection'],
  ['corrective_actions', 'corrective_action'],
  ['children', 'child'],
  ['care_episodes', 'care_episode'],
] as const;

/**
 * The change feed: one row per record created or changed, written by triggers, so no write path
 * can forget it. Rows carry the id of the transaction that wrote them; the feed answers only rows of
 * transactions older than every one still running (`pg_snapshot_xmin`), in (xid, seq) order, so a
 * reader resuming after its last row can never find an earlier row committed later.
 */
export class ChangeFeed1765200000000 implements MigrationInterface {
  name = 'ChangeFeed1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE change_feed (
      xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
      seq bigint GENERATED ALWAYS AS IDENTITY,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      entity_type text NOT NULL,
      entity_id uuid NOT NULL,
      action text NOT NULL,
      version integer NOT NULL,
      PRIMARY KEY (xid, seq))`);
    // Statement-level triggers with transition tables: a bulk insert (a seed, an import) writes its feed rows in one statement.
    await db.query(`CREATE FUNCTION change_feed_created() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO change_feed (entity_type, entity_id, action, version)
          SELECT TG_ARGV[0], n.id, 'created', n.version FROM new_rows n ORDER BY n.id;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE FUNCTION change_feed_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO change_feed (entity_type, entity_id, action, version)
          SELECT TG_ARGV[0], n.id, 'updated', n.version FROM new_rows n JOIN old_rows o ON o.id = n.id
          WHERE n IS DISTINCT FROM o ORDER BY n.id;
        RETURN NULL;
      END $$`);
    for (const [table, type] of FEED_TABLES) {
      await db.query(`CREATE TRIGGER ${table}_feed_created AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION change_feed_created('${type}')`);
      await db.query(`CREATE TRIGGER ${table}_feed_updated AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION change_feed_updated('${type}')`);
    }
    // What exists already is where a first sync starts: each record once, as it is now, oldest first.
    await db.query(`INSERT INTO change_feed (occurred_at, entity_type, entity_id, action, version)
      SELECT updated_at, entity_type, id, 'created', version FROM (
        ${FEED_TABLES.map(([table, type]) => `SELECT '${type}' AS entity_type, id, version, created_at, updated_at FROM ${table}`).join(' UNION ALL ')}
      ) existing ORDER BY created_at, id`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const [table] of FEED_TABLES) {
      await db.query(`DROP TRIGGER ${table}_feed_updated ON ${table}`);
      await db.query(`DROP TRIGGER ${table}_feed_created ON ${table}`);
    }
    await db.query(`DROP FUNCTION change_feed_updated()`);
    await db.query(`DROP FUNCTION change_feed_created()`);
    await db.query(`DROP TABLE change_feed`);
  }
}
