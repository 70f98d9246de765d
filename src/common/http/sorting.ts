import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ValidationFailed } from '../errors/domain-errors';
import { atCursorPrecision, decodeCursor, encodeCursor, type Page, type PageQuery } from './pagination';

/** A key a list may be sorted by: its SQL (on the list's alias) and the type its values compare as. */
export interface SortKey {
  sql: (alias: string) => string;
  type: 'date' | 'text' | 'timestamptz';
}

/** The `sort` parameter of a list: one of its keys, a leading `-` for descending. */
export function SortParameter(names: readonly string[]) {
  return applyDecorators(
    ApiPropertyOptional({
      enum: names.flatMap((k) => [k, `-${k}`]),
      description: `Sort by ${names.join(', ')}; a leading \`-\` for descending. Empty values come last; ties go by creation. The cursor keeps the sort.`,
    }),
    IsOptional(),
    IsIn(names.flatMap((k) => [k, `-${k}`])),
  );
}

interface SortedPosition {
  sort: string;
  value: string | null;
  createdAt: string;
  id: string;
}

const isSortedPosition = (p: Record<string, unknown>) =>
  typeof p.sort === 'string' && (p.value === null || typeof p.value === 'string') && typeof p.createdAt === 'string' && !Number.isNaN(Date.parse(p.createdAt)) && typeof p.id === 'string';

/**
 * Keyset pagination in the order asked for: (key, created_at, id), empty keys last, so a page is
 * as fast on page 1,000 as on page 1 and stable while rows are added. Without a sort, the default
 * newest-first order of `paginate`.
 */
export async function paginateSorted<T extends ObjectLiteral & { id: string; createdAt: Date }>(
  query: SelectQueryBuilder<T>,
  page: PageQuery & { sort?: string },
  keys: Record<string, SortKey>,
  fallback: (query: SelectQueryBuilder<T>, page: PageQuery) => Promise<Page<T>>,
): Promise<Page<T>> {
  if (!page.sort) return fallback(query, page);
  const descending = page.sort.startsWith('-');
  const name = descending ? page.sort.slice(1) : page.sort;
  const key = keys[name];
  const alias = query.alias;
  const value = key.sql(alias);
  const createdAt = atCursorPrecision(`${alias}.created_at`);
  const [dir, op] = descending ? (['DESC', '<'] as const) : (['ASC', '>'] as const);
  const limit = page.limit ?? 50;
  if (page.cursor) {
    const position = decodeCursor<SortedPosition>(page.cursor, isSortedPosition);
    if (position.sort !== page.sort) throw new ValidationFailed([{ field: 'cursor', messages: ['the cursor belongs to a list in another order: ask for the first page again'] }]);
    const at = { sortCreatedAt: position.createdAt, sortId: position.id };
    if (position.value === null) query.andWhere(`(${value} IS NULL AND (${createdAt}, ${alias}.id) ${op} (:sortCreatedAt::timestamptz, :sortId::uuid))`, at);
    else query.andWhere(`((${value}, ${createdAt}, ${alias}.id) ${op} (:sortValue::${key.type}, :sortCreatedAt::timestamptz, :sortId::uuid) OR ${value} IS NULL)`, { ...at, sortValue: position.value });
  }
  const { entities, raw } = await query
    .addSelect(`(${value})::text`, 'sort_value')
    .orderBy(value, dir, 'NULLS LAST')
    .addOrderBy(createdAt, dir)
    .addOrderBy(`${alias}.id`, dir)
    .limit(limit + 1)
    .getRawAndEntities<{ sort_value: string | null }>();
  const items = entities.slice(0, limit);
  const last = items.at(-1);
  const nextCursor =
    entities.length > limit && last ? encodeCursor({ sort: page.sort, value: raw[limit - 1]?.sort_value ?? null, createdAt: last.createdAt.toISOString(), id: last.id } satisfies SortedPosition) : null;
  return { items, nextCursor };
}
