import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/common/database/data-source-options';
import { scriptDatabase } from './db-url';

/**
 * Runs every migration on an empty database, then asks TypeORM what it would still change to match
 * the entities. `--check` fails when anything is pending (like `migration:generate --check`);
 * without it the pending SQL is printed, to start a new migration from.
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const db = await scriptDatabase();
  const dataSource = new DataSource(dataSourceOptions(db.url, 2));
  let pending: string[] = [];
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const sql = await dataSource.driver.createSchemaBuilder().log();
    pending = sql.upQueries.map((query) => query.query);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.stop();
  }
  if (pending.length === 0) {
    console.log('No pending migration: the entities match the migrations.');
    return;
  }
  console.log(pending.map((q) => `${q};`).join('\n'));
  if (check) {
    console.error(`\n${pending.length} schema change(s) are not in any migration. Write a migration in migrations/.`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
