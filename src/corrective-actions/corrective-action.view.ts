import { today as todayIn } from '../common/time/calendar';
import type { CorrectiveAction } from './corrective-action.entity';
import type { CorrectiveActionView } from './dto/corrective-action.dto';

export function correctiveActionView(a: CorrectiveAction, facilityId: string, today = todayIn()): CorrectiveActionView {
  return {
    id: a.id,
    inspectionId: a.inspectionId,
    facilityId,
    description: a.description,
    dueOn: a.dueOn,
    status: a.status,
    overdue: a.status === 'open' && a.dueOn < today,
    resolvedOn: a.resolvedOn,
    resolvedById: a.resolvedById,
    resolutionNote: a.resolutionNote,
    version: a.version,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}
