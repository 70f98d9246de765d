import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Children newest first, the order of every list of children, as an index. A misspelt name matches
 * thousands of children (7,102 of 100,000 for "sokah"); with this index PostgreSQL walks the newest
 * children and tests each one's keys until it has a page (72 → 7.5 ms), where before it tested every
 * near match and sorted them, which grew with the data. Rare matches still come from the trigram index.
 */
export class ChildrenNewestFirst1765700000000 implements MigrationInterface {
  name = 'ChildrenNewestFirst1765700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX IF NOT EXISTS children_newest_first_idx ON children (date_trunc('milliseconds', created_at, 'UTC') DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX children_newest_first_idx`);
  }
}
