import type { Caller } from '../common/auth/caller';
import { applyScope } from '../common/auth/scope';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * A child is visible through its care episodes (the responsible agency, the agency operating the
 * facility it lives in, an agency a case is being handed to, the province where the case is managed) or, before it has any, to the
 * agency or provinces of whoever registered it. Written as semi-joins over the episodes, which
 * PostgreSQL hashes once per query instead of looking up per child.
 */
const WITHOUT_EPISODES = 'NOT EXISTS (SELECT 1 FROM care_episodes ne WHERE ne.child_id = c.id)';
export const CHILD_SCOPE = {
  agencyCondition: `(c.id IN (SELECT se.child_id FROM care_episodes se WHERE se.responsible_agency_id = :scopeAgency
      UNION SELECT se.child_id FROM care_episodes se JOIN facilities sf ON sf.id = se.facility_id WHERE sf.operator_agency_id = :scopeAgency
      UNION SELECT se.child_id FROM care_episodes se JOIN case_handovers sh ON sh.episode_id = se.id WHERE sh.status = 'requested' AND sh.to_agency_id = :scopeAgency)
    OR (c.registered_by_agency_id = :scopeAgency AND ${WITHOUT_EPISODES}))`,
  provinceCondition: `(c.id IN (SELECT se.child_id FROM care_episodes se WHERE se.province_code = ANY(:scopeProvinces::text[]))
    OR (c.registered_in_province_codes && :scopeProvinces::text[] AND ${WITHOUT_EPISODES}))`,
};

/** Narrows a query over children (alias `c`) to the caller's scope. */
export function scopeChildren<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, caller: Caller): SelectQueryBuilder<T> {
  return applyScope(query, caller, CHILD_SCOPE);
}
