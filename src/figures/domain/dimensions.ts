/** The dimensions planners may group by: no more, so no figure can be narrowed to one child. */
export const CHILD_DIMENSIONS = ['careSetting', 'provinceCode', 'facilityType', 'sex', 'ageBand', 'disability', 'parentalStatus'] as const;
export type ChildDimension = (typeof CHILD_DIMENSIONS)[number];

export const FLOW_DIMENSIONS = ['provinceCode'] as const;
export type FlowDimension = (typeof FLOW_DIMENSIONS)[number];

export const FACILITY_DIMENSIONS = ['provinceCode', 'type', 'status'] as const;
export type FacilityDimension = (typeof FACILITY_DIMENSIONS)[number];


export const FLOW_COUNTS = ['referrals', 'admissions', 'placedAtGatekeeping', 'reintegrations', 'breakdowns', 'reEntries', 'closures'] as const;
/** Counts of facilities: exact for everyone (they protect no child). `residents` is children, and protected. */
export const FACILITY_COUNTS = ['facilities', 'withActiveMou', 'inspectedLast12Months', 'overdueInspections', 'transitioned', 'closed'] as const;

/** Age bands, in age order (the order answers are sorted in). */
export const AGE_BANDS = ['0-2', '3-5', '6-11', '12-14', '15-17', '18+'] as const;

/** The facility-type group of children who live in no facility (family-based care). */
export const NOT_IN_A_FACILITY = 'not_in_a_facility';
