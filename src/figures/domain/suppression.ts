/**
 * Small-number suppression: for planners, every count from 1 to 4 is withheld (null, flagged), so
 * that no child can be singled out. Zero is shown: it identifies no one. Pure code.
 */
export const SUPPRESS_BELOW = 5;

export function isSmall(count: number): boolean {
  return count >= 1 && count < SUPPRESS_BELOW;
}

export function suppressCount(count: number, apply: boolean): { value: number | null; suppressed: boolean } {
  return apply && isSmall(count) ? { value: null, suppressed: true } : { value: count, suppressed: false };
}

/**
 * Suppresses the named count fields of a row; `suppressed` is true when any was withheld, and
 * `suppressedFields` names them (a row of facility figures holds several counts).
 */
export function suppressRow<T extends Record<string, unknown>>(
  row: T,
  countFields: readonly string[],
  apply: boolean,
): T & { suppressed: boolean; suppressedFields: string[] } {
  const out: Record<string, unknown> = { ...row };
  const suppressedFields: string[] = [];
  for (const field of countFields) {
    const value = row[field];
    if (typeof value === 'number' && apply && isSmall(value)) {
      out[field] = null;
      suppressedFields.push(field);
    }
  }
  return { ...(out as T), suppressed: suppressedFields.length > 0, suppressedFields };
}
