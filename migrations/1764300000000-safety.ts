import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registry hygiene and sessions: flagged pairs of child records, tokens ended by logout, and an id
 * for every audit event (derived from its hash, so it is as tamper-evident as the hash itself).
 */
export class Safety1764300000000 implements MigrationInterface {
  name = 'Safety1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "possible_duplicates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "child_id" uuid NOT NULL, "candidate_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'open', "flagged_by_id" uuid, "dismissed_by_id" uuid, "dismissed_at" TIMESTAMP WITH TIME ZONE, "dismissal_note" text, CONSTRAINT "PK_e9db2055477871d37ade89ba48e" PRIMARY KEY ("id"))`);
    await db.query(`CREATE INDEX "possible_duplicates_candidate_id_idx" ON "possible_duplicates"  ("candidate_id") `);
    await db.query(`CREATE INDEX "possible_duplicates_status_idx" ON "possible_duplicates"  ("status") `);
    await db.query(`CREATE UNIQUE INDEX "possible_duplicates_pair_key" ON "possible_duplicates"  ("child_id", "candidate_id") `);
    await db.query(`ALTER TABLE "possible_duplicates" ADD CONSTRAINT "FK_debafc7efe94645531ccd10857c" FOREIGN KEY ("child_id") REFERENCES "children"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE "possible_duplicates" ADD CONSTRAINT "FK_20d4da0a07f8380809bf9ccd491" FOREIGN KEY ("candidate_id") REFERENCES "children"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    await db.query(`CREATE TABLE "revoked_tokens" ("jti" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_revoked_tokens_jti" PRIMARY KEY ("jti"))`);
    await db.query(`CREATE INDEX "revoked_tokens_expires_at_idx" ON "revoked_tokens"  ("expires_at") `);

    await db.query(`CREATE FUNCTION audit_event_id(hash text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
      SELECT (substr(hash, 1, 8) || '-' || substr(hash, 9, 4) || '-' || substr(hash, 13, 4) || '-' || substr(hash, 17, 4) || '-' || substr(hash, 21, 12))::uuid
    $$`);
    await db.query(`ALTER TABLE "audit_events" ADD "id" uuid`);
    // The owner gives the rows written before this migration their id; nothing else may update the log.
    await db.query(`ALTER TABLE "audit_events" DISABLE TRIGGER audit_events_no_update_or_delete`);
    await db.query(`UPDATE "audit_events" SET id = audit_event_id(hash)`);
    await db.query(`ALTER TABLE "audit_events" ENABLE TRIGGER audit_events_no_update_or_delete`);
    await db.query(`ALTER TABLE "audit_events" ALTER COLUMN "id" SET NOT NULL`);
    await db.query(`CREATE UNIQUE INDEX "audit_events_id_key" ON "audit_events"  ("id") `);
    await db.query(`CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE last_seq bigint; last_hash text;
      BEGIN
        PERFORM pg_advisory_xact_lock(72610001);
        SELECT seq, hash INTO last_seq, last_hash FROM audit_events ORDER BY seq DESC LIMIT 1;
        NEW.seq := coalesce(last_seq, 0) + 1;
        NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
        NEW.hash := audit_event_digest(NEW);
        NEW.id := audit_event_id(NEW.hash);
        RETURN NEW;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE last_seq bigint; last_hash text;
      BEGIN
        PERFORM pg_advisory_xact_lock(72610001);
        SELECT seq, hash INTO last_seq, last_hash FROM audit_events ORDER BY seq DESC LIMIT 1;
        NEW.seq := coalesce(last_seq, 0) + 1;
        NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
        NEW.hash := audit_event_digest(NEW);
        RETURN NEW;
      END $$`);
    await db.query(`DROP INDEX "audit_events_id_key"`);
    await db.query(`ALTER TABLE "audit_events" DROP COLUMN "id"`);
    await db.query(`DROP FUNCTION audit_event_id(text)`);
    await db.query(`DROP TABLE "revoked_tokens"`);
    await db.query(`DROP TABLE "possible_duplicates"`);
  }
}
