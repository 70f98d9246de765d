import { ValidationFailed } from '../../common/errors/domain-errors';
import { MAX_INTERVALS, periodsOf, type Interval, type Period } from './intervals';

/** The intervals of [from, to], or 400 when the range is backwards or holds too many. */
export function checkedPeriods(from: string, to: string, interval: Interval): Period[] {
  if (from > to) throw new ValidationFailed([{ field: 'from', messages: ['from must not be after to'] }]);
  const periods = periodsOf(from, to, interval);
  if (periods.length > MAX_INTERVALS) throw new ValidationFailed([{ field: 'interval', messages: [`at most ${MAX_INTERVALS} intervals in one answer: shorten the range or use a longer interval`] }]);
  return periods;
}
