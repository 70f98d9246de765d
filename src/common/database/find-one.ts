import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { NotFound } from '../errors/domain-errors';

/**
 * The record with this id from an already scoped query, or NOT_FOUND: out of scope and missing look
 * the same. With `lock`, the row of the query's main alias is locked until the transaction ends, so
 * two conflicting actions on one record run one after the other.
 */
export async function findOneById<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, id: string, what: string, lock = false): Promise<T> {
  query.andWhere(`${query.alias}.id = :id`, { id });
  if (lock) query.setLock('pessimistic_write', undefined, [query.alias]);
  const record = await query.getOne();
  if (!record) throw new NotFound(what);
  return record;
}
