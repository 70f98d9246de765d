import { JsonBuffer } from '../../common/http/json-buffer';
import type { ChildDimension } from '../domain/dimensions';
import type { FigurePublisher } from '../domain/publisher';
import type { Interval } from '../domain/intervals';
import type { ChildrenSeries } from '../dto/series.dto';
import type { GroupTable } from '../group-table';

/**
 * A stock series as built: the groups once, and each point's count and sum of record keys by group
 * in two arrays by point. Each count is published as it is written; a ten-year monthly series
 * by setting and province is some 15,000 rows, written as bytes with no row object.
 */
export class SeriesAnswer {
  constructor(
    readonly meta: { from: string; to: string; interval: Interval; groupBy: ChildDimension[]; provinceCode: string | null },
    private readonly groups: GroupTable,
    private readonly dates: readonly string[],
    /** By group: the count and the sum of record keys at each point. */
    private readonly cells: readonly { counts: Float64Array; keySums: Float64Array }[],
    private readonly publisher: FigurePublisher,
  ) {}

  /** Visits each point: its groups with children, in the answer's order, and its total (a cell of its own). */
  private eachPoint(visit: (date: string, rows: { group: number; value: number | null }[], total: number | null) => void): void {
    const order = this.groups.order();
    this.dates.forEach((date, p) => {
      const rows: { group: number; value: number | null }[] = [];
      let count = 0;
      let keySum = 0;
      for (const group of order) {
        const n = this.cells[group].counts[p];
        if (n <= 0) continue;
        const k = this.cells[group].keySums[p];
        rows.push({ group, value: this.publisher.childrenValue(n, k) });
        count += n;
        keySum += k;
      }
      visit(date, rows, this.publisher.childrenValue(count, keySum));
    });
  }

  /** The answer as GET /figures/children/series documents it (ChildrenSeries). */
  toJson(): Buffer {
    const json = new JsonBuffer();
    json.ascii(`${JSON.stringify(this.meta).slice(0, -1)},"points":[`);
    let first = true;
    this.eachPoint((date, rows, total) => {
      json.ascii(first ? '{"date":"' : ',{"date":"').ascii(date).ascii('","rows":[');
      first = false;
      rows.forEach(({ group, value }, n) => {
        if (n > 0) json.ascii(',');
        this.groups.writeRow(json, group, value);
      });
      json.ascii('],"total":').number(total).ascii(',"totalSuppressed":').boolean(total === null).ascii('}');
    });
    return json.ascii('],"disclosureControl":').value(this.publisher.control).ascii('}').toBuffer();
  }

  /** The same answer as objects (CSV is built from these). */
  toObject(): ChildrenSeries {
    const points: ChildrenSeries['points'] = [];
    this.eachPoint((date, rows, total) =>
      points.push({
        date,
        rows: rows.map(({ group, value }) => this.groups.row(group, value)),
        total,
        totalSuppressed: total === null,
      }),
    );
    return { ...this.meta, points, disclosureControl: this.publisher.control };
  }
}
