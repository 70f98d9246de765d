import { Injectable } from '@nestjs/common';
import type { Caller } from '../../common/auth/caller';
import { Database } from '../../common/database/database.service';
import { today } from '../../common/time/calendar';
import { checkedPeriods } from '../domain/checked-periods';
import type { Cell, Published } from '../domain/disclosure-control';
import { FigurePublisher } from '../domain/publisher';
import type { ChildrenSeriesQuery } from '../dto/series.dto';
import { childrenStockSql } from '../figures.queries';
import { groupOrder } from '../stock-rows';
import { SeriesAnswer, type SeriesPoint } from './series-answer';
import { stockChangesSql } from './series.queries';

type Row = Record<string, unknown>;

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
    const publisher = FigurePublisher.for(caller.role);
    const last = periods[periods.length - 1];
    const pool = this.db.dataSource;
    // Month ends from the running sum of monthly changes; a last point inside its month (today,
    // usually) from the stock on that day.
    const [changes, lastDay] = await Promise.all([
      pool.query<Row[]>(stockChangesSql(groupBy), [last.month, province]),
      last.complete ? Promise.resolve([] as Row[]) : pool.query<Row[]>(childrenStockSql(groupBy), [last.to, province]),
    ]);

    // Every group of the answer, once, in the answer's order.
    const index = new Map<string, number>();
    const values: unknown[][] = [];
    const groupOf = (row: Row): number => {
      const v = groupBy.map((_, i) => row[`d${i}`]);
      const key = v.join('\u0000');
      let g = index.get(key);
      if (g === undefined) index.set(key, (g = values.push(v) - 1));
      return g;
    };
    const changeGroups = changes.map(groupOf);
    const lastGroups = lastDay.map(groupOf);
    const order = groupOrder(values.map((v) => ({ values: v })), groupBy);
    const rank = new Array<number>(values.length);
    order.forEach((g, position) => (rank[g] = position));
    const sortedValues = order.map((g) => values[g]);

    const publishAll = (cells: Cell[]): Omit<SeriesPoint, 'date'> => {
      const groups: number[] = [];
      const counts: Published[] = [];
      const total = { count: 0, keySum: 0 };
      for (let position = 0; position < cells.length; position++) {
        const cell = cells[position];
        if (!cell || cell.count <= 0) continue;
        groups.push(position);
        counts.push(publisher.children(cell));
        total.count += cell.count;
        total.keySum += cell.keySum;
      }
      // The total is a cell of its own, perturbed from all its records.
      return { groups, counts, total: publisher.children(total) };
    };

    const running: Cell[] = [];
    let next = 0;
    const points = periods.map((period): SeriesPoint => {
      if (!period.complete) {
        const cells: Cell[] = [];
        lastDay.forEach((r, n) => (cells[rank[lastGroups[n]]] = { count: Number(r.count), keySum: Number(r.key_sum) }));
        return { date: period.to, ...publishAll(cells) };
      }
      for (; next < changes.length && String(changes[next].month) <= period.month; next++) {
        const position = rank[changeGroups[next]];
        const cell = (running[position] ??= { count: 0, keySum: 0 });
        cell.count += Number(changes[next].n);
        cell.keySum += Number(changes[next].k);
      }
      return { date: period.to, ...publishAll(running) };
    });
    return new SeriesAnswer({ from: query.from, to, interval, groupBy, provinceCode: province }, sortedValues, points, publisher.control);
  }
}
