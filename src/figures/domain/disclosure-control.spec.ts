import { CELL_KEY_CONTROL, NO_CONTROL, perturb, PERTURBATION_TABLE, publish } from './disclosure-control';

describe('the cell-key method', () => {
  it('answers the same cell the same way every time, and differently for another set of records', () => {
    expect(publish({ count: 57, keySum: 1234 }, CELL_KEY_CONTROL)).toEqual(publish({ count: 57, keySum: 1234 }, CELL_KEY_CONTROL));
    const answers = new Set(Array.from({ length: 256 }, (_, key) => perturb({ count: 57, keySum: key })));
    expect([...answers].sort()).toEqual([55, 56, 57, 58, 59]);
  });

  it('never moves a count by more than 2, never below 0, and keeps an empty cell at 0', () => {
    for (let count = 0; count < 40; count++) {
      for (let key = 0; key < 256; key++) {
        const published = perturb({ count, keySum: key });
        expect(Math.abs(published - count)).toBeLessThanOrEqual(2);
        expect(published).toBeGreaterThanOrEqual(0);
      }
    }
    expect(perturb({ count: 0, keySum: 17 })).toBe(0);
  });

  it('withholds published values from 1 to 4, and publishes exact counts to those allowed them', () => {
    expect(publish({ count: 3, keySum: 100 }, CELL_KEY_CONTROL)).toEqual({ value: null, suppressed: true });
    expect(publish({ count: 3, keySum: 100 }, NO_CONTROL)).toEqual({ value: 3, suppressed: false });
    expect(publish({ count: 0, keySum: 0 }, CELL_KEY_CONTROL)).toEqual({ value: 0, suppressed: false });
  });

  it('uses a table of mean 0', () => {
    expect(PERTURBATION_TABLE.reduce((a, b) => a + b, 0)).toBe(0);
  });
});
