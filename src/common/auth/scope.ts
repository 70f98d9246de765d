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
 * Narrows a query to what the caller may see. National callers see everything; an ngo_worker sees
 * records of its agency; inspectors and social workers see records in their provinces. A record
 * type that cannot be tied to the caller's kind of scope is invisible to it.
 */
export function applyScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  caller: Caller,
  columns: ScopeColumns,
): SelectQueryBuilder<T> {
  if (isNational(caller)) return query;
  const name = `scope${(parameterCounter = (parameterCounter + 1) % 1_000_000)}`;
  if (caller.role === 'ngo_worker' && columns.agencyCondition && caller.agencyId) {
    return query.andWhere(columns.agencyCondition.replaceAll(':scopeAgency', `:${name}`), { [name]: caller.agencyId });
  }
  if (caller.role !== 'ngo_worker' && columns.provinceCondition) {
    return query.andWhere(columns.provinceCondition.replaceAll(':scopeProvinces', `:${name}`), { [name]: caller.provinceCodes });
  }
  if (caller.role === 'ngo_worker') {
    if (!columns.agencyIds || !caller.agencyId) return query.andWhere('false');
    return query.andWhere(`(${columns.agencyIds}) && ARRAY[:${name}]::uuid[]`, { [name]: caller.agencyId });
  }
  if (columns.provinceCodes === 'all') return query;
  if (!columns.provinceCodes) return query.andWhere('false');
  return query.andWhere(`(${columns.provinceCodes}) && :${name}::text[]`, { [name]: caller.provinceCodes });
}
