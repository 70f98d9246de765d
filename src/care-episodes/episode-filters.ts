import type { EpisodeListQuery } from './dto/care-episode.dto';

export type EpisodeFilter = Pick<EpisodeListQuery, 'status' | 'facilityId' | 'provinceCode' | 'agencyId' | 'placementType' | 'overdueReview' | 'overdueVisit'>;

/** SQL conditions on a care episode alias for the list filters; shared by episode and child lists. */
export function episodeConditions(alias: string, filter: EpisodeFilter, today: string): { sql: string[]; params: Record<string, unknown> } {
  const sql: string[] = [];
  const params: Record<string, unknown> = { today };
  if (filter.status) (sql.push(`${alias}.status = :status`), (params.status = filter.status));
  if (filter.facilityId) (sql.push(`${alias}.facility_id = :facilityId`), (params.facilityId = filter.facilityId));
  if (filter.provinceCode) (sql.push(`${alias}.province_code = :provinceCode`), (params.provinceCode = filter.provinceCode));
  if (filter.agencyId) (sql.push(`${alias}.responsible_agency_id = :agencyId`), (params.agencyId = filter.agencyId));
  if (filter.placementType) {
    sql.push(`${alias}.placement_type = :placementType AND ${alias}.status = 'family_based_care'`);
    params.placementType = filter.placementType;
  }
  if (filter.overdueReview !== undefined) {
    sql.push(`${filter.overdueReview ? '' : 'NOT '}(${alias}.status IN ('residential_care', 'reintegration') AND ${alias}.next_review_due < :today)`);
  }
  if (filter.overdueVisit !== undefined) {
    sql.push(`${filter.overdueVisit ? '' : 'NOT '}(${alias}.status = 'family_based_care' AND ${alias}.next_visit_due < :today)`);
  }
  return { sql, params };
}
