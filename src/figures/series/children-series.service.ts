import { Injectable } from '@nestjs/common';
import type { Caller } from '../../common/auth/caller';
import { Database } from '../../common/database/database.service';
import { today } from '../../common/time/calendar';
import { checkedPeriods } from '../domain/checked-periods';
import { FigurePublisher } from '../domain/publisher';
import type { ChildrenSeries, ChildrenSeriesQuery } from '../dto/series.dto';
import { childrenStockSql } from '../figures.queries';
import { publishStock, stockGroups, type StockGroup } from '../stock-rows';
import { stockChangesSql } from './series.queries';

/** The stock of children in care at the end of each interval, each point as /figures/children answers it on that day. */
@Injectable()
export class ChildrenSeriesService {
  constructor(private readonly db: Database) {}

  async series(caller: Caller, query: ChildrenSeriesQuery): Promise<ChildrenSeries> {
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
      pool.query<Record<string, unknown>[]>(stockChangesSql(groupBy), [last.month, province]),
      last.complete ? Promise.resolve(null) : pool.query<Record<string, unknown>[]>(childrenStockSql(groupBy), [last.to, province]),
    ]);
    const running = new Map<string, StockGroup>();
    let next = 0;
    const points = periods.map((period) => {
      if (!period.complete && lastDay) return { date: period.to, ...publishStock(stockGroups(lastDay, groupBy.length), groupBy, publisher) };
      for (; next < changes.length && String(changes[next].month) <= period.month; next++) {
        const change = changes[next];
        const values = groupBy.map((_, i) => change[`d${i}`]);
        const key = values.map(String).join('\u0000');
        const group = running.get(key) ?? running.set(key, { values, cell: { count: 0, keySum: 0 } }).get(key)!;
        group.cell.count += Number(change.n);
        group.cell.keySum += Number(change.k);
      }
      const groups = [...running.values()].filter((g) => g.cell.count > 0).map((g) => ({ values: g.values, cell: { ...g.cell } }));
      return { date: period.to, ...publishStock(groups, groupBy, publisher) };
    });
    return { from: query.from, to, interval, groupBy, provinceCode: province, points, disclosureControl: publisher.control };
  }
}
