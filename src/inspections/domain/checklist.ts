export const CHECKLIST_AREAS = [
  'legal_registration',
  'building_and_location',
  'separation_by_age_and_sex',
  'capacity',
  'hygiene_and_sanitation',
  'diet_and_nutrition',
  'clothing',
  'health_care',
  'school_attendance',
  'individual_case_files',
  'care_plans_and_reviews',
  'family_contact',
  'staffing_and_qualifications',
  'child_safeguarding',
  'complaints_mechanism',
] as const;
export type ChecklistArea = (typeof CHECKLIST_AREAS)[number];

export const RATINGS = ['met', 'partially_met', 'not_met', 'not_applicable'] as const;
export type Rating = (typeof RATINGS)[number];

export const OUTCOMES = ['compliant', 'compliant_with_recommendations', 'non_compliant'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const INSPECTION_TYPES = ['routine', 'follow_up', 'unannounced', 'complaint'] as const;
export type InspectionType = (typeof INSPECTION_TYPES)[number];

export const INSPECTION_STATUSES = ['scheduled', 'submitted', 'approved', 'cancelled'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

export type Ratings = Partial<Record<ChecklistArea, { rating: Rating; note?: string }>>;

export function unratedAreas(ratings: Ratings): ChecklistArea[] {
  return CHECKLIST_AREAS.filter((area) => !ratings[area]);
}
