import { Injectable } from '@nestjs/common';
import type { CurrentMouView } from '../facilities/dto/facility.dto';
import { FacilityMouReader } from '../facilities/facility-ports';
import { effectiveMouStatus, isInForce, MOU_IN_FORCE_SQL } from './domain/mou';
import { Mou } from './mou.entity';
import type { UnitOfWork } from '../common/database/unit-of-work';

/** What the registry needs of MoUs, provided by the MoUs feature. */
@Injectable()
export class MouFacilityReader extends FacilityMouReader {
  async currentMous(work: UnitOfWork, facilityIds: string[], today: string): Promise<Map<string, CurrentMouView>> {
    if (facilityIds.length === 0) return new Map();
    const mous = await work.manager
      .createQueryBuilder(Mou, 'm')
      .where('m.facility_id IN (:...facilityIds)', { facilityIds })
      .andWhere(`m.status = 'active'`)
      .orderBy('m.starts_on', 'DESC')
      .getMany();
    const current = new Map<string, CurrentMouView>();
    for (const mou of mous) {
      const status = isInForce(mou, today) ? 'active' : effectiveMouStatus(mou, today) === 'expired' ? 'expired' : undefined;
      if (!status || current.get(mou.facilityId)?.status === 'active') continue;
      current.set(mou.facilityId, { id: mou.id, referenceNumber: mou.referenceNumber, status, startsOn: mou.startsOn, endsOn: mou.endsOn });
    }
    return current;
  }

  inForceSql(): string {
    return `EXISTS (SELECT 1 FROM mous m WHERE m.facility_id = f.id AND ${MOU_IN_FORCE_SQL})`;
  }
}
