import type { Role } from '../../common/auth/roles';
import { dateNotInFuture } from '../../common/state-machine/date-guards';
import { guard, type TransitionTable } from '../../common/state-machine/transition-table';
import { unratedAreas, type InspectionStatus, type Outcome, type Ratings } from './checklist';

export interface InspectionFacts {
  today: string;
  now: Date;
  actorId: string;
  submittedById: string | null;
  facilityClosed: boolean;
  ratings?: Ratings;
  conductedOn?: string;
  outcome?: Outcome;
  correctiveActionCount?: number;
  correctiveActionsDueOn?: readonly string[];
}

export const facilityNotClosed = guard<InspectionFacts>('facility_not_closed', (f) => !f.facilityClosed);
export const everyAreaRated = guard<InspectionFacts>('every_area_rated', (f) => !!f.ratings && unratedAreas(f.ratings).length === 0);
export const conductedNotInFuture = dateNotInFuture<InspectionFacts>('conductedOn', (f) => f.conductedOn);
/** A submission says when the inspection was conducted and what it found (in its body, or saved in the draft). */
export const conductedOnGiven = guard<InspectionFacts>('conducted_on_required', (f) => !!f.conductedOn);
export const outcomeGiven = guard<InspectionFacts>('outcome_required', (f) => !!f.outcome);
export const nonCompliantHasCorrectiveActions = guard<InspectionFacts>(
  'corrective_actions_required',
  (f) => f.outcome !== 'non_compliant' || (f.correctiveActionCount ?? 0) > 0,
);
/** A corrective action is due after the inspection that found it was conducted. */
export const correctiveActionsDueAfterInspection = guard<InspectionFacts>(
  'corrective_actions_due_after_inspection',
  (f) => f.conductedOn === undefined || (f.correctiveActionsDueOn ?? []).every((due) => due > f.conductedOn!),
);
/** Four eyes: the approver is not the submitter. Known before any body, so the submitter is never offered `approve`. */
export const fourEyes = guard<InspectionFacts>('approver_is_not_submitter', (f) => f.submittedById !== f.actorId, { whenReading: true });

const ministry: readonly Role[] = ['admin', 'inspector'];

export const inspectionTransitions = {
  schedule: { from: [], to: 'scheduled', creates: true, roles: ministry, guards: [facilityNotClosed] },
  /** The checklist filled in over a visit: saved as it goes, the inspection stays scheduled. */
  saveDraft: { from: ['scheduled'], to: 'scheduled', roles: ministry, guards: [conductedNotInFuture, correctiveActionsDueAfterInspection] },
  submit: {
    from: ['scheduled'],
    to: 'submitted',
    roles: ministry,
    guards: [conductedOnGiven, outcomeGiven, everyAreaRated, conductedNotInFuture, nonCompliantHasCorrectiveActions, correctiveActionsDueAfterInspection],
  },
  approve: { from: ['submitted'], to: 'approved', roles: ministry, guards: [fourEyes] },
  returnForCorrection: { from: ['submitted'], to: 'scheduled', roles: ministry, guards: [] },
  cancel: { from: ['scheduled'], to: 'cancelled', roles: ministry, guards: [] },
} satisfies TransitionTable<InspectionStatus, Role, InspectionFacts>;

export type InspectionAction = Exclude<keyof typeof inspectionTransitions, 'schedule'>;
