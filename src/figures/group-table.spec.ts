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
    expect(table.order().map((g) => table.dimensions(g))).toEqual([
      { ageBand: '0-2', provinceCode: '12', provinceNameEn: 'Phnom Penh', provinceNameKm: 'ភ្នំពេញ', disability: true },
      { ageBand: '0-2', provinceCode: null, provinceNameEn: undefined, provinceNameKm: undefined, disability: true },
      { ageBand: '6-11', provinceCode: '02', provinceNameEn: 'Battambang', provinceNameKm: 'បាត់ដំបង', disability: false },
      { ageBand: '18+', provinceCode: '12', provinceNameEn: 'Phnom Penh', provinceNameKm: 'ភ្នំពេញ', disability: false },
    ]);
  });

  it('writes a group as its dimensions object serializes', () => {
    for (let g = 0; g < table.size; g++) {
      const json = new JsonBuffer();
      table.writeOpening(json, g);
      const written = `${json.ascii('"count":1}').toBuffer().toString()}`;
      expect(written).toBe(JSON.stringify({ ...table.dimensions(g), count: 1 }));
    }
  });
});
