import { MigrationInterface, QueryRunner } from 'typeorm';

/** The facility registry: facilities, MoUs, inspections, corrective actions and their status history. */
export class FacilityRegistry1763800000000 implements MigrationInterface {
  name = 'FacilityRegistry1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "facilities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "registry_code" text NOT NULL, "name" text NOT NULL, "name_km" text, "type" text NOT NULL, "operator_agency_id" uuid NOT NULL, "province_code" text NOT NULL, "district" text, "commune" text, "village" text, "capacity" integer NOT NULL, "status" text NOT NULL DEFAULT 'identified', "remediation_deadline" date, "transition_target_service" text, "transition_target_date" date, "last_approved_inspection_on" date, CONSTRAINT "PK_2e6c685b2e1195e6d6394a22bc7" PRIMARY KEY ("id"))`);
    await db.query(`CREATE UNIQUE INDEX "facilities_registry_code_key" ON "facilities"  ("registry_code") `);
    await db.query(`CREATE INDEX "facilities_operator_agency_id_idx" ON "facilities"  ("operator_agency_id") `);
    await db.query(`CREATE INDEX "facilities_province_code_idx" ON "facilities"  ("province_code") `);
    await db.query(`CREATE INDEX "facilities_status_idx" ON "facilities"  ("status") `);
    await db.query(`CREATE TABLE "mous" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "facility_id" uuid NOT NULL, "reference_number" text NOT NULL, "status" text NOT NULL DEFAULT 'draft', "signed_on" date, "starts_on" date, "ends_on" date, "renewal_of_id" uuid, "termination_reason" text, "terminated_on" date, CONSTRAINT "PK_dc032b1188491b40bf86574d2c2" PRIMARY KEY ("id"))`);
    await db.query(`CREATE INDEX "mous_facility_id_idx" ON "mous"  ("facility_id") `);
    await db.query(`CREATE UNIQUE INDEX "mous_one_active_per_facility" ON "mous"  ("facility_id") WHERE status = 'active'`);
    await db.query(`CREATE TABLE "inspections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "facility_id" uuid NOT NULL, "type" text NOT NULL, "status" text NOT NULL DEFAULT 'scheduled', "scheduled_for" date NOT NULL, "follow_up_of_id" uuid, "inspector_id" uuid NOT NULL, "conducted_on" date, "ratings" jsonb, "outcome" text, "summary" text, "submitted_by_id" uuid, "submitted_at" TIMESTAMP WITH TIME ZONE, "approved_by_id" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a484980015782324454d8c88abe" PRIMARY KEY ("id"))`);
    await db.query(`CREATE INDEX "inspections_facility_id_idx" ON "inspections"  ("facility_id") `);
    await db.query(`CREATE INDEX "inspections_inspector_id_idx" ON "inspections"  ("inspector_id") `);
    await db.query(`CREATE TABLE "corrective_actions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "inspection_id" uuid NOT NULL, "description" text NOT NULL, "due_on" date NOT NULL, "status" text NOT NULL DEFAULT 'open', "resolved_on" date, "resolved_by_id" uuid, "resolution_note" text, CONSTRAINT "PK_b1382eccccc5ca8d821e3688ade" PRIMARY KEY ("id"))`);
    await db.query(`CREATE INDEX "corrective_actions_inspection_id_idx" ON "corrective_actions"  ("inspection_id") `);
    await db.query(`CREATE TABLE "registry_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entity_type" text NOT NULL, "entity_id" uuid NOT NULL, "action" text NOT NULL, "from_status" text, "to_status" text NOT NULL, "actor_id" uuid, "actor_role" text, "reason" text, "payload" jsonb NOT NULL DEFAULT '{}', "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a301c67636be74717a215646be9" PRIMARY KEY ("id"))`);
    await db.query(`CREATE INDEX "registry_events_entity_idx" ON "registry_events"  ("entity_type", "entity_id", "recorded_at") `);
    await db.query(`ALTER TABLE "facilities" ADD CONSTRAINT "FK_63d1c8f15ae007fbd87ceaceb7f" FOREIGN KEY ("operator_agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE "facilities" ADD CONSTRAINT "FK_6fef0dfd877f69c07ff18df1a4e" FOREIGN KEY ("province_code") REFERENCES "provinces"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE "mous" ADD CONSTRAINT "FK_722f741460bca0e451f78d8ca43" FOREIGN KEY ("facility_id") REFERENCES "facilities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE "mous" ADD CONSTRAINT "FK_30d893b91e05debaf0e81299a4a" FOREIGN KEY ("renewal_of_id") REFERENCES "mous"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE "inspections" ADD CONSTRAINT "FK_9fc80f5e877f41d4fe6f512343b" FOREIGN KEY ("facility_id") REFERENCES "facilities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE "inspections" ADD CONSTRAINT "FK_499ff2feda77ee35a04aed837de" FOREIGN KEY ("follow_up_of_id") REFERENCES "inspections"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE "inspections" ADD CONSTRAINT "FK_be0708872a150482d84fafdf5ca" FOREIGN KEY ("inspector_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE "corrective_actions" ADD CONSTRAINT "FK_abb9380b279079b25ee98c9afe1" FOREIGN KEY ("inspection_id") REFERENCES "inspections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Registry codes (RCF-<province>-<number>) come from one sequence, so they never repeat.
    await db.query(`CREATE SEQUENCE facility_registry_number_seq`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SEQUENCE facility_registry_number_seq`);
    await db.query(`DROP TABLE "registry_events"`);
    await db.query(`DROP TABLE "corrective_actions"`);
    await db.query(`DROP TABLE "inspections"`);
    await db.query(`DROP TABLE "mous"`);
    await db.query(`DROP TABLE "facilities"`);
  }
}
