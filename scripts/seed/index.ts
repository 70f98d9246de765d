import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ensureBootstrapAdmin } from '../../src/auth/bootstrap-admin';
import { dataSourceOptions } from '../../src/common/database/data-source-options';
import { loadConfig } from '../../src/config/config';
import { projectDatabase } from '../db-url';
import { DEMO_PASSWORD, seedWorld } from './seed';
import { SIZES } from './simulate';
import { scaled } from './world';

/**
 * `npm run seed -- demo` (a few provinces, dozens of facilities, hundreds of children) or
 * `npm run seed -- national` (420 facilities, 100,000 children, most of a million events over ten
 * years); `--scale 3` makes either three times larger (children, facilities and years). Writes into DATABASE_URL, else into the embedded database of a running `npm start`,
 * else starts the embedded database itself.
 */
async function main(): Promise<void> {
  const [sizeName = 'demo', ...options] = process.argv.slice(2);
  const base = SIZES[sizeName];
  if (!base) throw new Error(`Unknown size "${sizeName}": use ${Object.keys(SIZES).join(' or ')}`);
  const scaleAt = options.indexOf('--scale');
  const factor = scaleAt >= 0 ? Number(options[scaleAt + 1]) : 1;
  if (!Number.isInteger(factor) || factor < 1 || factor > 10) throw new Error('--scale takes a whole number from 1 to 10');
  const size = scaled(base, factor);
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
