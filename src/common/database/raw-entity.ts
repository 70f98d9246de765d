import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
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
      const entity = metadata.create() as T;
      for (const c of columns) (entity as Record<string, unknown>)[c.propertyPath] = driver.prepareHydratedValue(row[`${prefix}${c.propertyPath}`], c);
      return entity;
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
