import type { Effect } from '../../common/state-machine/steps';
import type { InspectionStatus, Outcome, Ratings } from './checklist';
import type { InspectionAction, InspectionFacts } from './inspection.transitions';

export interface InspectionState {
  status: InspectionStatus;
  conductedOn: string | null;
  ratings: Ratings | null;
  outcome: Outcome | null;
  summary: string | null;
  submittedById: string | null;
  submittedAt: Date | null;
  approvedById: string | null;
  approvedAt: Date | null;
}

/** What a draft holds so far: any of the checklist, its date, outcome, summary and corrective actions. */
export interface DraftBody {
  conductedOn?: string;
  ratings?: Ratings;
  outcome?: Outcome;
  summary?: string;
  correctiveActions?: { description: string; dueOn: string }[];
}

/** A submission: what it sends, on top of what the draft saved. */
export type SubmitBody = DraftBody;

/**
 * The draft with a body on top: areas rated in the body replace the draft's, the others stay; the
 * corrective actions sent replace those saved.
 */
export function withDraft<B extends DraftBody>(record: Readonly<InspectionState>, body: B, savedActions: readonly { description: string; dueOn: string }[]): B {
  return {
    ...body,
    correctiveActions: body.correctiveActions ?? [...savedActions],
    conductedOn: body.conductedOn ?? record.conductedOn ?? undefined,
    ratings: { ...(record.ratings ?? {}), ...(body.ratings ?? {}) },
    outcome: body.outcome ?? record.outcome ?? undefined,
    summary: body.summary ?? record.summary ?? undefined,
  };
}

export interface InspectionReasonBody {
  reason: string;
}

export interface ApproveBody {
  reason?: string;
}

export interface InspectionBodies {
  saveDraft: DraftBody;
  submit: SubmitBody;
  approve: ApproveBody;
  returnForCorrection: InspectionReasonBody;
  cancel: InspectionReasonBody;
}

/** What a step does beyond the inspection: the corrective actions it sets, the approval date the facility keeps. */
export interface InspectionSideEffects {
  correctiveActions?: readonly { description: string; dueOn: string }[];
  facilityInspectedOn?: string;
}

type InspectionEffect<B> = Effect<InspectionState, B, InspectionFacts, InspectionSideEffects>;

const withReason = <B extends { reason?: string }>(): InspectionEffect<B> => ({ apply: (_i, b) => ({ changes: {}, payload: {}, reason: b.reason ?? null }) });

export const inspectionEffects: { [A in InspectionAction]: InspectionEffect<InspectionBodies[A]> } = {
  // Both read the body merged with the draft (withDraft), so the guards see the whole checklist.
  saveDraft: {
    facts: (b) => ({ conductedOn: b.conductedOn, correctiveActionsDueOn: (b.correctiveActions ?? []).map((a) => a.dueOn) }),
    apply: (_i, b) => ({
      changes: { conductedOn: b.conductedOn ?? null, ratings: b.ratings ?? null, outcome: b.outcome ?? null, summary: b.summary ?? null },
      payload: { areasRated: Object.keys(b.ratings ?? {}).length },
      correctiveActions: b.correctiveActions ?? [],
    }),
  },
  submit: {
    facts: (b) => ({
      ratings: b.ratings,
      conductedOn: b.conductedOn,
      outcome: b.outcome,
      correctiveActionCount: b.correctiveActions?.length ?? 0,
      correctiveActionsDueOn: (b.correctiveActions ?? []).map((a) => a.dueOn),
    }),
    apply: (_i, b, f) => ({
      changes: { conductedOn: b.conductedOn ?? null, ratings: b.ratings ?? null, outcome: b.outcome ?? null, summary: b.summary ?? null, submittedById: f.actorId, submittedAt: f.now },
      payload: { conductedOn: b.conductedOn, outcome: b.outcome, correctiveActions: b.correctiveActions?.length ?? 0 },
      correctiveActions: b.correctiveActions ?? [],
    }),
  },
  approve: {
    apply: (i, b, f) => ({
      changes: { approvedById: f.actorId, approvedAt: f.now },
      payload: { conductedOn: i.conductedOn },
      reason: b.reason ?? null,
      facilityInspectedOn: i.conductedOn ?? undefined,
    }),
  },
  returnForCorrection: withReason(),
  cancel: withReason(),
};
