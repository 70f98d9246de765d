import type { EpisodeState } from './care-episode';
import type { EpisodeBodies, ReferBody } from './care-episode.bodies';
import type { EpisodeFacts } from './care-episode.guards';
import type { EpisodeStep } from './care-episode.transitions';
import { nextReviewDue, nextVisitDue, ratedWell } from './schedules';

/** What one step changes on the episode, and what its event records. */
export interface EpisodeOutcome {
  changes: Partial<EpisodeState>;
  payload: Record<string, unknown>;
  reason: string | null;
  /** A breakdown, or the referral of a child who had an earlier episode: the figures count these as re-entries. */
  reEntry: boolean;
}

export interface EpisodeEffect<Body> {
  /** The facts the guards read from the body. */
  facts?: (body: Body) => Partial<EpisodeFacts>;
  /** The facility the step moves the child to, which the service loads (locked) for the guards. */
  targetFacilityId?: (body: Body) => string;
  /** The date the step happened on, when it is not `occurredOn`. */
  date?: (body: Body) => string;
  /** The changes, given the episode before the step. `targetProvinceCode` is the target facility's province. */
  apply: (episode: Readonly<EpisodeState>, body: Body, context: { occurredOn: string; targetProvinceCode?: string }) => EpisodeOutcome;
}

const outcome = (changes: Partial<EpisodeState>, payload: Record<string, unknown> = {}, reason: string | null = null, reEntry = false): EpisodeOutcome => ({
  changes,
  payload,
  reason,
  reEntry,
});

const leftFacility = { facilityId: null, residentialSince: null, lastReviewOn: null, nextReviewDue: null } satisfies Partial<EpisodeState>;
const leftPlacement = {
  placementType: null,
  carerName: null,
  carerRelationship: null,
  placementDistrictCode: null,
  placementCommuneCode: null,
  placementVillageCode: null,
  placedOn: null,
  visitsSincePlacement: 0,
  lastVisitOn: null,
  lastVisitRatedWell: null,
  nextVisitDue: null,
} satisfies Partial<EpisodeState>;

const placement = (): EpisodeEffect<EpisodeBodies['placeInFamily']> => ({
  facts: (b) => ({ familyAssessedOn: b.familyAssessedOn, planAgreedOn: b.planAgreedOn }),
  apply: (_e, b, { occurredOn }) =>
    outcome(
      {
        ...leftFacility,
        placementType: b.placementType,
        carerName: b.carerName,
        carerRelationship: b.carerRelationship ?? null,
        provinceCode: b.provinceCode,
        placementDistrictCode: b.districtCode ?? null,
        placementCommuneCode: b.communeCode ?? null,
        placementVillageCode: b.villageCode ?? null,
        placedOn: occurredOn,
        visitsSincePlacement: 0,
        lastVisitOn: null,
        lastVisitRatedWell: null,
        nextVisitDue: nextVisitDue(occurredOn, 0),
        targetPlacementType: null,
      },
      {
        placementType: b.placementType,
        carerName: b.carerName,
        carerRelationship: b.carerRelationship ?? null,
        familyAssessedOn: b.familyAssessedOn ?? null,
        planAgreedOn: b.planAgreedOn ?? null,
      },
    ),
});

