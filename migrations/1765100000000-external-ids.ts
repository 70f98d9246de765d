import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ids NGO case systems give their own records (OSCaR, Primero), kept beside ours: unique per
 * agency, so a system can find its record again and never create it twice.
 */
export class ExternalIds1765100000000 implements MigrationInterface {
  name = 'ExternalIds1765100000000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of ['children', 'care_episodes']) {
      await db.query(`ALTER TABLE "${table}" ADD "external_id" text, ADD "external_agency_id" uuid`);
      await db.query(`CREATE UNIQUE INDEX "${table}_external_id_key" ON "${table}" ("external_agency_id", "external_id") WHERE external_id IS NOT NULL`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['children', 'care_episodes']) {
      await db.query(`DROP INDEX "${table}_external_id_key"`);
      await db.query(`ALTER TABLE "${table}" DROP "external_id", DROP "external_agency_id"`);
    }
  }
}
