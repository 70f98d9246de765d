import { MigrationInterface, QueryRunner } from 'typeorm';

/** Agencies, users, provinces, idempotency records and the append-only, hash-chained audit log. */
export class Platform1763700000000 implements MigrationInterface {
  name = 'Platform1763700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "agencies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "type" text NOT NULL, "registration_number" text, CONSTRAINT "PK_8ab1f1f53f56c8255b0d7e68b28" PRIMARY KEY ("id"))`);
    await db.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "username" text NOT NULL, "password_hash" text NOT NULL, "display_name" text NOT NULL, "role" text NOT NULL, "agency_id" uuid, "province_codes" text array NOT NULL DEFAULT '{}', "active" boolean NOT NULL DEFAULT true, "token_version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await db.query(`CREATE UNIQUE INDEX "users_username_key" ON "users" ("username")`);
    await db.query(`ALTER TABLE "users" ADD CONSTRAINT "FK_6fdb3282cea9ba5877ab476aa76" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await db.query(`CREATE TABLE "provinces" ("code" text NOT NULL, "name_en" text NOT NULL, "name_km" text NOT NULL, CONSTRAINT "PK_f4b684af62d5cb3aa174f6b9b8a" PRIMARY KEY ("code"))`);
    await db.query(`INSERT INTO "provinces" ("code", "name_en", "name_km") VALUES
        ('01', 'Banteay Meanchey', 'បន្ទាយមានជ័យ'),
        ('02', 'Battambang', 'បាត់ដំបង'),
        ('03', 'Kampong Cham', 'កំពង់ចាម'),
        ('04', 'Kampong Chhnang', 'កំពង់ឆ្នាំង'),
        ('05', 'Kampong Speu', 'កំពង់ស្ពឺ'),
        ('06', 'Kampong Thom', 'កំពង់ធំ'),
        ('07', 'Kampot', 'កំពត'),
        ('08', 'Kandal', 'កណ្ដាល'),
        ('09', 'Koh Kong', 'កោះកុង'),
        ('10', 'Kratie', 'ក្រចេះ'),
        ('11', 'Mondul Kiri', 'មណ្ឌលគិរី'),
        ('12', 'Phnom Penh', 'ភ្នំពេញ'),
        ('13', 'Preah Vihear', 'ព្រះវិហារ'),
        ('14', 'Prey Veng', 'ព្រៃវែង'),
        ('15', 'Pursat', 'ពោធិ៍សាត់'),
        ('16', 'Ratanak Kiri', 'រតនគិរី'),
        ('17', 'Siem Reap', 'សៀមរាប'),
        ('18', 'Preah Sihanouk', 'ព្រះសីហនុ'),
        ('19', 'Stung Treng', 'ស្ទឹងត្រែង'),
        ('20', 'Svay Rieng', 'ស្វាយរៀង'),
        ('21', 'Takeo', 'តាកែវ'),
        ('22', 'Oddar Meanchey', 'ឧត្ដរមានជ័យ'),
        ('23', 'Kep', 'កែប'),
        ('24', 'Pailin', 'ប៉ៃលិន'),
        ('25', 'Tboung Khmum', 'ត្បូងឃ្មុំ')`);
    await db.query(`CREATE TABLE "idempotency_records" ("user_id" uuid NOT NULL, "key" text NOT NULL, "request_hash" text NOT NULL, "status_code" integer NOT NULL, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_361095756bf434c1971a5a89be4" PRIMARY KEY ("user_id", "key"))`);
    await db.query(`CREATE TABLE "audit_events" ("seq" bigint NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "request_id" text NOT NULL, "actor_id" uuid, "actor_role" text, "agency_id" uuid, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text, "changes" jsonb NOT NULL DEFAULT '{}', "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "PK_6e299f5706e715265416fefe53e" PRIMARY KEY ("seq"))`);

    // The digest covers every column and the previous hash, so changing, inserting or removing a
    // row anywhere but at the very end breaks the chain from there on.
    await db.query(`CREATE FUNCTION audit_event_digest(e audit_events) RETURNS text LANGUAGE sql STABLE AS $$
      SELECT encode(sha256(convert_to(concat_ws(chr(31),
        e.seq::text, e.prev_hash, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        e.request_id, coalesce(e.actor_id::text, ''), coalesce(e.actor_role, ''), coalesce(e.agency_id::text, ''),
        e.action, e.entity_type, coalesce(e.entity_id, ''), e.changes::text), 'UTF8')), 'hex')
    $$`);
    // One writer at a time extends the chain: the advisory lock is held until the transaction ends.
    await db.query(`CREATE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE last_seq bigint; last_hash text;
      BEGIN
        PERFORM pg_advisory_xact_lock(72610001);
        SELECT seq, hash INTO last_seq, last_hash FROM audit_events ORDER BY seq DESC LIMIT 1;
        NEW.seq := coalesce(last_seq, 0) + 1;
        NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
        NEW.hash := audit_event_digest(NEW);
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_chain()`);
    await db.query(`CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP; END $$`);
    await db.query(`CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`);
    await db.query(`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION audit_event_digest(audit_events)`);
    await db.query(`DROP TABLE "audit_events"`);
    await db.query(`DROP FUNCTION audit_events_refuse_change()`);
    await db.query(`DROP FUNCTION audit_events_chain()`);
    await db.query(`DROP TABLE "idempotency_records"`);
    await db.query(`DROP TABLE "provinces"`);
    await db.query(`DROP TABLE "users"`);
    await db.query(`DROP TABLE "agencies"`);
  }
}
