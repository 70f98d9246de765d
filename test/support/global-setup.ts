import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/common/database/data-source-options';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/common/database/embedded-postgres';
import { TEMPLATE_DATABASE, withDatabase } from './test-databases';

declare global {
  var __EMBEDDED_TEST_DB__: EmbeddedDatabase | undefined;
}

/**
 * Once per run: a PostgreSQL server (TEST_DATABASE_URL, or an embedded one in a temporary folder)
 * and a template database with every migration applied. Each test file clones the template.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = `${process.env.TMPDIR ?? '/tmp'}/rcf-test-pg-${process.pid}`;
    const embedded = await startEmbeddedPostgres(dir, 0, () => undefined);
    globalThis.__EMBEDDED_TEST_DB__ = embedded;
    process.env.RCF_TEST_PG_DIR = dir;
    serverUrl = embedded.url;
  }
  const adminUrl = withDatabase(serverUrl, 'postgres');
  const admin = new Client(adminUrl);
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const migrator = new DataSource(dataSourceOptions(withDatabase(serverUrl, TEMPLATE_DATABASE), 1));
  await migrator.initialize();
  await migrator.runMigrations({ transaction: 'each' });
  await migrator.destroy();
  process.env.RCF_TEST_SERVER_URL = serverUrl;
}
