import { CELL_KEY_CONTROL, NO_CONTROL, publish, publishedValue, type Cell, type DisclosureControl, type Published } from './disclosure-control';

/**
 * The one place every figure goes through on its way out: counts of children are published under
 * the caller's disclosure control, and shares and ratios are computed from what was published, and
 * withheld with any count they use. Facility counts are not children: they pass exact.
 */
export class FigurePublisher {
  constructor(readonly control: DisclosureControl) {}

  static for(role: string): FigurePublisher {
    return new FigurePublisher(role === 'admin' ? NO_CONTROL : CELL_KEY_CONTROL);
  }

  children(cell: Cell): Published {
    return publish(cell, this.control);
  }

  /** A count of children kept in arrays, published: null when withheld. */
  childrenValue(count: number, keySum: number): number | null {
    return publishedValue(count, keySum, this.control);
  }

  /** part / whole × 100, one decimal; null when either is withheld or the whole is 0. */
  percent(part: Published, whole: Published): number | null {
    if (part.value === null || whole.value === null || whole.value === 0) return null;
    return Math.round(Math.min(100, (part.value / whole.value) * 100) * 10) / 10;
  }

  /** (from − to) / from × 100, one decimal: the reduction between two published counts. */
  reductionPercent(from: Published, to: Published): number | null {
    if (from.value === null || to.value === null || from.value === 0) return null;
    return Math.round(((from.value - to.value) / from.value) * 1000) / 10;
  }

  /** a / b, two decimals. */
  ratio(a: Published, b: Published): number | null {
    if (a.value === null || b.value === null || b.value === 0) return null;
    return Math.round((a.value / b.value) * 100) / 100;
  }
}
