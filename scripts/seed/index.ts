import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ensureBootstrapAdmin } from '../../src/auth/bootstrap-admin';
import { dataSourceOptions } from '../../src/common/database/data-source-options';
import { loadConfig } from '../../src/config/config';
import { projectDatabase } from '../db-url';
import { DEMO_PASSWORD, seedWorld } from './seed';
import { SIZES } from './simulate';

/**
 * `npm run seed -- demo` (a few provinces, dozens of facilities, hundreds of children) or
 * `npm run seed -- national` (420 facilities, 100,000 children, most of a million events over ten
 * years). Writes into DATABASE_URL, else into the embedded database of a running `npm start`,
 * else starts the embedded database itself.
 */
async function main(): Promise<void> {
  const sizeName = process.argv[2] ?? 'demo';
  const size = SIZES[sizeName];
  if (!size) throw new Error(`Unknown size "${sizeName}": use ${Object.keys(SIZES).join(' or ')}`);
  const config = loadConfig();
  const { url, embedded } = await projectDatabase(config.databaseUrl, config.embeddedDbDir);

  const migrator = new DataSource(dataSourceOptions(url, 1));
  await migrator.initialize();
  await migrator.runMigrations({ transaction: 'each' });
  await ensureBootstrapAdmin(migrator, config, (line) => console.log(line));
  await migrator.destroy();

  const started = Date.now();
  try {
    await seedWorld(url, size, (line) => console.log(line));
  } finally {
    await embedded?.stop();
  }
  console.log(`Seeded the ${size.name} world in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  console.log(`Log in as demo.inspector, demo.social, demo.ngo or demo.planner with the password ${DEMO_PASSWORD} (or as your admin).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
