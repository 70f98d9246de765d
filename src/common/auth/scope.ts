import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Caller, isNational } from './caller';

/**
 * How a record relates to agencies and provinces. Each is an SQL expression over the query's
 * aliases that yields the agency ids (uuid[]) or province codes (text[]) the record belongs to.
 */
export interface ScopeColumns {
  agencyIds?: string;
  /** `'all'`: every province-scoped caller sees every record of this type (e.g. agencies). */
  provinceCodes?: string;
  /** Instead of agencyIds: a condition on the parameter `:scopeAgency` (uuid), for scopes a join expresses better. */
  agencyCondition?: string;
  /** Instead of provinceCodes: a condition on the parameter `:scopeProvinces` (text[]). */
  provinceCondition?: string;
}

let parameterCounter = 0;

/**
 * What a caller may see, as an SQL condition over the record's columns with one placeholder
 * (`:name` for the query builder, `$2` for plain SQL) for the caller's agency or provinces. `null`:
 * no restriction. National callers see everything; an ngo_worker sees records of its agency;
 * inspectors and social workers see records in their provinces. A record type that cannot be tied
 * to the caller's kind of scope is invisible to it.
 */
export function scopeCondition(caller: Caller, columns: ScopeColumns, placeholder: string): { sql: string | null; value?: unknown } {
  if (isNational(caller)) return { sql: null };
  if (caller.role === 'ngo_worker' && columns.agencyCondition && caller.agencyId) {
    return { sql: columns.agencyCondition.replaceAll(':scopeAgency', placeholder), value: caller.agencyId };
  }
  if (caller.role !== 'ngo_worker' && columns.provinceCondition) {
    return { sql: columns.provinceCondition.replaceAll(':scopeProvinces', placeholder), value: caller.provinceCodes };
  }
  if (caller.role === 'ngo_worker') {
    if (!columns.agencyIds || !caller.agencyId) return { sql: 'false' };
    return { sql: `(${columns.agencyIds}) && ARRAY[${placeholder}]::uuid[]`, value: caller.agencyId };
  }
  if (columns.provinceCodes === 'all') return { sql: null };
  if (!columns.provinceCodes) return { sql: 'false' };
  return { sql: `(${columns.provinceCodes}) && ${placeholder}::text[]`, value: caller.provinceCodes };
}

/** Narrows a query to what the caller may see (see scopeCondition). */
export function applyScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  caller: Caller,
  columns: ScopeColumns,
): SelectQueryBuilder<T> {
  const name = `scope${(parameterCounter = (parameterCounter + 1) % 1_000_000)}`;
  const { sql, value } = scopeCondition(caller, columns, `:${name}`);
  if (sql === null) return query;
  return query.andWhere(sql, value === undefined ? {} : { [name]: value });
}
