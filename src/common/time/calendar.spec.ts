import { addDays, addMonths, addYears, isValidDate, today } from './calendar';

describe('calendar', () => {
  it('tells today in Phnom Penh, seven hours ahead of UTC', () => {
    expect(today(new Date('2026-01-31T16:59:00Z'))).toBe('2026-01-31');
    expect(today(new Date('2026-01-31T17:00:00Z'))).toBe('2026-02-01');
  });

  it('answers for the instant asked about, in any order, although it keeps the last minute', () => {
    expect(today(new Date('2026-01-31T16:59:59.999Z'))).toBe('2026-01-31');
    expect(today(new Date('2026-01-31T16:59:00.000Z'))).toBe('2026-01-31');
    expect(today(new Date('2026-01-31T17:00:00.000Z'))).toBe('2026-02-01');
    expect(today(new Date('2025-06-30T17:00:30Z'))).toBe('2025-07-01');
    expect(today(new Date('2026-01-31T16:59:30Z'))).toBe('2026-01-31');
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addDays('2026-12-31', 60)).toBe('2027-03-01');
  });

  it('refuses impossible dates', () => {
    expect(isValidDate('2026-02-30')).toBe(false);
    expect(isValidDate('2026-13-45')).toBe(false);
    expect(isValidDate('0000-00-00')).toBe(false);
    expect(isValidDate('2026-2-3')).toBe(false);
    expect(isValidDate('2026-02-28')).toBe(true);
  });
});
