import type { CloseReason, FamilyOption, PlacementType, ReferralReason, VisitRatings, VisitType } from './care-episode';

/**
 * What each step of the lifecycle is sent. The request DTOs implement these, so the HTTP shape and
 * the domain cannot drift; the seed builds them directly.
 */
export interface OccurredOnBody {
  /** When it happened (default today). */
  occurredOn?: string;
}

export interface ReferBody {
  childId: string;
  responsibleAgencyId: string;
  provinceCode: string;
  referredOn: string;
  reasons: ReferralReason[];
}

export interface AdmitBody extends OccurredOnBody {
  facilityId: string;
  justification: string;
  alternativesConsidered: { option: FamilyOption; whyNotSuitable: string }[];
  under3Justification?: string;
}

export interface PlacementBody extends OccurredOnBody {
  placementType: PlacementType;
  carerName: string;
  carerRelationship?: string;
  provinceCode: string;
  districtCode?: string;
  communeCode?: string;
  villageCode?: string;
  familyAssessedOn?: string;
  planAgreedOn?: string;
}

export interface ChangePlacementBody extends PlacementBody {
  previousEndReason: string;
}

export interface TransferBody extends OccurredOnBody {
  facilityId: string;
  reason: string;
}

export interface StartReintegrationBody extends OccurredOnBody {
  targetPlacementType: PlacementType;
  familyTracedOn: string;
}

export interface ReasonBody extends OccurredOnBody {
  reason: string;
}

export interface CloseBody extends OccurredOnBody {
  reason: CloseReason;
  note?: string;
}

export interface ReviewBody {
  reviewedOn: string;
  summary: string;
}

export interface VisitBody {
  visitedOn: string;
  visitType: VisitType;
  childSeen: boolean;
  ratings: VisitRatings;
  note?: string;
}

export interface AmendReasonsBody extends OccurredOnBody {
  reasons: ReferralReason[];
  note: string;
}

/** The body of every step but the referral, by action. */
export interface EpisodeBodies {
  startAssessment: OccurredOnBody;
  amendReasons: AmendReasonsBody;
  admit: AdmitBody;
  placeInFamily: PlacementBody;
  closeAtAssessment: ReasonBody;
  transfer: TransferBody;
  startReintegration: StartReintegrationBody;
  abandonReintegration: ReasonBody;
  changePlacement: ChangePlacementBody;
  reportBreakdown: ReasonBody;
  close: CloseBody;
  recordReview: ReviewBody;
  recordFollowUpVisit: VisitBody;
}
