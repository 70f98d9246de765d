import { MigrationInterface, QueryRunner } from 'typeorm';

/** Failed logins, counted in the database so that every instance of the API shares the throttle. */
export class LoginFailures1764600000000 implements MigrationInterface {
  name = 'LoginFailures1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE login_failures (key text NOT NULL, failed_at timestamptz NOT NULL DEFAULT now())`);
    await db.query(`CREATE INDEX login_failures_key_idx ON login_failures (key, failed_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE login_failures`);
  }
}
