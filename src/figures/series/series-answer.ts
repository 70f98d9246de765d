import type { ChildDimension } from '../domain/dimensions';
import type { DisclosureControl, Published } from '../domain/disclosure-control';
import type { Interval } from '../domain/intervals';
import type { ChildrenSeries } from '../dto/series.dto';
import { dimensionsOf } from '../stock-rows';

/** One point of a series: for each group in the answer's order, its published count (absent when 0 children). */
export interface SeriesPoint {
  date: string;
  groups: number[];
  counts: Published[];
  total: Published;
}

/**
 * A stock series as built: the groups once, each point's published counts by group. Its JSON is
 * written from a fragment per group (dimensions and province names, serialized once), not from
 * 10,000 row objects: a ten-year monthly series by setting and province is some 15,000 rows.
 */
export class SeriesAnswer {
  constructor(
    readonly meta: { from: string; to: string; interval: Interval; groupBy: ChildDimension[]; provinceCode: string | null },
    readonly groupValues: readonly (readonly unknown[])[],
    readonly points: readonly SeriesPoint[],
    readonly disclosureControl: DisclosureControl,
  ) {}

  /**
   * The answer as GET /figures/children/series documents it (ChildrenSeries), as JSON text in pieces
   * of one point each: sent as a stream, no 2 MB string is ever held, so the collector stays young.
   */
  *jsonChunks(): Generator<string> {
    const prefixes = this.groupValues.map((values) => JSON.stringify(dimensionsOf(values, this.meta.groupBy)).slice(0, -1));
    const comma = (prefix: string) => (prefix === '{' ? '{' : `${prefix},`);
    yield `${JSON.stringify({ ...this.meta }).slice(0, -1)},"points":[`;
    for (let i = 0; i < this.points.length; i++) {
      const p = this.points[i];
      const rows = p.groups.map((g, n) => `${comma(prefixes[g])}"count":${p.counts[n].value ?? 'null'},"suppressed":${p.counts[n].suppressed}}`);
      yield `${i ? ',' : ''}{"date":"${p.date}","rows":[${rows.join(',')}],"total":${p.total.value ?? 'null'},"totalSuppressed":${p.total.suppressed}}`;
    }
    yield `],"disclosureControl":${JSON.stringify(this.disclosureControl)}}`;
  }

  /** The same answer as objects (CSV is built from these). */
  toObject(): ChildrenSeries {
    return {
      ...this.meta,
      points: this.points.map((p) => ({
        date: p.date,
        rows: p.groups.map((g, n) => ({ ...dimensionsOf(this.groupValues[g], this.meta.groupBy), count: p.counts[n].value, suppressed: p.counts[n].suppressed })),
        total: p.total.value,
        totalSuppressed: p.total.suppressed,
      })),
      disclosureControl: this.disclosureControl,
    };
  }
}
