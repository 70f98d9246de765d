import { JsonBuffer } from '../common/http/json-buffer';
import { GroupTable } from './group-table';

describe('GroupTable', () => {
  const table = new GroupTable(['ageBand', 'provinceCode', 'disability']);
  const rows = [
    ['18+', '12', false],
    ['0-2', null, true],
    ['6-11', '02', false],
    ['0-2', '12', true],
    ['6-11', '02', false],
  ];
  const groups = rows.map((row) => table.groupOf(row));

  it('numbers each distinct group once', () => {
    expect(groups).toEqual([0, 1, 2, 3, 2]);
    expect(table.size).toBe(4);
  });

  it('orders age bands by age, then each dimension by its text, none last', () => {
    expect(table.order().map((g) => table.row(g, 7))).toEqual([
      { ageBand: '0-2', provinceCode: '12', provinceNameEn: 'Phnom Penh', provinceNameKm: 'ភ្នំពេញ', disability: true, count: 7, suppressed: false },
      { ageBand: '0-2', provinceCode: null, provinceNameEn: undefined, provinceNameKm: undefined, disability: true, count: 7, suppressed: false },
      { ageBand: '6-11', provinceCode: '02', provinceNameEn: 'Battambang', provinceNameKm: 'បាត់ដំបង', disability: false, count: 7, suppressed: false },
      { ageBand: '18+', provinceCode: '12', provinceNameEn: 'Phnom Penh', provinceNameKm: 'ភ្នំពេញ', disability: false, count: 7, suppressed: false },
    ]);
  });

  it('writes a row as its object serializes, withheld counts included', () => {
    for (let g = 0; g < table.size; g++) {
      for (const value of [1, null]) {
        const json = new JsonBuffer();
        table.writeRow(json, g, value);
        expect(json.toBuffer().toString()).toBe(JSON.stringify(table.row(g, value)));
      }
    }
  });

  it('orders the same way when the groups are too many to sort by one number', () => {
    const all = ['careSetting', 'provinceCode', 'facilityType', 'sex', 'ageBand', 'disability', 'parentalStatus'] as const;
    const many = new GroupTable([...all]);
    const bands = ['0-2', '3-5', '6-11', '12-14', '15-17', '18+'];
    const rows = Array.from({ length: 400 }, (_, i) => all.map((d, j) => (d === 'ageBand' ? bands[(i * (j + 3)) % 6] : `v${(i * (j + 7)) % 397}`)));
    rows.forEach((row) => many.groupOf(row));
    const rankOf = (row: string[]) => row.map((v, j) => (all[j] === 'ageBand' ? String(bands.indexOf(v)).padStart(2, '0') : v)).join('\u0000');
    const expected = rows.map((row, g) => ({ g, key: rankOf(row) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    expect(many.order()).toEqual(expected.map(({ g }) => g));
  });
});
