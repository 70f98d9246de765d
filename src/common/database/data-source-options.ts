import path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts } from './timeouts';
import { SnakeNamingStrategy } from './naming-strategy';

// Compiled (dist/…/*.js) or run from source by the tests (*.ts): entities and migrations are found
// by their file names, so this folder imports no feature and nobody keeps a list by hand.
const extension = path.extname(__filename).slice(1);
const sourceRoot = path.resolve(__dirname, '..', '..');
export const ENTITY_FILES = path.join(sourceRoot, '**', `*.entity.${extension}`);
export const MIGRATION_FILES = path.join(sourceRoot, '..', 'migrations', `*.${extension}`);

/**
 * Settings of every session the app opens. `work_mem` at 16 MB (PostgreSQL's default is 4): the
 * figures' groupings then hash in memory instead of sorting on disk (flows over ten years by month:
 * 106 → 75 ms on the 3× data set). The bench's SQL baseline runs with the same settings.
 */
export const SESSION_OPTIONS = '-c work_mem=16MB';

export function dataSourceOptions(url: string, poolSize = 10, timeouts: DatabaseTimeouts = DEFAULT_DATABASE_TIMEOUTS): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [ENTITY_FILES],
    migrations: [MIGRATION_FILES],
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // Off: a failed query's log line would carry its parameters, which can be personal data.
    logging: false,
    poolSize,
    uuidExtension: 'pgcrypto',
    extra: {
      application_name: 'rcf-registry',
      options: SESSION_OPTIONS,
      // The server gives up on a slow statement or a lock wait; the client gives up too, in case the
      // server itself does not answer (frozen), and a request waits this long at most for a connection.
      statement_timeout: timeouts.statementTimeoutMs,
      lock_timeout: timeouts.lockTimeoutMs,
      query_timeout: timeouts.statementTimeoutMs + 1_000,
      connectionTimeoutMillis: timeouts.acquireTimeoutMs,
      keepAlive: true,
    },
  };
}
