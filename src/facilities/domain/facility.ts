export const FACILITY_TYPES = [
  'residential_care_institution',
  'transit_emergency_centre',
  'group_home',
  'pagoda_or_religious_centre',
  'boarding_school',
  'state_centre',
] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

export const FACILITY_STATUSES = [
  'identified',
  'application_pending',
  'authorized',
  'rejected',
  'under_remediation',
  'suspended',
  'transitioning',
  'transitioned',
  'closed',
] as const;
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];

/** Statuses in which a facility still operates and so is due inspections. */
export const OPERATING_STATUSES: readonly FacilityStatus[] = [
  'identified',
  'application_pending',
  'authorized',
  'under_remediation',
  'suspended',
  'transitioning',
];

export const REMEDIATION_DEFAULT_DAYS = 60;

/** Every operating facility is due an inspection 12 months after its last approved one (at once when it has none). */
export const INSPECTION_INTERVAL_MONTHS = 12;
