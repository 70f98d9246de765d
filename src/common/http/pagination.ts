import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ValidationFailed } from '../errors/domain-errors';

export const MAX_PAGE_SIZE = 200;

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  cursor?: string;
}

export class PageMeta {
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface CursorPosition {
  createdAt: string;
  id: string;
}

let cursorKey = Buffer.from('set at start from JWT_SECRET');

/** Cursors are signed with a key derived from the token secret, so every instance accepts the others' cursors. */
export function useSignedCursors(secret: string): void {
  cursorKey = createHmac('sha256', secret).update('rcf cursor key').digest();
}

const signature = (payload: string) => createHmac('sha256', cursorKey).update(payload).digest().subarray(0, 16);

/** A cursor is a position and its signature: one the server did not issue, or one altered, is refused. */
export function encodeCursor(position: object): string {
  const payload = Buffer.from(JSON.stringify(position)).toString('base64url');
  return `${payload}.${signature(payload).toString('base64url')}`;
}

export function decodeCursor<T = CursorPosition>(cursor: string, isValid: (parsed: Record<string, unknown>) => boolean = isPosition): T {
  const [payload, signed, ...rest] = cursor.split('.');
  if (payload && signed && rest.length === 0) {
    const expected = signature(payload);
    const given = Buffer.from(signed, 'base64url');
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      try {
        const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
        if (parsed && typeof parsed === 'object' && isValid(parsed)) return parsed as T;
      } catch {
        // falls through to the validation error
      }
    }
  }
  throw new ValidationFailed([{ field: 'cursor', messages: ['cursor is not one this API returned'] }]);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isPosition(p: Record<string, unknown>): boolean {
  // A cursor of a sorted list carries its sort, and belongs to that order only.
  if ('sort' in p) return false;
  return typeof p.createdAt === 'string' && !Number.isNaN(Date.parse(p.createdAt)) && typeof p.id === 'string' && UUID.test(p.id);
}

/**
 * A timestamp at the cursor's precision: JavaScript dates hold milliseconds, PostgreSQL microseconds.
 * Truncated in UTC, which is immutable (the two-argument form depends on the session's time zone),
 * so an index can hold the order: children_newest_first_idx walks the newest children first.
 */
export const atCursorPrecision = (column: string): string => `date_trunc('milliseconds', ${column}, 'UTC')`;

/**
 * Keyset pagination over (created_at, id), newest first: stable while rows are added, and as fast on
 * page 1,000 as on page 1.
 */
export async function paginate<T extends ObjectLiteral & { id: string; createdAt: Date }>(
  query: SelectQueryBuilder<T>,
  page: PageQuery,
): Promise<Page<T>> {
  const limit = page.limit ?? 50;
  const alias = query.alias;
  const createdAt = atCursorPrecision(`${alias}.created_at`);
  if (page.cursor) {
    const position = decodeCursor(page.cursor);
    query.andWhere(`(${createdAt}, ${alias}.id) < (:cursorCreatedAt::timestamptz, :cursorId::uuid)`, {
      cursorCreatedAt: position.createdAt,
      cursorId: position.id,
    });
  }
  const rows = await query
    .orderBy(createdAt, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(limit + 1)
    .getMany();
  return pageOf(rows, limit, (last) => ({ createdAt: last.createdAt.toISOString(), id: last.id }));
}

/**
 * A page from rows read one past the limit: the extra row says there is a next page, whose cursor
 * is the position of the page's last item.
 */
export function pageOf<T>(rows: readonly T[], limit: number, positionOf: (last: T) => object): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(positionOf(last)) : null };
}
