import { MigrationInterface, QueryRunner } from 'typeorm';

/** Children, their care episodes with every transition, care plan reviews and follow-up visits. */
export class CareEpisodes1763900000000 implements MigrationInterface {
  name = 'CareEpisodes1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "children" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "system_code" text NOT NULL, "given_name" text NOT NULL, "family_name" text NOT NULL, "given_name_km" text, "family_name_km" text, "sex" text NOT NULL, "date_of_birth" date NOT NULL, "date_of_birth_estimated" boolean NOT NULL DEFAULT false, "birth_registered" boolean, "disability" boolean NOT NULL, "parental_status" text NOT NULL, "home_province_code" text NOT NULL, "registered_by_agency_id" uuid, "registered_in_province_codes" text array NOT NULL DEFAULT '{}', CONSTRAINT "PK_8c5a7cbebf2c702830ef38d22b0" PRIMARY KEY ("id"))`);
    await db.query(`CREATE UNIQUE INDEX "children_system_code_key" ON "children"  ("system_code") `);
    await db.query(`CREATE INDEX "children_duplicate_lookup_idx" ON "children"  ("date_of_birth", "home_province_code") `);
    await db.query(`CREATE TABLE "care_episodes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "child_id" uuid NOT NULL, "responsible_agency_id" uuid NOT NULL, "province_code" text NOT NULL, "status" text NOT NULL DEFAULT 'referred', "referred_on" date NOT NULL, "reasons" text array NOT NULL, "facility_id" uuid, "residential_since" date, "last_review_on" date, "next_review_due" date, "target_placement_type" text, "family_traced_on" date, "placement_type" text, "carer_name" text, "carer_relationship" text, "placed_on" date, "visits_since_placement" integer NOT NULL DEFAULT '0', "last_visit_on" date, "last_visit_rated_well" boolean, "next_visit_due" date, "last_event_on" date NOT NULL, "closed_on" date, "close_reason" text, CONSTRAINT "PK_e0261ec507a6a6774e6f8296190" PRIMARY KEY ("id"))`);
    await db.query(`CREATE INDEX "care_episodes_child_id_idx" ON "care_episodes"  ("child_id") `);
    await db.query(`CREATE INDEX "care_episodes_responsible_agency_id_idx" ON "care_episodes"  ("responsible_agency_id") `);
    await db.query(`CREATE INDEX "care_episodes_province_code_idx" ON "care_episodes"  ("province_code") `);
    await db.query(`CREATE INDEX "care_episodes_status_idx" ON "care_episodes"  ("status") `);
    await db.query(`CREATE INDEX "care_episodes_facility_status_idx" ON "care_episodes"  ("facility_id", "status") `);
    await db.query(`CREATE UNIQUE INDEX "care_episodes_one_open_per_child" ON "care_episodes"  ("child_id") WHERE status <> 'closed'`);
    await db.query(`CREATE TABLE "care_episode_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "episode_id" uuid NOT NULL, "child_id" uuid NOT NULL, "action" text NOT NULL, "from_status" text, "to_status" text NOT NULL, "occurred_on" date NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_role" text, "actor_agency_id" uuid, "responsible_agency_id" uuid NOT NULL, "province_code" text NOT NULL, "facility_id" uuid, "placement_type" text, "reason" text, "payload" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_574824ee1ee9b0d6a2a04b791e5" PRIMARY KEY ("id"))`);
    await db.query(`CREATE INDEX "care_episode_events_occurred_on_idx" ON "care_episode_events"  ("occurred_on") `);
    await db.query(`CREATE INDEX "care_episode_events_episode_idx" ON "care_episode_events"  ("episode_id", "occurred_on") `);
    await db.query(`CREATE TABLE "care_reviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "episode_id" uuid NOT NULL, "reviewed_on" date NOT NULL, "summary" text NOT NULL, "recorded_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f6782789e78852262932afd4026" PRIMARY KEY ("id"))`);
    await db.query(`CREATE INDEX "care_reviews_episode_id_idx" ON "care_reviews"  ("episode_id") `);
    await db.query(`CREATE TABLE "follow_up_visits" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "episode_id" uuid NOT NULL, "visited_on" date NOT NULL, "visit_type" text NOT NULL, "child_seen" boolean NOT NULL, "ratings" jsonb NOT NULL, "rated_well" boolean NOT NULL, "note" text, "recorded_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e908bf6d01f19c23ac1e467deb1" PRIMARY KEY ("id"))`);
    await db.query(`CREATE INDEX "follow_up_visits_episode_id_idx" ON "follow_up_visits"  ("episode_id") `);
    await db.query(`ALTER TABLE "care_episodes" ADD CONSTRAINT "FK_3c34271793d812a1f282590fc11" FOREIGN KEY ("child_id") REFERENCES "children"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE "care_episodes" ADD CONSTRAINT "FK_595f2bc600f33fc4a40ab0dd74d" FOREIGN KEY ("responsible_agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE "care_episodes" ADD CONSTRAINT "FK_e3308199fa5675a73069c40b632" FOREIGN KEY ("facility_id") REFERENCES "facilities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE "care_episode_events" ADD CONSTRAINT "FK_96c12ab3e3bb7859ef5038aaf36" FOREIGN KEY ("episode_id") REFERENCES "care_episodes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE "care_reviews" ADD CONSTRAINT "FK_85f439b83e58eb289c39d1a0bec" FOREIGN KEY ("episode_id") REFERENCES "care_episodes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE "follow_up_visits" ADD CONSTRAINT "FK_3dd4f6fae0ea858cadbc5f82585" FOREIGN KEY ("episode_id") REFERENCES "care_episodes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "follow_up_visits"`);
    await db.query(`DROP TABLE "care_reviews"`);
    await db.query(`DROP TABLE "care_episode_events"`);
    await db.query(`DROP TABLE "care_episodes"`);
    await db.query(`DROP TABLE "children"`);
  }
}
