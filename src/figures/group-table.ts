import type { JsonBuffer } from '../common/http/json-buffer';
import { AGE_BANDS, type ChildDimension } from './domain/dimensions';
import type { ChildrenFigureRow } from './dto/figures.dto';
import { dimensionsOf } from './stock-rows';

/** The order of one dimension's values: age bands in age order, others by their text, none last. */
const rank = (dimension: ChildDimension, value: unknown): string => {
  if (value === null || value === undefined) return '\uffff';
  if (dimension === 'ageBand') return String(AGE_BANDS.indexOf(value as (typeof AGE_BANDS)[number])).padStart(2, '0');
  return typeof value === 'string' ? value : JSON.stringify(value);
};

/** A dimension's members in an answer and their comma, as the row object writes them (province names after the code). */
const memberBytes = (dimension: ChildDimension, value: unknown): Buffer => Buffer.from(`${JSON.stringify(dimensionsOf([value], [dimension])).slice(1, -1)},`);

/**
 * The groups of a grouped answer, made as rows stream in from PostgreSQL: each dimension's values
 * are numbered once, a group is its values' numbers, and its members' JSON is encoded once per
 * value. Thousands of rows then need no object each.
 */
export class GroupTable {
  private readonly numberOf: Map<unknown, number>[];
  private readonly valuesOf: unknown[][];
  private readonly groupIndex = new Map<string, number>();
  /** Group g's value numbers, one character each (kept as text: thousands of groups stay small). */
  private readonly groupKeys: string[] = [];
  private members: Buffer[][] | undefined;

  constructor(readonly groupBy: readonly ChildDimension[]) {
    this.numberOf = groupBy.map(() => new Map<unknown, number>());
    this.valuesOf = groupBy.map(() => []);
  }

  get size(): number {
    return this.groupIndex.size;
  }

  /** The group of a row whose dimension values are its columns from `first` on. */
  groupOf(row: readonly unknown[], first = 0): number {
    let key = '';
    for (let i = 0; i < this.groupBy.length; i++) {
      const value = row[first + i] ?? null;
      let n = this.numberOf[i].get(value);
      if (n === undefined) {
        n = this.valuesOf[i].push(value) - 1;
        this.numberOf[i].set(value, n);
      }
      key += String.fromCharCode(n);
    }
    let group = this.groupIndex.get(key);
    if (group === undefined) {
      group = this.groupKeys.push(key) - 1;
      this.groupIndex.set(key, group);
    }
    return group;
  }

  /**
   * The groups in the answer's order (by each dimension in turn). Sorted here, not in SQL: sorting
   * tens of thousands of rows by seven collated keys cost PostgreSQL more than the rest of the query.
   */
  order(): number[] {
    const d = this.groupBy.length;
    const size = this.size;
    // Each value's place among its dimension's values.
    const places = this.valuesOf.map((values, i) => {
      const sorted = values.map((value, n) => ({ key: rank(this.groupBy[i], value), n })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const place = new Array<number>(values.length);
      sorted.forEach(({ n }, p) => (place[n] = p));
      return place;
    });
    const keys = this.groupKeys;
    const span = places.reduce((product, place) => product * place.length, size);
    if (span < 2 ** 52) {
      // One number per group, its places in turn and then the group itself, sorted natively.
      const sortKeys = new Float64Array(size);
      for (let g = 0; g < size; g++) {
        let sortKey = 0;
        for (let i = 0; i < d; i++) sortKey = sortKey * places[i].length + places[i][keys[g].charCodeAt(i)];
        sortKeys[g] = sortKey * size + g;
      }
      sortKeys.sort();
      return Array.from(sortKeys, (sortKey) => sortKey % size);
    }
    return Array.from({ length: size }, (_, g) => g).sort((a, b) => {
      for (let i = 0; i < d; i++) {
        const diff = places[i][keys[a].charCodeAt(i)] - places[i][keys[b].charCodeAt(i)];
        if (diff !== 0) return diff;
      }
      return 0;
    });
  }

  /** Writes a group's row: its dimensions (members encoded once per value), its published count and whether it was withheld. */
  writeRow(json: JsonBuffer, group: number, value: number | null): void {
    this.members ??= this.valuesOf.map((values, i) => values.map((value) => memberBytes(this.groupBy[i], value)));
    json.ascii('{');
    const key = this.groupKeys[group];
    for (let i = 0; i < key.length; i++) json.bytes(this.members[i][key.charCodeAt(i)]);
    json.ascii('"count":').number(value).ascii(',"suppressed":').boolean(value === null).ascii('}');
  }

  /** The same row as an object (for CSV). */
  row(group: number, value: number | null): ChildrenFigureRow {
    const key = this.groupKeys[group];
    const dimensions = dimensionsOf(
      this.groupBy.map((_, i) => this.valuesOf[i][key.charCodeAt(i)]),
      this.groupBy,
    );
    return { ...dimensions, count: value, suppressed: value === null };
  }
}
