export const EPISODE_STATUSES = ['referred', 'assessment', 'residential_care', 'reintegration', 'family_based_care', 'closed'] as const;
export type EpisodeStatus = (typeof EPISODE_STATUSES)[number];

export const REFERRAL_REASONS = [
  'poverty',
  'abuse_or_neglect',
  'abandonment',
  'orphaned',
  'disability',
  'trafficking',
  'domestic_violence',
  'parental_migration',
  'conflict_with_law',
  'education_access',
  'other',
] as const;
export type ReferralReason = (typeof REFERRAL_REASONS)[number];

export const PLACEMENT_TYPES = ['parental_care', 'kinship_care', 'foster_care', 'independent_living'] as const;
export type PlacementType = (typeof PLACEMENT_TYPES)[number];

/** The family-based options a gatekeeping decision must have considered before residential care. */
export const FAMILY_OPTIONS = ['parental_care', 'kinship_care', 'foster_care'] as const;
export type FamilyOption = (typeof FAMILY_OPTIONS)[number];

export const CLOSE_REASONS = ['goals_met', 'aged_out', 'died', 'moved_or_untraceable', 'transferred_out', 'other'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const VISIT_TYPES = ['home_visit', 'phone_call', 'school_visit', 'other'] as const;
export type VisitType = (typeof VISIT_TYPES)[number];

export const VISIT_RATING_AREAS = ['safety', 'health', 'education', 'familyRelationships', 'economicSituation', 'wellbeing'] as const;
export type VisitRatingArea = (typeof VISIT_RATING_AREAS)[number];
export type VisitRatings = Record<VisitRatingArea, number>;

/** Statuses in which the child lives in a facility (reintegration is prepared from there). */
export const RESIDENT_STATUSES: readonly EpisodeStatus[] = ['residential_care', 'reintegration'];

/** Statuses in which a child is in care (residential or family-based): the stock the figures count. */
export const IN_CARE_STATUSES: readonly EpisodeStatus[] = ['residential_care', 'reintegration', 'family_based_care'];

/** The fields of an episode that its lifecycle reads and changes. The entity and the seed's episodes both have them. */
export interface EpisodeState {
  childId: string;
  responsibleAgencyId: string;
  provinceCode: string;
  status: EpisodeStatus;
  referredOn: string;
  reasons: ReferralReason[];
  facilityId: string | null;
  residentialSince: string | null;
  lastReviewOn: string | null;
  nextReviewDue: string | null;
  targetPlacementType: PlacementType | null;
  familyTracedOn: string | null;
  placementType: PlacementType | null;
  carerName: string | null;
  carerRelationship: string | null;
  /** Where the family placement is, as codes of the official places, inside the case's province. */
  placementDistrictCode: string | null;
  placementCommuneCode: string | null;
  placementVillageCode: string | null;
  placedOn: string | null;
  visitsSincePlacement: number;
  lastVisitOn: string | null;
  lastVisitRatedWell: boolean | null;
  nextVisitDue: string | null;
  lastEventOn: string;
  closedOn: string | null;
  closeReason: CloseReason | null;
}
