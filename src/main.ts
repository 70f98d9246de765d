import 'reflect-metadata';
import { rm, writeFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { createApp } from './app';
import { ensureBootstrapAdmin } from './auth/bootstrap-admin';
import { dataSourceOptions } from './common/database/data-source-options';
import { connectionFile } from './common/database/embedded-files';
import { Lifecycle } from './common/http/lifecycle';
import { ConfigError, loadConfig, type AppConfig } from './config/config';
import type * as EmbeddedModuleType from './common/database/embedded-postgres';

type EmbeddedModule = typeof EmbeddedModuleType;

/** Several instances may start at once: one runs the migrations and creates the first admin, the others wait. */
const STARTUP_LOCK = 72610002;

/** The embedded PostgreSQL this process started, and its data folder. */
let embedded: { db: { url: string; stop(): Promise<void> }; dir: string } | undefined;

/** Stops the embedded PostgreSQL this process started, if any, and removes its connection file. */
async function stopEmbedded(): Promise<void> {
  const running = embedded;
  embedded = undefined;
  if (!running) return;
  await running.db.stop();
  await rm(connectionFile(running.dir), { force: true });
}

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

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    console.log(`DATABASE_URL is not set: starting an embedded PostgreSQL with its data in ${config.embeddedDbDir}`);
    // Loaded only when used: the package hooks SIGTERM when it loads, and the app takes that over.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startEmbeddedPostgres, takeOverExitHandling } = require('./common/database/embedded-postgres') as EmbeddedModule;
    takeOverExitHandling();
    const db = await startEmbeddedPostgres(config.embeddedDbDir, config.embeddedDbPort, (line) => console.log(line));
    embedded = { db, dir: config.embeddedDbDir };
    databaseUrl = db.url;
    // So that `npm run seed` can reach the database of a running `npm start`.
    await writeFile(connectionFile(config.embeddedDbDir), `${db.url}\n`, { mode: 0o600 });
  }

  const migrator = new DataSource(dataSourceOptions(databaseUrl, 1, config.database));
  await migrator.initialize();
  await migrator.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
  try {
    const applied = await migrator.runMigrations({ transaction: 'each' });
    if (applied.length > 0) console.log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
    await ensureBootstrapAdmin(migrator, config, (line) => console.log(line));
  } finally {
    await migrator.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]);
    await migrator.destroy();
  }

  const app = await createApp(config, databaseUrl);
  const lifecycle = app.get(Lifecycle);
  const server = app.getHttpAdapter().getInstance().server;
  const stop = async (signal: string) => {
    if (lifecycle.stopping) return;
    lifecycle.stopping = true;
    console.log(`${signal}: stopping; requests in flight may finish within ${config.shutdownGraceSeconds} s`);
    // Stop accepting; requests in flight finish; new ones on open connections get 503 problem+json.
    const grace = setTimeout(() => {
      console.warn('The grace period is over: closing the connections still open.');
      server.closeAllConnections();
    }, config.shutdownGraceSeconds * 1000);
    grace.unref();
    await app.close();
    clearTimeout(grace);
    await stopEmbedded();
    console.log('Stopped.');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  const base = `http://${shownHost}:${config.port}`;
  console.log(`Ready. API ${base}/api/v1 · Swagger UI ${base}/docs · planners' dashboard ${base}/dashboard`);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  // A start that failed once its embedded PostgreSQL was up (the port taken, a migration refused)
  // stops it too: left running, it would hold the data directory until the next start.
  await stopEmbedded().catch((stopError: unknown) => console.error(stopError instanceof Error ? stopError.message : stopError));
  process.exit(1);
});
