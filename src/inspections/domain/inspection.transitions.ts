import type { Role } from '../../common/auth/roles';
import type { Guard, TransitionTable } from '../../common/state-machine/transition-table';
import { unratedAreas, type InspectionStatus, type Outcome, type Ratings } from './checklist';

export interface InspectionFacts {
  today: string;
  actorId: string;
  submittedById: string | null;
  ratings?: Ratings;
  conductedOn?: string;
  outcome?: Outcome;
  correctiveActionCount?: number;
}

export const everyAreaRated: Guard<InspectionFacts> = (f) => (f.ratings && unratedAreas(f.ratings).length === 0 ? null : 'every_area_rated');
export const conductedNotInFuture: Guard<InspectionFacts> = (f) =>
  f.conductedOn !== undefined && f.conductedOn <= f.today ? null : 'conducted_on_not_in_future';
export const nonCompliantHasCorrectiveActions: Guard<InspectionFacts> = (f) =>
  f.outcome !== 'non_compliant' || (f.correctiveActionCount ?? 0) > 0 ? null : 'corrective_actions_required';
export const fourEyes: Guard<InspectionFacts> = (f) => (f.submittedById !== f.actorId ? null : 'approver_is_not_submitter');

const ministry: readonly Role[] = ['admin', 'inspector'];

export const inspectionTransitions = {
  submit: {
    from: ['scheduled'],
    to: 'submitted',
    roles: ministry,
    guards: [everyAreaRated, conductedNotInFuture, nonCompliantHasCorrectiveActions],
  },
  approve: { from: ['submitted'], to: 'approved', roles: ministry, guards: [fourEyes] },
  returnForCorrection: { from: ['submitted'], to: 'scheduled', roles: ministry, guards: [] },
  cancel: { from: ['scheduled'], to: 'cancelled', roles: ministry, guards: [] },
} satisfies TransitionTable<InspectionStatus, Role, InspectionFacts>;

export type InspectionAction = keyof typeof inspectionTransitions;
