/**
 * The intervals of a series: months, quarters or years, cut to [from, to]. Pure code.
 * A stock series is read at the end of each interval (the last one on `to` when `to` falls inside
 * it); a flow series counts what happened in each interval.
 */
export const INTERVALS = ['month', 'quarter', 'year'] as const;
export type Interval = (typeof INTERVALS)[number];

const MONTHS_IN: Record<Interval, number> = { month: 1, quarter: 3, year: 12 };

/** At most this many intervals in one answer (30 years of months). */
export const MAX_INTERVALS = 360;

export interface Period {
  /** The interval's first day, before any cut: its key in SQL's date_trunc. */
  start: string;
  from: string;
  to: string;
  /** The first day of the month `to` falls in: the key of the monthly stock rollup. */
  month: string;
  /** `to` is the interval's own last day (not a cut at the series' end). */
  complete: boolean;
}

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);

/** The intervals that meet [from, to], each cut to it. */
export function periodsOf(from: string, to: string, interval: Interval): Period[] {
  const step = MONTHS_IN[interval];
  const year = Number(from.slice(0, 4));
  const month = Number(from.slice(5, 7)) - 1;
  let startMonth = month - (month % step);
  const periods: Period[] = [];
  for (;;) {
    const start = iso(year, startMonth, 1);
    if (start > to) break;
    const end = iso(year, startMonth + step, 0);
    const cutTo = end < to ? end : to;
    periods.push({ start, from: start < from ? from : start, to: cutTo, month: `${cutTo.slice(0, 7)}-01`, complete: cutTo === end });
    startMonth += step;
    if (periods.length > MAX_INTERVALS) break;
  }
  return periods;
}
