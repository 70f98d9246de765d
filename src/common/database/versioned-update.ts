import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Conflict } from '../errors/domain-errors';

/**
 * The one place a record's version moves: the changes are written with `version = version + 1`
 * where the version is still the one read, and the record in memory follows. A record changed by
 * someone else in between (it should be locked, so this is a safety net) answers 409.
 */
export async function updateVersioned<T extends ObjectLiteral & { id: string; version: number; updatedAt: Date }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  record: T,
  changes: Partial<T>,
): Promise<T> {
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, version: () => 'version + 1' })
    .where('id = :id AND version = :version', { id: record.id, version: record.version })
    .returning(['version', 'updated_at'])
    .execute();
  const row = (result.raw as { version: number; updated_at: Date }[])[0];
  if (!row) throw new Conflict('CONCURRENT_UPDATE', 'Another request changed this record at the same moment. Read it again and retry.');
  return Object.assign(record, changes, { version: row.version, updatedAt: row.updated_at });
}
