import { JsonBuffer } from '../common/http/json-buffer';
import type { ChildDimension } from './domain/dimensions';
import type { FigurePublisher } from './domain/publisher';
import type { ChildrenFigures } from './dto/figures.dto';
import { GroupTable } from './group-table';

/**
 * Children in care on a date, as GET /figures/children answers (ChildrenFigures): the groups, and
 * each group's count and sum of record keys in arrays. Each count is published through the caller's
 * publisher as it is written; the total is a cell of its own, perturbed from all its records, not
 * the sum of the published rows.
 */
export class StockAnswer {
  private readonly counts: number[] = [];
  private readonly keySums: number[] = [];
  readonly groups: GroupTable;

  constructor(
    readonly asOf: string,
    readonly groupBy: ChildDimension[],
    private readonly publisher: FigurePublisher,
  ) {
    this.groups = new GroupTable(groupBy);
  }

  /** Adds a row of the stock SQL: its dimensions (d0, d1, …), then count and key sum. */
  add(row: readonly unknown[]): void {
    const group = this.groups.groupOf(row);
    const d = this.groupBy.length;
    this.counts[group] = (this.counts[group] ?? 0) + Number(row[d]);
    this.keySums[group] = (this.keySums[group] ?? 0) + Number(row[d + 1]);
  }

  private total(): number | null {
    let count = 0;
    let keySum = 0;
    for (let g = 0; g < this.counts.length; g++) {
      count += this.counts[g];
      keySum += this.keySums[g];
    }
    return this.publisher.childrenValue(count, keySum);
  }

  toJson(): Buffer {
    const json = new JsonBuffer();
    json.ascii('{"asOf":').value(this.asOf).ascii(',"groupBy":').value(this.groupBy).ascii(',"rows":[');
    this.groups.order().forEach((g, n) => {
      const value = this.publisher.childrenValue(this.counts[g], this.keySums[g]);
      if (n > 0) json.ascii(',');
      this.groups.writeRow(json, g, value);
    });
    const total = this.total();
    json.ascii('],"total":').number(total).ascii(',"totalSuppressed":').boolean(total === null);
    return json.ascii(',"disclosureControl":').value(this.publisher.control).ascii('}').toBuffer();
  }

  toObject(): ChildrenFigures {
    const rows = this.groups.order().map((g) => this.groups.row(g, this.publisher.childrenValue(this.counts[g], this.keySums[g])));
    const total = this.total();
    return { asOf: this.asOf, groupBy: this.groupBy, rows, total, totalSuppressed: total === null, disclosureControl: this.publisher.control };
  }
}
