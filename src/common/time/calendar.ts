/**
 * Calendar dates ("YYYY-MM-DD") as Cambodia sees them. Pure: no framework imports.
 * "Today" is the date in Phnom Penh, so an MoU that ends today has ended for every user at once.
 */
export const TIME_ZONE = 'Asia/Phnom_Penh';

const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

// The date changes only at a minute's turn (time zones are whole minutes from UTC): formatting
// is asked many times a request, so the minute's answer is kept.
let cached = { minute: Number.NaN, date: '' };

export function today(now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== cached.minute) cached = { minute, date: formatter.format(now) };
  return cached.date;
}

function parse(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

/** Adds months, clamping to the last day of a shorter month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const d = parse(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return format(d);
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

export function isValidDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = parse(date);
  return !Number.isNaN(parsed.getTime()) && format(parsed) === date;
}
