import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Driver } from 'typeorm/driver/Driver';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * An entity read and written with plain SQL on the hot paths: the column list and the hydration
 * are TypeORM's own (its metadata and its driver's conversion of each value), without building the
 * query each time, which cost more than the query itself.
 */
export interface RawEntity<T> {
  /** `alias."column" AS "property", …` for every column (`"<prefix>property"` with a prefix, to read two tables in one row). */
  select(alias: string, prefix?: string): string;
  hydrate(row: Record<string, unknown>, prefix?: string): T;
  column(property: string): ColumnMetadata;
  /** The table, quoted. */
  table: string;
}

const cache = new WeakMap<EntityMetadata, RawEntity<ObjectLiteral>>();

export function rawEntity<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>): RawEntity<T> {
  const metadata = dataSource.getMetadata(target);
  const known = cache.get(metadata);
  if (known) return known as RawEntity<T>;
  const columns = metadata.columns.filter((c) => !c.isVirtual);
  const byProperty = new Map(columns.map((c) => [c.propertyPath, c]));
  const selects = new Map<string, string>();
  const hydrators = new Map<string, (row: Record<string, unknown>) => T>();
  const driver = dataSource.driver;
  const made: RawEntity<T> = {
    table: `"${metadata.tablePath}"`,
    select(alias, prefix = '') {
      const key = `${alias} ${prefix}`;
      let list = selects.get(key);
      if (!list) selects.set(key, (list = columns.map((c) => `${alias}."${c.databaseName}" AS "${prefix}${c.propertyPath}"`).join(', ')));
      return list;
    },
    hydrate(row, prefix = '') {
      let hydrator = hydrators.get(prefix);
      if (!hydrator) hydrators.set(prefix, (hydrator = compileHydrator<T>(() => metadata.create() as T, columns, driver, prefix)));
      return hydrator(row);
    },
    column(property) {
      const column = byProperty.get(property);
      if (!column) throw new Error(`${metadata.name} has no column ${property}`);
      return column;
    },
  };
  cache.set(metadata, made);
  return made;
}

/**
 * Column types that pg already hands over as TypeORM's driver would hydrate them: for these (with no
 * transformer) its `prepareHydratedValue` returns the value it was given. Any other type goes
 * through the driver.
 */
const AS_READ = new Set<unknown>(['uuid', 'text', 'varchar', 'character varying', 'int', 'integer', 'smallint', 'bigint', 'boolean', 'jsonb', 'json']);

export function passesAsRead(column: Pick<ColumnMetadata, 'type' | 'transformer'>): boolean {
  return AS_READ.has(column.type) && !column.transformer;
}

/**
 * A hydrator for one entity and prefix, with each property named in its code. A loop over the
 * columns read and wrote every property of every row through V8's generic (megamorphic) property
 * access and its string lookups; written out, each property has its own inline cache. The names
 * come from the entity's metadata and are quoted as string literals.
 */
export function compileHydrator<T>(
  create: () => T,
  columns: readonly Pick<ColumnMetadata, 'propertyPath' | 'type' | 'transformer'>[],
  driver: Pick<Driver, 'prepareHydratedValue'>,
  prefix = '',
): (row: Record<string, unknown>) => T {
  const assignments = columns.map((c, i) => {
    const value = `row[${JSON.stringify(`${prefix}${c.propertyPath}`)}]`;
    return `entity[${JSON.stringify(c.propertyPath)}] = ${passesAsRead(c) ? value : `convert(${value}, columns[${i}])`};`;
  });
  const convert = (value: unknown, column: ColumnMetadata): unknown => driver.prepareHydratedValue(value, column);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- code built from entity metadata, never from input
  const build = new Function('create', 'convert', 'columns', `return function hydrate(row) {\n  const entity = create();\n  ${assignments.join('\n  ')}\n  return entity;\n};`) as (
    make: typeof create,
    change: typeof convert,
    described: typeof columns,
  ) => (row: Record<string, unknown>) => T;
  return build(create, convert, columns);
}
