import 'reflect-metadata';
import { DataSource } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { dataSourceOptions } from './data-source-options';
import { compileHydrator, passesAsRead, rawEntity } from './raw-entity';

/** A value of the column's type; dates in the forms the driver rewrites, so that a skipped conversion shows. */
function sample(column: ColumnMetadata, n: number): unknown {
  const one = (): unknown => {
    switch (String(column.type)) {
      case 'uuid':
        return `0000000${n}-0000-4000-8000-000000000000`;
      case 'int':
      case 'integer':
      case 'smallint':
        return n;
      case 'bigint':
        return String(n);
      case 'boolean':
        return n % 2 === 0;
      case 'jsonb':
      case 'json':
        return { n, list: [n] };
      case 'date':
        return new Date(Date.UTC(2026, n % 12, 10 + n));
      case 'timestamptz':
        return `2026-0${(n % 9) + 1}-01 12:00:00+00`;
      default:
        return `value ${n}`;
    }
  };
  return column.isArray ? [one(), one()] : one();
}

describe('the hot paths hydrate records as TypeORM does', () => {
  // The app's real entities and driver, without a connection.
  const dataSource = new DataSource(dataSourceOptions('postgres://nobody@127.0.0.1:1/none'));
  beforeAll(() => (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas());

  it('gives every entity the same values and prototype as the driver, column by column', () => {
    expect(dataSource.entityMetadatas.length).toBeGreaterThan(15);
    for (const metadata of dataSource.entityMetadatas) {
      const columns = metadata.columns.filter((c) => !c.isVirtual);
      for (const n of [1, 2]) {
        for (const prefix of ['', 'h.']) {
          const row: Record<string, unknown> = {};
          // Every other column null, shifted between the rounds, so each is seen with and without a value.
          columns.forEach((c, i) => (row[`${prefix}${c.propertyPath}`] = (i + n) % 2 === 0 ? null : sample(c, n)));
          const expected = metadata.create() as Record<string, unknown>;
          for (const c of columns) expected[c.propertyPath] = dataSource.driver.prepareHydratedValue(row[`${prefix}${c.propertyPath}`], c);
          const hydrated = rawEntity(dataSource, metadata.target).hydrate(row, prefix);
          expect(Object.getPrototypeOf(hydrated)).toBe(Object.getPrototypeOf(expected));
          expect({ entity: metadata.name, ...hydrated }).toStrictEqual({ entity: metadata.name, ...expected });
        }
      }
    }
  });

  it('skips the driver only for the types it leaves as they are', () => {
    for (const metadata of dataSource.entityMetadatas) {
      for (const column of metadata.columns.filter(passesAsRead)) {
        for (const value of [sample(column, 3), null]) expect(dataSource.driver.prepareHydratedValue(value, column)).toBe(value);
      }
    }
  });

  it('sends a column with a transformer, or of another type, through the driver', () => {
    const convert = jest.fn((value: unknown) => `converted ${String(value)}`);
    const hydrate = compileHydrator(
      () => ({}),
      [
        { propertyPath: 'id', type: 'uuid', transformer: undefined },
        { propertyPath: 'on', type: 'date', transformer: undefined },
        { propertyPath: 'code', type: 'text', transformer: { to: (v: unknown) => v, from: (v: unknown) => v } },
      ],
      { prepareHydratedValue: convert },
      'x.',
    );
    expect(hydrate({ 'x.id': 'a', 'x.on': 'b', 'x.code': 'c', id: 'not this one' })).toEqual({ id: 'a', on: 'converted b', code: 'converted c' });
    expect(convert).toHaveBeenCalledTimes(2);
  });

  it('quotes the names it writes into the code', () => {
    const hydrate = compileHydrator(() => ({}), [{ propertyPath: `a"];throw new Error("x`, type: 'text', transformer: undefined }], {
      prepareHydratedValue: (v: unknown) => v,
    });
    expect(hydrate({ [`a"];throw new Error("x`]: 1 })).toEqual({ [`a"];throw new Error("x`]: 1 });
  });
});
