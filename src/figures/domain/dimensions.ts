/** The dimensions planners may group by: no more, so no figure can be narrowed to one child. */
export const CHILD_DIMENSIONS = ['careSetting', 'provinceCode', 'facilityType', 'sex', 'ageBand', 'disability', 'parentalStatus'] as const;
export type ChildDimension = (typeof CHILD_DIMENSIONS)[number];

export const FLOW_DIMENSIONS = ['provinceCode'] as const;
export type FlowDimension = (typeof FLOW_DIMENSIONS)[number];

export const FACILITY_DIMENSIONS = ['provinceCode', 'type', 'status'] as const;
export type FacilityDimension = (typeof FACILITY_DIMENSIONS)[number];


export const FLOW_COUNTS = ['referrals', 'admissions', 'placedAtGatekeeping', 'reintegrations', 'breakdowns', 'reEntries', 'closures'] as const;
export const FACILITY_COUNTS = ['facilities', 'residents', 'withActiveMou', 'inspectedLast12Months', 'overdueInspections', 'transitioned', 'closed'] as const;
