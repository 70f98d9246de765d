import { Injectable } from '@nestjs/common';
import type { Caller } from '../../common/auth/caller';
import { Database } from '../../common/database/database.service';
import { today } from '../../common/time/calendar';
import { checkedPeriods } from '../domain/checked-periods';
import { FigurePublisher } from '../domain/publisher';
import type { ChildrenSeriesQuery } from '../dto/series.dto';
import { childrenStockSql } from '../figures.queries';
import { GroupTable } from '../group-table';
import { SeriesAnswer } from './series-answer';
import { stockChangesSql } from './series.queries';

/** The stock of children in care at the end of each interval, each point as /figures/children answers it on that day. */
@Injectable()
export class ChildrenSeriesService {
  constructor(private readonly db: Database) {}

  async series(caller: Caller, query: ChildrenSeriesQuery): Promise<SeriesAnswer> {
    const to = query.to ?? today();
    const interval = query.interval ?? 'month';
    const periods = checkedPeriods(query.from, to, interval);
    const groupBy = query.groupBy ?? [];
    const province = query.provinceCode ?? null;
    const d = groupBy.length;
    const groups = new GroupTable(groupBy);
    const last = periods[periods.length - 1];
    // Points that end on their interval's last day are running sums of the monthly changes; a last
    // point inside its month (today, usually) is the stock on that day.
    const complete = last.complete ? periods.length : periods.length - 1;

    // Rows folded as they arrive into each group's changes by point; the last point, when inside its
    // month, takes the stock on that day.
    const points = periods.length;
    const cells: { counts: Float64Array; keySums: Float64Array }[] = [];
    const add = (group: number, point: number, count: number, keySum: number) => {
      const cell = (cells[group] ??= { counts: new Float64Array(points), keySums: new Float64Array(points) });
      cell.counts[point] += count;
      cell.keySums[point] += keySum;
    };
    let point = 0;
    const readChanges = this.db.eachRow(stockChangesSql(groupBy), [last.month, province, periods[0].month], (row) => {
      // Rows come in month order, those before the first point's month first (month null): a change
      // counts from the first point whose month it is not after.
      const month = row[0] as string | null;
      while (month !== null && point < complete && periods[point].month < month) point++;
      if (point < complete) add(groups.groupOf(row, 1), point, Number(row[d + 1]), Number(row[d + 2]));
    });
    const readLastDay = last.complete
      ? Promise.resolve()
      : this.db.eachRow(childrenStockSql(groupBy), [last.to, province], (row) => add(groups.groupOf(row), complete, Number(row[d]), Number(row[d + 1])));
    await Promise.all([readChanges, readLastDay]);
    for (const cell of cells) {
      for (let p = 1; p < complete; p++) {
        cell.counts[p] += cell.counts[p - 1];
        cell.keySums[p] += cell.keySums[p - 1];
      }
    }
    const meta = { from: query.from, to, interval, groupBy, provinceCode: province };
    return new SeriesAnswer(meta, groups, periods.map((p) => p.to), cells, FigurePublisher.for(caller.role));
  }
}
