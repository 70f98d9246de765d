/**
 * What changed between two versions of a record, for the audit log: every changed field is named;
 * values are kept only for fields listed as safe (statuses, codes, ids), never for personal data.
 */
export function describeChanges<T extends object>(
  before: Partial<T>,
  after: Partial<T>,
  safeFields: readonly (keyof T)[],
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of Object.keys(after) as (keyof T)[]) {
    const from = before[field];
    const to = after[field];
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    changes[String(field)] = safeFields.includes(field) ? { from: from ?? null, to: to ?? null } : 'changed';
  }
  return changes;
}

/** The fields of a new record, keeping values only for safe ones. */
export function describeCreation<T extends object>(record: Partial<T>, safeFields: readonly (keyof T)[]): Record<string, unknown> {
  return describeChanges({} as Partial<T>, record, safeFields);
}
