import { Injectable } from '@nestjs/common';
import { applyScope } from '../common/auth/scope';
import type { Acting, UnitOfWork } from '../common/database/unit-of-work';
import { updateVersioned } from '../common/database/versioned-update';
import { NotFound } from '../common/errors/domain-errors';
import { checkIfMatch } from '../common/http/etag';
import { Page, paginate } from '../common/http/pagination';
import { applyTransition } from '../common/state-machine/transition-table';
import { today as todayIn } from '../common/time/calendar';
import { facilityScope } from '../facilities/facilities.service';
import { RegistryEventsService } from '../registry-events/registry-events.service';
import { CorrectiveAction } from './corrective-action.entity';
import { correctiveActionView } from './corrective-action.view';
import { correctiveActionTransitions, type ResolveBody } from './domain/corrective-action.transitions';
import type { CorrectiveActionListQuery, CorrectiveActionView } from './dto/corrective-action.dto';

/**
 * Corrective actions are in scope with their inspection's facility; operators (ngo_workers) see
 * those of approved inspections only. Joined by name: inspections own this folder, not the reverse.
 */
@Injectable()
export class CorrectiveActionsService {
  constructor(
    private readonly events: RegistryEventsService,
  ) {}

  scoped(caller: Acting) {
    const qb = caller.work.manager
      .createQueryBuilder(CorrectiveAction, 'ca')
      .innerJoin('inspections', 'i', 'i.id = ca.inspection_id')
      .innerJoin('facilities', 'f', 'f.id = i.facility_id')
      .addSelect('i.facility_id', 'inspection_facility_id')
      .addSelect('i.status', 'inspection_status')
      .addSelect('i.conducted_on::text', 'inspection_conducted_on');
    if (caller.role === 'ngo_worker') qb.andWhere(`i.status = 'approved'`);
    return applyScope(qb, caller, facilityScope());
  }

  async resolve(caller: Acting, inspectionId: string, actionId: string, request: ResolveBody, ifMatch?: string): Promise<CorrectiveActionView> {
    const qb = this.scoped(caller).andWhere('ca.id = :actionId AND ca.inspection_id = :inspectionId', { actionId, inspectionId }).setLock('pessimistic_write', undefined, ['ca']);
    const { entities, raw } = await qb.getRawAndEntities<{ inspection_facility_id: string; inspection_status: string; inspection_conducted_on: string | null }>();
    const [action] = entities;
    const inspection = raw[0];
    if (!action || !inspection) throw new NotFound('corrective action');
    checkIfMatch(ifMatch, action);
    const today = todayIn();
    const resolvedOn = request.resolvedOn ?? today;
    const to = applyTransition(correctiveActionTransitions, {
      action: 'resolve',
      from: action.status,
      role: caller.role,
      facts: { today, resolvedOn, conductedOn: inspection.inspection_conducted_on },
    });
    await updateVersioned(caller.work.manager, CorrectiveAction, action, { status: to, resolvedOn, resolvedById: caller.userId, resolutionNote: request.note ?? null });
    await this.events.record(caller.work, {
      entityType: 'inspection',
      entityId: inspectionId,
      action: 'resolveCorrectiveAction',
      from: inspection.inspection_status,
      to: inspection.inspection_status,
      payload: { correctiveActionId: actionId, resolvedOn },
    });
    return correctiveActionView(action, inspection.inspection_facility_id, today);
  }

  async list(caller: Acting, query: CorrectiveActionListQuery): Promise<Page<CorrectiveActionView>> {
    const qb = this.scoped(caller);
    if (query.facilityId) qb.andWhere('f.id = :facilityId', { facilityId: query.facilityId });
    if (query.inspectionId) qb.andWhere('i.id = :inspectionId', { inspectionId: query.inspectionId });
    if (query.status) qb.andWhere('ca.status = :status', { status: query.status });
    if (query.overdue !== undefined) {
      qb.andWhere(`${query.overdue ? '' : 'NOT '}(ca.status = 'open' AND ca.due_on < :today)`, { today: todayIn() });
    }
    const page = await paginate(qb, query);
    const facilityOf = await this.facilitiesOf(caller.work, page.items.map((a) => a.id));
    return { items: page.items.map((a) => correctiveActionView(a, facilityOf.get(a.id) ?? '')), nextCursor: page.nextCursor };
  }

  /** The corrective actions an inspection sets when it is submitted, replacing those of an earlier submission. */
  async replaceFor(work: UnitOfWork, inspectionId: string, actions: readonly { description: string; dueOn: string }[]): Promise<void> {
    await work.manager.delete(CorrectiveAction, { inspectionId });
    if (actions.length === 0) return;
    await work.manager.save(actions.map((a) => work.manager.create(CorrectiveAction, { inspectionId, ...a, status: 'open' })));
  }

  /** Per inspection, its corrective actions in due order. */
  async of(work: UnitOfWork, inspectionIds: string[]): Promise<Map<string, CorrectiveAction[]>> {
    const byInspection = new Map<string, CorrectiveAction[]>();
    if (inspectionIds.length === 0) return byInspection;
    const rows = await work.manager
      .createQueryBuilder(CorrectiveAction, 'ca')
      .where('ca.inspection_id IN (:...inspectionIds)', { inspectionIds })
      .orderBy('ca.due_on', 'ASC')
      .getMany();
    for (const row of rows) byInspection.set(row.inspectionId, [...(byInspection.get(row.inspectionId) ?? []), row]);
    return byInspection;
  }

  private async facilitiesOf(work: UnitOfWork, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await work.manager.query<{ id: string; facility_id: string }[]>(
      `SELECT ca.id, i.facility_id FROM corrective_actions ca JOIN inspections i ON i.id = ca.inspection_id WHERE ca.id = ANY($1)`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.facility_id]));
  }
}
