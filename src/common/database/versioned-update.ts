import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Conflict } from '../errors/domain-errors';
import { rawEntity } from './raw-entity';

/**
 * The one place a record's version moves: the changes are written with `version = version + 1`
 * where the version is still the one read, and the record in memory follows. A record changed by
 * someone else in between (it should be locked, so this is a safety net) answers 409. Plain SQL
 * with TypeORM's own value conversions: it runs on every step of every lifecycle.
 */
export async function updateVersioned<T extends ObjectLiteral & { id: string; version: number; updatedAt: Date }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  record: T,
  changes: Partial<T>,
): Promise<T> {
  const raw = rawEntity(manager.connection, entity);
  const driver = manager.connection.driver;
  const keys = Object.keys(changes).filter((key) => (changes as Record<string, unknown>)[key] !== undefined);
  const columns = keys.map((key) => raw.column(key));
  const sets = columns.map((column, i) => `"${column.databaseName}" = $${i + 3}`);
  const values = columns.map((column, i): unknown => driver.preparePersistentValue((changes as Record<string, unknown>)[keys[i]], column) as unknown);
  const [rows] = await manager.query<[{ version: number; updated_at: Date }[], number]>(
    `UPDATE ${raw.table} SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 AND version = $2 RETURNING version, updated_at`,
    [record.id, record.version, ...values],
  );
  const row = rows[0];
  if (!row) throw new Conflict('CONCURRENT_UPDATE', 'Another request changed this record at the same moment. Read it again and retry.');
  return Object.assign(record, changes, { version: row.version, updatedAt: row.updated_at });
}
