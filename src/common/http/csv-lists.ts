import type { FastifyReply, FastifyRequest } from 'fastify';
import { toCsv } from './csv';
import type { Page } from './pagination';

/** A list asked for as CSV answers every matching record, up to this many. */
export const CSV_MAX_ROWS = 20_000;
const CSV_PAGE = 1000;

export const wantsCsv = (request: FastifyRequest) => /text\/csv/.test(request.headers.accept ?? '');

/**
 * Every record a list's filters keep (up to CSV_MAX_ROWS), read a thousand at a time through the
 * list's own query, so CSV sees exactly what the caller may see, in the list's order.
 */
export async function listAsCsv<T extends object>(
  reply: FastifyReply,
  name: string,
  load: (page: { limit: number; cursor?: string }) => Promise<Page<T>>,
): Promise<string> {
  const rows: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await load({ limit: Math.min(CSV_PAGE, CSV_MAX_ROWS - rows.length), cursor });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < CSV_MAX_ROWS);
  if (cursor) void reply.header('X-Truncated-At', String(CSV_MAX_ROWS));
  return csvAnswer(reply, name, rows as Record<string, unknown>[]);
}

/** Rows as a CSV download named `name.csv`. */
export function csvAnswer(reply: FastifyReply, name: string, rows: readonly Record<string, unknown>[]): string {
  void reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${name}.csv"`);
  return toCsv(rows);
}
