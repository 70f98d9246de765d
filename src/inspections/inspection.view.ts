import { unratedAreas } from './domain/checklist';
import type { Caller } from '../common/auth/caller';
import { allowedActions } from '../common/state-machine/transition-table';
import { today as todayIn } from '../common/time/calendar';
import type { CorrectiveAction } from '../corrective-actions/corrective-action.entity';
import { correctiveActionView } from '../corrective-actions/corrective-action.view';
import type { Facility } from '../facilities/facility.entity';
import { inspectionTransitions } from './domain/inspection.transitions';
import type { InspectionView } from './dto/inspection.dto';
import type { Inspection } from './inspection.entity';

export type InspectionWithFacility = Inspection & { facility: Facility };

export function inspectionView(caller: Caller, i: InspectionWithFacility, actions: CorrectiveAction[], today = todayIn()): InspectionView {
  // The guards known before a body is sent (four eyes) decide what is offered, as they decide the answer.
  const readFacts = { today, now: new Date(), actorId: caller.userId, submittedById: i.submittedById, facilityClosed: i.facility.status === 'closed' };
  return {
    id: i.id,
    facilityId: i.facilityId,
    type: i.type,
    status: i.status,
    allowedActions: allowedActions(inspectionTransitions, i.status, caller.role, readFacts),
    scheduledFor: i.scheduledFor,
    overdue: i.status === 'scheduled' && i.scheduledFor < today,
    followUpOfId: i.followUpOfId,
    inspectorId: i.inspectorId,
    conductedOn: i.conductedOn,
    ratings: i.ratings,
    missingAreas: i.status === 'scheduled' ? unratedAreas(i.ratings ?? {}) : [],
    outcome: i.outcome,
    summary: i.summary,
    submittedById: i.submittedById,
    submittedAt: i.submittedAt,
    approvedById: i.approvedById,
    approvedAt: i.approvedAt,
    correctiveActions: actions.map((a) => correctiveActionView(a, i.facilityId, today)),
    version: i.version,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
  };
}
