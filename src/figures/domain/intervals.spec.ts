import { MAX_INTERVALS, periodsOf } from './intervals';

describe('periodsOf', () => {
  it('cuts months to the range and marks the cut one', () => {
    expect(periodsOf('2024-01-15', '2024-03-10', 'month')).toEqual([
      { start: '2024-01-01', from: '2024-01-15', to: '2024-01-31', month: '2024-01-01', complete: true },
      { start: '2024-02-01', from: '2024-02-01', to: '2024-02-29', month: '2024-02-01', complete: true },
      { start: '2024-03-01', from: '2024-03-01', to: '2024-03-10', month: '2024-03-01', complete: false },
    ]);
  });

  it('aligns quarters and years to the calendar', () => {
    expect(periodsOf('2024-02-10', '2024-12-31', 'quarter').map((p) => [p.from, p.to])).toEqual([
      ['2024-02-10', '2024-03-31'],
      ['2024-04-01', '2024-06-30'],
      ['2024-07-01', '2024-09-30'],
      ['2024-10-01', '2024-12-31'],
    ]);
    expect(periodsOf('2020-06-01', '2022-03-01', 'year').map((p) => [p.from, p.to, p.complete])).toEqual([
      ['2020-06-01', '2020-12-31', true],
      ['2021-01-01', '2021-12-31', true],
      ['2022-01-01', '2022-03-01', false],
    ]);
  });

  it('answers one period for a single day, and stops past the limit', () => {
    expect(periodsOf('2024-05-31', '2024-05-31', 'month')).toEqual([{ start: '2024-05-01', from: '2024-05-31', to: '2024-05-31', month: '2024-05-01', complete: true }]);
    expect(periodsOf('1990-01-01', '2026-01-01', 'month').length).toBe(MAX_INTERVALS + 1);
  });
});
