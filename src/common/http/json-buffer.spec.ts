import { encode, JsonBuffer } from './json-buffer';

describe('JsonBuffer', () => {
  it('writes what JSON.stringify writes, across chunk boundaries', () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => ({ provinceCode: String(i % 25).padStart(2, '0'), name: 'ភ្នំពេញ', count: i % 7 === 0 ? null : i * 37, suppressed: i % 7 === 0 }));
    const name = Buffer.from('"name":"ភ្នំពេញ"');
    const json = new JsonBuffer().ascii('{"rows":[');
    rows.forEach((row, n) => {
      json.ascii(n ? ',{' : '{').bytes(encode({ provinceCode: row.provinceCode }).subarray(1, -1)).ascii(',').bytes(name);
      json.ascii(',"count":').number(row.count).ascii(',"suppressed":').boolean(row.suppressed).ascii('}');
    });
    const bytes = json.ascii('],"long":').value('x'.repeat(300_000)).ascii('}').toBuffer();
    expect(bytes.length).toBeGreaterThan(256 * 1024);
    expect(bytes.toString()).toBe(JSON.stringify({ rows, long: 'x'.repeat(300_000) }));
  });

  it('writes numbers as JSON does: zero, large counts, negatives, fractions', () => {
    for (const n of [0, 7, 10, 99, 100, 123456789, 2 ** 40, -3, 1.5, null]) {
      expect(new JsonBuffer().number(n).toBuffer().toString()).toBe(JSON.stringify(n));
    }
  });

  it('encodes values as UTF-8', () => {
    expect(encode({ a: 'ក' }).toString()).toBe('{"a":"ក"}');
  });
});
