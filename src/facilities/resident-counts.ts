import { Injectable } from '@nestjs/common';

/**
 * How many children live in each facility now. The one source for the registry's resident counts,
 * its capacity guard and its "no child resident" guards. Care episodes (children in
 * `residential_care`) fill it; until they exist every facility has none.
 */
@Injectable()
export class ResidentCounts {
  forFacilities(facilityIds: string[]): Promise<Map<string, number>> {
    return Promise.resolve(new Map(facilityIds.map((id) => [id, 0])));
  }

  async forFacility(facilityId: string): Promise<number> {
    return (await this.forFacilities([facilityId])).get(facilityId) ?? 0;
  }
}
