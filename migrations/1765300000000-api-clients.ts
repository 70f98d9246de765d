import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API clients are accounts of systems (an NGO's case system, an OpenFn job): kept beside people's
 * accounts, so every token, scope and revocation check is the one that already guards people, but
 * marked so that neither kind can sign in the other's way.
 */
export class ApiClients1765300000000 implements MigrationInterface {
  name = 'ApiClients1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "users" ADD "kind" text NOT NULL DEFAULT 'person'`);
    await db.query(`ALTER TABLE "users" ADD CONSTRAINT "users_kind_check" CHECK (kind IN ('person', 'api_client'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "users" DROP CONSTRAINT "users_kind_check"`);
    await db.query(`ALTER TABLE "users" DROP "kind"`);
  }
}
