import { PROVINCES } from '../provinces/provinces.data';
import { AGE_BANDS, type ChildDimension } from './domain/dimensions';
import { emptyCell, type Cell } from './domain/disclosure-control';
import type { FigurePublisher } from './domain/publisher';
import type { ChildrenFigureRow } from './dto/figures.dto';

const PROVINCE_NAMES = new Map(PROVINCES.map((p) => [p.code, p]));

/** Province names in both scripts beside a province code, for JSON and CSV alike. */
export function withProvinceNames<T extends object>(row: T): T & { provinceNameEn?: string; provinceNameKm?: string } {
  const code = (row as { provinceCode?: unknown }).provinceCode;
  if (typeof code !== 'string') return row;
  const province = PROVINCE_NAMES.get(code);
  // Right after the code, so CSV columns read code, English name, Khmer name.
  const named: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    named[key] = value;
    if (key === 'provinceCode') Object.assign(named, { provinceNameEn: province?.nameEn, provinceNameKm: province?.nameKm });
  }
  return named as T & { provinceNameEn?: string; provinceNameKm?: string };
}

const rank = (dimension: ChildDimension, value: unknown): string => {
  if (value === null || value === undefined) return '\uffff';
  if (dimension === 'ageBand') return String(AGE_BANDS.indexOf(value as (typeof AGE_BANDS)[number])).padStart(2, '0');
  return typeof value === 'string' ? value : JSON.stringify(value);
};

/** A group of the stock: its dimension values (d0, d1, …) and its cell. */
export interface StockGroup {
  values: readonly unknown[];
  cell: Cell;
}

export interface PublishedStock {
  rows: ChildrenFigureRow[];
  total: number | null;
  totalSuppressed: boolean;
}

/**
 * The groups of a stock as rows, in order (age bands in age order), each published under the
 * caller's control; the total is a cell of its own, perturbed from all its records, not the sum of
 * the published rows.
 */
/**
 * The answer's order of groups (age bands in age order). Sorted here, not in SQL: sorting ~40,000
 * rows by seven collated keys cost PostgreSQL more than the rest of the query, while a few thousand
 * groups sort in JavaScript in a few milliseconds.
 */
export function groupOrder(groups: readonly { values: readonly unknown[] }[], groupBy: readonly ChildDimension[]): number[] {
  const sortKeys = groups.map((g) => groupBy.map((d, i) => rank(d, g.values[i])).join('\u0000'));
  return groups.map((_, i) => i).sort((a, b) => (sortKeys[a] < sortKeys[b] ? -1 : sortKeys[a] > sortKeys[b] ? 1 : 0));
}

/** A row's dimension values, with the province's names right after its code. */
export function dimensionsOf(values: readonly unknown[], groupBy: readonly ChildDimension[]): Record<string, unknown> {
  // Built key by key, in the answer's order: thousands of rows, so no copies.
  const row: Record<string, unknown> = {};
  for (let i = 0; i < groupBy.length; i++) {
    const value = values[i] ?? null;
    row[groupBy[i]] = value;
    if (groupBy[i] === 'provinceCode') {
      const province = PROVINCE_NAMES.get(value as string);
      row.provinceNameEn = province?.nameEn;
      row.provinceNameKm = province?.nameKm;
    }
  }
  return row;
}

export function publishStock(groups: readonly StockGroup[], groupBy: readonly ChildDimension[], publisher: FigurePublisher): PublishedStock {
  const order = groupOrder(groups, groupBy);
  const total = emptyCell();
  const rows = new Array<ChildrenFigureRow>(order.length);
  for (let n = 0; n < order.length; n++) {
    const group = groups[order[n]];
    const row = dimensionsOf(group.values, groupBy);
    total.count += group.cell.count;
    total.keySum += group.cell.keySum;
    const shown = publisher.children(group.cell);
    row.count = shown.value;
    row.suppressed = shown.suppressed;
    rows[n] = row as unknown as ChildrenFigureRow;
  }
  const shownTotal = publisher.children(total);
  return { rows, total: shownTotal.value, totalSuppressed: shownTotal.suppressed };
}

/** Rows of the stock SQL (d0, d1, …, count, key_sum) as groups. */
export function stockGroups(raw: readonly Record<string, unknown>[], dimensions: number): StockGroup[] {
  return raw.map((r) => ({
    values: Array.from({ length: dimensions }, (_, i) => r[`d${i}`]),
    cell: { count: Number(r.count), keySum: Number(r.key_sum) },
  }));
}
