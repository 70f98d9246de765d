/**
 * A list of constants as SQL literals, `('a', 'b')`, so queries use the domain's own status lists
 * instead of retyping them (literals, not parameters, so partial indexes on them still apply).
 */
export function sqlList(values: readonly string[]): string {
  return `(${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`;
}

/** A constant as an SQL literal. */
export function sqlLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
