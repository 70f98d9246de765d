import { Injectable } from '@nestjs/common';
import { RESIDENT_STATUSES } from './domain/care-episode';
import { FacilityResidentReader } from '../facilities/facility-ports';
import type { UnitOfWork } from '../common/database/unit-of-work';

/**
 * How many children live in each facility now: open care episodes in residential care or preparing
 * reintegration from it. The one source for the registry's resident counts, the capacity guard of
 * admissions and transfers, and the "no child resident" guards.
 */
@Injectable()
export class ResidentCounts extends FacilityResidentReader {
  async forFacilities(work: UnitOfWork, facilityIds: string[]): Promise<Map<string, number>> {
    const counts = new Map(facilityIds.map((id) => [id, 0]));
    if (facilityIds.length === 0) return counts;
    const rows = await work.manager.query<{ facility_id: string; residents: number }[]>(
      `SELECT facility_id, count(*)::int AS residents FROM care_episodes
       WHERE facility_id = ANY($1) AND status = ANY($2) GROUP BY facility_id`,
      [facilityIds, RESIDENT_STATUSES],
    );
    for (const row of rows) counts.set(row.facility_id, row.residents);
    return counts;
  }

  async forFacility(work: UnitOfWork, facilityId: string): Promise<number> {
    return (await this.forFacilities(work, [facilityId])).get(facilityId) ?? 0;
  }
}
