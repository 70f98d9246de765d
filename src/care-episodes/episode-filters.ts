import { sqlList } from '../common/database/sql';
import { RESIDENT_STATUSES } from './domain/care-episode';
import type { EpisodeListQuery } from './dto/episode-list.dto';

export type EpisodeFilter = Pick<EpisodeListQuery, 'status' | 'facilityId' | 'provinceCode' | 'agencyId' | 'placementType' | 'overdueReview' | 'overdueVisit'>;

/** SQL conditions on a care episode alias for the list filters; shared by episode and child lists. */
export function episodeConditions(alias: string, filter: EpisodeFilter, today: string): { sql: string[]; params: Record<string, unknown> } {
  const sql: string[] = [];
  const params: Record<string, unknown> = { today };
  const equal = (column: string, name: keyof EpisodeFilter) => {
    if (filter[name] === undefined) return;
    sql.push(`${alias}.${column} = :${name}`);
    params[name] = filter[name];
  };
  equal('status', 'status');
  equal('facility_id', 'facilityId');
  equal('province_code', 'provinceCode');
  equal('responsible_agency_id', 'agencyId');
  if (filter.placementType) {
    sql.push(`${alias}.placement_type = :placementType AND ${alias}.status = 'family_based_care'`);
    params.placementType = filter.placementType;
  }
  if (filter.overdueReview !== undefined) {
    sql.push(`${filter.overdueReview ? '' : 'NOT '}(${alias}.status IN ${sqlList(RESIDENT_STATUSES)} AND ${alias}.next_review_due < :today)`);
  }
  if (filter.overdueVisit !== undefined) {
    sql.push(`${filter.overdueVisit ? '' : 'NOT '}(${alias}.status = 'family_based_care' AND ${alias}.next_visit_due < :today)`);
  }
  return { sql, params };
}
