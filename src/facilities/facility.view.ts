import type { Caller } from '../common/auth/caller';
import { allowedActions } from '../common/state-machine/transition-table';
import { addMonths, today as todayIn } from '../common/time/calendar';
import { INSPECTION_INTERVAL_MONTHS, OPERATING_STATUSES } from './domain/facility';
import { facilityTransitions, type FacilityAction } from './domain/facility.transitions';
import type { CurrentMouView, FacilityView } from './dto/facility.dto';
import type { Facility } from './facility.entity';

/** The current MoUs and resident counts of the facilities being answered. */
export interface FacilitySurroundings {
  mous: Map<string, CurrentMouView>;
  residents: Map<string, number>;
  /** The outcome of each facility's latest approved inspection. */
  outcomes: Map<string, string>;
  /** The names of the places of each facility. */
  places: Map<string, FacilityView['places']>;
}

/** A facility as the API answers it. */
export function facilityView(caller: Caller, f: Facility, { mous, residents, outcomes, places }: FacilitySurroundings, today = todayIn()): FacilityView {
  const nextInspectionDue = nextInspectionDueOn(f);
  const currentMou = mous.get(f.id) ?? null;
  return {
    id: f.id,
    registryCode: f.registryCode,
    name: f.name,
    nameKm: f.nameKm,
    type: f.type,
    operatorAgencyId: f.operatorAgencyId,
    provinceCode: f.provinceCode,
    district: f.district,
    commune: f.commune,
    village: f.village,
    districtCode: f.districtCode,
    communeCode: f.communeCode,
    villageCode: f.villageCode,
    places: places.get(f.id) ?? { district: null, commune: null, village: null },
    capacity: f.capacity,
    status: f.status,
    allowedActions: allowedActions(facilityTransitions, f.status, caller.role) as FacilityAction[],
    residents: residents.get(f.id) ?? 0,
    hasActiveMou: currentMou?.status === 'active',
    currentMou,
    lastApprovedInspectionOn: f.lastApprovedInspectionOn,
    lastInspectionOutcome: (outcomes.get(f.id) ?? null) as FacilityView['lastInspectionOutcome'],
    nextInspectionDue,
    inspectionOverdue: nextInspectionDue !== null && nextInspectionDue < today,
    remediationDeadline: f.remediationDeadline,
    transitionTargetService: f.transitionTargetService,
    transitionTargetDate: f.transitionTargetDate,
    version: f.version,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
  };
}

/** 12 months after the last approved inspection; at once (the day it was registered) if none. */
export function nextInspectionDueOn(facility: Pick<Facility, 'status' | 'lastApprovedInspectionOn' | 'createdAt'>): string | null {
  if (!OPERATING_STATUSES.includes(facility.status)) return null;
  if (facility.lastApprovedInspectionOn) return addMonths(facility.lastApprovedInspectionOn, INSPECTION_INTERVAL_MONTHS);
  return todayIn(facility.createdAt);
}

