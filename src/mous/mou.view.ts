import type { Caller } from '../common/auth/caller';
import { allowedActions } from '../common/state-machine/transition-table';
import { today as todayIn } from '../common/time/calendar';
import type { Facility } from '../facilities/facility.entity';
import { effectiveMouStatus } from './domain/mou';
import { mouTransitions } from './domain/mou.transitions';
import type { MouView } from './dto/mou.dto';
import type { Mou } from './mou.entity';

export type MouWithFacility = Mou & { facility: Facility };

export function mouView(caller: Caller, mou: MouWithFacility, today = todayIn()): MouView {
  const status = effectiveMouStatus(mou, today);
  return {
    id: mou.id,
    facilityId: mou.facilityId,
    operatorAgencyId: mou.facility.operatorAgencyId,
    referenceNumber: mou.referenceNumber,
    status,
    allowedActions: allowedActions(mouTransitions, status, caller.role),
    signedOn: mou.signedOn,
    startsOn: mou.startsOn,
    endsOn: mou.endsOn,
    renewalOfId: mou.renewalOfId,
    terminationReason: mou.terminationReason,
    terminatedOn: mou.terminatedOn,
    version: mou.version,
    createdAt: mou.createdAt,
    updatedAt: mou.updatedAt,
  };
}
