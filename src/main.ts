import 'reflect-metadata';
import { rm, writeFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { createApp } from './app';
import { ensureBootstrapAdmin } from './auth/bootstrap-admin';
import { dataSourceOptions } from './common/database/data-source-options';
import { connectionFile, startEmbeddedPostgres, type EmbeddedDatabase } from './common/database/embedded-postgres';
import { ConfigError, loadConfig, type AppConfig } from './config/config';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (config.jwtSecretGenerated) {
    console.warn('JWT_SECRET is not set: using a random secret, so tokens stop working when the app restarts.');
  }

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    console.log(`DATABASE_URL is not set: starting an embedded PostgreSQL with its data in ${config.embeddedDbDir}`);
    embedded = await startEmbeddedPostgres(config.embeddedDbDir, config.embeddedDbPort, (line) => console.log(line));
    databaseUrl = embedded.url;
    // So that `npm run seed` can reach the database of a running `npm start`.
    await writeFile(connectionFile(config.embeddedDbDir), `${embedded.url}\n`, { mode: 0o600 });
  }

  const migrator = new DataSource(dataSourceOptions(databaseUrl, 1));
  await migrator.initialize();
  const applied = await migrator.runMigrations({ transaction: 'each' });
  if (applied.length > 0) console.log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
  await ensureBootstrapAdmin(migrator, config, (line) => console.log(line));
  await migrator.destroy();

  const app = await createApp(config, databaseUrl);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    await app.close();
    await embedded?.stop();
    if (embedded) await rm(connectionFile(config.embeddedDbDir), { force: true });
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.log(`API on http://${shownHost}:${config.port}/api/v1, Swagger UI on http://${shownHost}:${config.port}/docs`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
