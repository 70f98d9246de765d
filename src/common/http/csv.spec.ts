import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header row and one line per row, empty cells for nulls', () => {
    expect(toCsv([{ provinceCode: '02', count: 12, suppressed: false }, { provinceCode: '17', count: null, suppressed: true }])).toBe(
      'provinceCode,count,suppressed\r\n02,12,false\r\n17,,true\r\n',
    );
  });

  it('quotes commas and quotes, and defuses spreadsheet formulas', () => {
    const lines = toCsv([{ a: 'x, "y"', b: '=SUM(A1)', c: -3 }]).split('\r\n');
    expect(lines[0]).toBe('a,b,c');
    expect(lines[1]).toBe(`"x, ""y""",'=SUM(A1),-3`);
  });
});