/** The effect of every step on an existing episode, beside the table that says who may take it and when. */
export const careEpisodeEffects: { [A in EpisodeStep]: EpisodeEffect<EpisodeBodies[A]> } = {
  startAssessment: { apply: () => outcome({}) },
  amendReasons: {
    facts: (b) => ({ newReasons: b.reasons }),
    apply: (e, b) => outcome({ reasons: b.reasons }, { reasons: b.reasons, previousReasons: e.reasons }, b.note),
  },
  admit: {
    facts: (b) => ({ under3Justification: b.under3Justification, alternativesConsidered: b.alternativesConsidered }),
    targetFacilityId: (b) => b.facilityId,
    apply: (e, b, { occurredOn, targetProvinceCode }) =>
      outcome(
        {
          facilityId: b.facilityId,
          provinceCode: targetProvinceCode ?? e.provinceCode,
          residentialSince: occurredOn,
          lastReviewOn: null,
          nextReviewDue: nextReviewDue(occurredOn, null),
        },
        { facilityId: b.facilityId, justification: b.justification, alternativesConsidered: b.alternativesConsidered, under3Justification: b.under3Justification ?? null },
      ),
  },
  placeInFamily: placement(),
  closeAtAssessment: { apply: (_e, b, { occurredOn }) => outcome({ ...leftFacility, ...leftPlacement, closedOn: occurredOn, closeReason: null }, {}, b.reason) },
  transfer: {
    targetFacilityId: (b) => b.facilityId,
    apply: (e, b, { targetProvinceCode }) =>
      outcome({ facilityId: b.facilityId, provinceCode: targetProvinceCode ?? e.provinceCode }, { facilityId: b.facilityId }, b.reason),
  },
  startReintegration: {
    facts: (b) => ({ familyTracedOn: b.familyTracedOn }),
    apply: (_e, b) =>
      outcome(
        { targetPlacementType: b.targetPlacementType, familyTracedOn: b.familyTracedOn },
        { targetPlacementType: b.targetPlacementType, familyTracedOn: b.familyTracedOn },
      ),
  },
  abandonReintegration: { apply: (_e, b) => outcome({ targetPlacementType: null }, {}, b.reason) },
  changePlacement: {
    ...placement(),
    apply: (e, b, context) => ({ ...placement().apply(e, b, context), reason: b.previousEndReason }),
  },
  reportBreakdown: { apply: (_e, b) => outcome(leftPlacement, { breakdown: true, reEntry: true }, b.reason, true) },
  close: {
    facts: (b) => ({ closeReason: b.reason }),
    apply: (_e, b, { occurredOn }) =>
      outcome({ ...leftFacility, ...leftPlacement, closedOn: occurredOn, closeReason: b.reason }, { closeReason: b.reason, note: b.note ?? null }, b.reason),
  },
  recordReview: {
    facts: (b) => ({ reviewedOn: b.reviewedOn }),
    date: (b) => b.reviewedOn,
    apply: (e, b) => {
      const lastReviewOn = e.lastReviewOn && e.lastReviewOn > b.reviewedOn ? e.lastReviewOn : b.reviewedOn;
      return outcome({ lastReviewOn, nextReviewDue: nextReviewDue(e.residentialSince ?? b.reviewedOn, lastReviewOn) }, { reviewedOn: b.reviewedOn });
    },
  },
  recordFollowUpVisit: {
    facts: (b) => ({ visitedOn: b.visitedOn }),
    date: (b) => b.visitedOn,
    apply: (e, b) => {
      const visits = e.visitsSincePlacement + 1;
      const well = ratedWell(b.ratings);
      const isLatest = !e.lastVisitOn || b.visitedOn >= e.lastVisitOn;
      return outcome(
        {
          visitsSincePlacement: visits,
          lastVisitOn: isLatest ? b.visitedOn : e.lastVisitOn,
          lastVisitRatedWell: isLatest ? well : e.lastVisitRatedWell,
          nextVisitDue: nextVisitDue(e.placedOn ?? b.visitedOn, visits),
        },
        { visitedOn: b.visitedOn, ratedWell: well },
      );
    },
  },
};

/** The episode a referral opens; `returning` when the child had an earlier episode (a re-entry). */
export function openEpisode(body: ReferBody, returning: boolean): { state: EpisodeState; outcome: EpisodeOutcome } {
  const state: EpisodeState = {
    childId: body.childId,
    responsibleAgencyId: body.responsibleAgencyId,
    provinceCode: body.provinceCode,
    status: 'referred',
    referredOn: body.referredOn,
    reasons: body.reasons,
    ...leftFacility,
    targetPlacementType: null,
    familyTracedOn: null,
    ...leftPlacement,
    lastEventOn: body.referredOn,
    closedOn: null,
    closeReason: null,
  };
  return { state, outcome: outcome({}, { reasons: body.reasons, reEntry: returning }, null, returning) };
}
