import path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './naming-strategy';

// Compiled (dist/…/*.js) or run from source by the tests (*.ts): entities and migrations are found
// by their file names, so this folder imports no feature and nobody keeps a list by hand.
const extension = path.extname(__filename).slice(1);
const sourceRoot = path.resolve(__dirname, '..', '..');
export const ENTITY_FILES = path.join(sourceRoot, '**', `*.entity.${extension}`);
export const MIGRATION_FILES = path.join(sourceRoot, '..', 'migrations', `*.${extension}`);

export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
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
    extra: { application_name: 'rcf-registry' },
  };
}
