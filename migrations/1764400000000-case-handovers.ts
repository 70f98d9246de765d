import { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases handed from one agency to another: the request, and its answer. */
export class CaseHandovers1764400000000 implements MigrationInterface {
  name = 'CaseHandovers1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "case_handovers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "episode_id" uuid NOT NULL, "from_agency_id" uuid NOT NULL, "to_agency_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'requested', "reason" text NOT NULL, "requested_by_id" uuid NOT NULL, "requested_on" date NOT NULL, "decided_by_id" uuid, "decided_on" date, "decision_reason" text, CONSTRAINT "PK_9011bd4c26a369427e6c8d816dc" PRIMARY KEY ("id"))`);
    await db.query(`CREATE INDEX "case_handovers_episode_id_idx" ON "case_handovers"  ("episode_id") `);
    await db.query(`CREATE INDEX "case_handovers_to_agency_id_idx" ON "case_handovers"  ("to_agency_id") `);
    await db.query(`CREATE UNIQUE INDEX "case_handovers_one_open_per_episode" ON "case_handovers"  ("episode_id") WHERE status = 'requested'`);
    await db.query(`ALTER TABLE "case_handovers" ADD CONSTRAINT "FK_fb9f3285509919506fadb161292" FOREIGN KEY ("episode_id") REFERENCES "care_episodes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE "case_handovers" ADD CONSTRAINT "FK_e559968403bfeda440d04ebda36" FOREIGN KEY ("from_agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE "case_handovers" ADD CONSTRAINT "FK_10d31c094a739c708948f34f260" FOREIGN KEY ("to_agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "case_handovers"`);
  }
}
