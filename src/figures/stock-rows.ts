import { PROVINCES } from '../provinces/provinces.data';
import type { ChildDimension } from './domain/dimensions';

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
