import { parseCsv } from './csv-rows';

describe('parseCsv', () => {
  it('reads quoted fields, CRLF, a byte-order mark and blank lines', () => {
    const text = '\uFEFFname,capacity,nameKm\r\n"Lotus House, Battambang",20,មណ្ឌល\r\n\r\n"Say ""hello""",5,\n';
    expect(parseCsv(text)).toEqual({
      header: ['name', 'capacity', 'nameKm'],
      rows: [
        { name: 'Lotus House, Battambang', capacity: '20', nameKm: 'មណ្ឌល' },
        { name: 'Say "hello"', capacity: '5', nameKm: '' },
      ],
    });
  });

  it('keeps line breaks inside quotes, and refuses an unclosed quote', () => {
    expect(parseCsv('a,b\n"one\ntwo",x').rows).toEqual([{ a: 'one\ntwo', b: 'x' }]);
    expect(() => parseCsv('a\n"open')).toThrow('not closed');
  });
});
