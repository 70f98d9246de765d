/**
 * Disclosure control for counts of children: the cell-key method of the Australian Bureau of
 * Statistics (TableBuilder), as docs/figures.md explains. Pure code.
 *
 * Every child and every counted event carries a fixed random record key from 0 to 255. A cell's key
 * is the sum of its records' keys modulo 256, so the same set of records always gets the same key
 * and the same question always gets the same answer. The published value is the true count plus the
 * noise the perturbation table gives for that cell key, never below 0; totals are cells of their own
 * (their key is that of all their records), not sums of published rows. Then 1 to 4 are withheld.
 */
export const RECORD_KEY_RANGE = 256;
export const SUPPRESS_BELOW = 5;

export type DisclosureMethod = 'cell_key' | 'none';

export interface DisclosureControl {
  method: DisclosureMethod;
  suppressedBelow: number;
  /** The largest difference between a published count and the truth. */
  maxNoise: number;
}

/** A count of children and the sum of its records' keys: what a protected cell is made from. */
export interface Cell {
  count: number;
  keySum: number;
}

export const emptyCell = (): Cell => ({ count: 0, keySum: 0 });
export const addCells = (...cells: Cell[]): Cell => cells.reduce((a, b) => ({ count: a.count + b.count, keySum: a.keySum + b.keySum }), emptyCell());

/**
 * The perturbation table: the noise for each cell key, fixed. Cell keys are uniform when record
 * keys are, so noise is -2 with probability 26/256, -1 with 51/256, 0 with 102/256, +1 with 51/256
 * and +2 with 26/256: mean 0, variance 1.17, never more than 2 either way.
 */
export const PERTURBATION_TABLE: readonly number[] = Array.from({ length: RECORD_KEY_RANGE }, (_, key) => {
  if (key < 26) return -2;
  if (key < 77) return -1;
  if (key < 179) return 0;
  if (key < 230) return 1;
  return 2;
});
const MAX_NOISE = 2;

export const CELL_KEY_CONTROL: DisclosureControl = { method: 'cell_key', suppressedBelow: SUPPRESS_BELOW, maxNoise: MAX_NOISE };
export const NO_CONTROL: DisclosureControl = { method: 'none', suppressedBelow: 0, maxNoise: 0 };

export function cellKey(cell: Cell): number {
  return keyOf(cell.keySum);
}

const keyOf = (keySum: number) => ((keySum % RECORD_KEY_RANGE) + RECORD_KEY_RANGE) % RECORD_KEY_RANGE;

/** The perturbed count of a cell; an empty cell stays 0 (it has no records, so no key). */
export function perturb(cell: Cell): number {
  return perturbed(cell.count, cell.keySum);
}

const perturbed = (count: number, keySum: number) => (count <= 0 ? 0 : Math.max(0, count + PERTURBATION_TABLE[keyOf(keySum)]));

export interface Published {
  value: number | null;
  suppressed: boolean;
}

/** A count as published under the control: perturbed, then withheld from 1 to 4; exact under `none`. */
export function publish(cell: Cell, control: DisclosureControl): Published {
  const value = publishedValue(cell.count, cell.keySum, control);
  return { value, suppressed: value === null };
}

/**
 * The same, for answers of thousands of cells that keep counts in arrays: the published value, null
 * when withheld (a published count is withheld exactly when it is null).
 */
export function publishedValue(count: number, keySum: number, control: DisclosureControl): number | null {
  if (control.method === 'none') return count;
  const value = perturbed(count, keySum);
  return value >= 1 && value < SUPPRESS_BELOW ? null : value;
}
