import { suppressCount, suppressRow } from './suppression';

describe('small-number suppression', () => {
  it('withholds counts from 1 to 4 for planners, and shows 0 and 5 and over', () => {
    expect([0, 1, 4, 5, 12].map((n) => suppressCount(n, true))).toEqual([
      { value: 0, suppressed: false },
      { value: null, suppressed: true },
      { value: null, suppressed: true },
      { value: 5, suppressed: false },
      { value: 12, suppressed: false },
    ]);
  });

  it('shows exact counts to those allowed to see them', () => {
    expect(suppressCount(3, false)).toEqual({ value: 3, suppressed: false });
  });

  it('suppresses each count of a row on its own and names the withheld fields', () => {
    expect(suppressRow({ provinceCode: '02', facilities: 7, residents: 3, capacity: 40 }, ['facilities', 'residents'], true)).toEqual({
      provinceCode: '02',
      facilities: 7,
      residents: null,
      capacity: 40,
      suppressed: true,
      suppressedFields: ['residents'],
    });
  });
});
