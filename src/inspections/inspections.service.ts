import { Injectable } from '@nestjs/common';
import type { Caller } from '../common/auth/caller';
import { applyScope } from '../common/auth/scope';
import { Database } from '../common/database/database.service';
import { currentContext } from '../common/database/request-context';
import { FieldError, GuardFailed, NotFound, ValidationFailed } from '../common/errors/domain-errors';
import { checkIfMatch } from '../common/http/etag';
import { Page, paginate } from '../common/http/pagination';
import { findOneById } from '../common/database/find-one';
import { allowedActions, applyTransition, TransitionTable } from '../common/state-machine/transition-table';
import { today as todayIn } from '../common/time/calendar';
import { FacilitiesService, facilityScope } from '../facilities/facilities.service';
import { Facility } from '../facilities/facility.entity';
import { RegistryEventsService } from '../registry-events/registry-events.service';
import { User } from '../users/user.entity';
import { CorrectiveAction, type CorrectiveActionStatus } from './corrective-action.entity';
import { inspectionTransitions, type InspectionAction, type InspectionFacts } from './domain/inspection.transitions';
import {
  CorrectiveActionListQuery,
  CorrectiveActionView,
  CreateInspectionRequest,
  InspectionListQuery,
  InspectionView,
  ResolveCorrectiveActionRequest,
  SubmitInspectionRequest,
} from './dto/inspection.dto';
import { Inspection } from './inspection.entity';

type InspectionWithFacility = Inspection & { facility: Facility };
type ActionBody = Partial<SubmitInspectionRequest> & { reason?: string };

const correctiveActionTransitions = {
  resolve: { from: ['open'], to: 'resolved', roles: ['admin', 'inspector'], guards: [] },
} satisfies TransitionTable<CorrectiveActionStatus, Caller['role'], object>;

@Injectable()
export class InspectionsService {
  constructor(
    private readonly db: Database,
    private readonly facilities: FacilitiesService,
    private readonly events: RegistryEventsService,
  ) {}

  /**
   * Inspections are in scope when their facility is. Operators (ngo_workers) see results only:
   * an inspection announced to them before it is approved would not be unannounced.
   */
  private scoped(caller: Caller) {
    const query = this.db.manager.createQueryBuilder(Inspection, 'i').innerJoinAndSelect('i.facility', 'f');
    if (caller.role === 'ngo_worker') query.andWhere(`i.status = 'approved'`);
    return applyScope(query, caller, facilityScope(caller));
  }

  async findInScope(caller: Caller, id: string, lock = false): Promise<InspectionWithFacility> {
    return (await findOneById(this.scoped(caller), id, 'inspection', lock)) as InspectionWithFacility;
  }

  async create(caller: Caller, request: CreateInspectionRequest): Promise<InspectionView> {
    const facility = await this.facilities.findInScope(caller, request.facilityId);
    const errors: FieldError[] = [];
    if (request.type === 'follow_up' && !request.followUpOfId) {
      errors.push({ field: 'followUpOfId', messages: ['a follow_up inspection names the inspection it follows'] });
    }
    if (request.type !== 'follow_up' && request.followUpOfId) {
      errors.push({ field: 'followUpOfId', messages: ['only a follow_up inspection follows another'] });
    }
    if (request.followUpOfId && !(await this.db.manager.existsBy(Inspection, { id: request.followUpOfId, facilityId: facility.id }))) {
      errors.push({ field: 'followUpOfId', messages: ['no inspection of this facility has this id'] });
    }
    const inspectorId = request.inspectorId ?? caller.userId;
    const inspector = await this.db.manager.findOneBy(User, { id: inspectorId });
    if (!inspector || !['inspector', 'admin'].includes(inspector.role) || !inspector.active) {
      errors.push({ field: 'inspectorId', messages: ['no active inspector has this id'] });
    }
    if (errors.length > 0) throw new ValidationFailed(errors);
    if (facility.status === 'closed') throw new GuardFailed('create', 'facility_not_closed');

    const inspection = await this.db.manager.save(
      this.db.manager.create(Inspection, {
        facilityId: facility.id,
        type: request.type,
        status: 'scheduled',
        scheduledFor: request.scheduledFor,
        followUpOfId: request.followUpOfId ?? null,
        inspectorId,
      }),
    );
    await this.events.record({
      entityType: 'inspection',
      entityId: inspection.id,
      action: 'create',
      from: null,
      to: 'scheduled',
      payload: { facilityId: facility.id, type: request.type, scheduledFor: request.scheduledFor },
    });
    return this.view(caller, { ...inspection, facility });
  }

  async get(caller: Caller, id: string): Promise<InspectionView> {
    return this.view(caller, await this.findInScope(caller, id));
  }

  async list(caller: Caller, query: InspectionListQuery): Promise<Page<InspectionView>> {
    const qb = this.scoped(caller);
    if (query.facilityId) qb.andWhere('i.facility_id = :facilityId', { facilityId: query.facilityId });
    if (query.inspectorId) qb.andWhere('i.inspector_id = :inspectorId', { inspectorId: query.inspectorId });
    if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    if (query.type) qb.andWhere('i.type = :type', { type: query.type });
    if (query.overdue !== undefined) {
      qb.andWhere(`${query.overdue ? '' : 'NOT '}(i.status = 'scheduled' AND i.scheduled_for < :today)`, { today: todayIn() });
    }
    const page = await paginate(qb, query);
    const actions = await this.correctiveActionsOf(page.items.map((i) => i.id));
    return {
      items: page.items.map((i) => this.toView(caller, i as InspectionWithFacility, actions.get(i.id) ?? [])),
      nextCursor: page.nextCursor,
    };
  }

  async act(caller: Caller, id: string, action: InspectionAction, body: ActionBody, ifMatch?: string): Promise<InspectionView> {
    const inspection = await this.findInScope(caller, id, true);
    checkIfMatch(ifMatch, inspection);
    const today = todayIn();
    const facts: InspectionFacts = {
      today,
      actorId: caller.userId,
      submittedById: inspection.submittedById,
      ratings: body.ratings,
      conductedOn: body.conductedOn,
      outcome: body.outcome,
      correctiveActionCount: body.correctiveActions?.length ?? 0,
    };
    const from = inspection.status;
    const to = applyTransition(inspectionTransitions, { action, from, role: caller.role, facts });
    const payload: Record<string, unknown> = {};
    if (action === 'submit') {
      Object.assign(inspection, {
        conductedOn: body.conductedOn,
        ratings: body.ratings,
        outcome: body.outcome,
        summary: body.summary ?? null,
        submittedById: caller.userId,
        submittedAt: new Date(),
      });
      await this.replaceCorrectiveActions(inspection.id, body.correctiveActions ?? []);
      Object.assign(payload, { conductedOn: body.conductedOn, outcome: body.outcome, correctiveActions: body.correctiveActions?.length ?? 0 });
    }
    if (action === 'approve') {
      Object.assign(inspection, { approvedById: caller.userId, approvedAt: new Date() });
      await this.db.manager.query(
        `UPDATE facilities SET last_approved_inspection_on = greatest(last_approved_inspection_on, $2::date), updated_at = now() WHERE id = $1`,
        [inspection.facilityId, inspection.conductedOn],
      );
      payload.conductedOn = inspection.conductedOn;
    }
    inspection.status = to;
    inspection.version += 1;
    const { facility, ...row } = inspection;
    await this.db.manager.save(Inspection, row);
    await this.events.record({ entityType: 'inspection', entityId: id, action, from, to, reason: body.reason ?? null, payload });
    return this.view(caller, { ...row, facility });
  }

  async resolveCorrectiveAction(
    caller: Caller,
    inspectionId: string,
    actionId: string,
    request: ResolveCorrectiveActionRequest,
  ): Promise<CorrectiveActionView> {
    const inspection = await this.findInScope(caller, inspectionId);
    const correctiveAction = await this.db.manager
      .createQueryBuilder(CorrectiveAction, 'ca')
      .where('ca.id = :actionId AND ca.inspection_id = :inspectionId', { actionId, inspectionId })
      .setLock('pessimistic_write')
      .getOne();
    if (!correctiveAction) throw new NotFound('corrective action');
    const to = applyTransition(correctiveActionTransitions, { action: 'resolve', from: correctiveAction.status, role: caller.role, facts: {} });
    const resolvedOn = request.resolvedOn ?? todayIn();
    if (resolvedOn > todayIn()) throw new ValidationFailed([{ field: 'resolvedOn', messages: ['resolvedOn may not be in the future'] }]);
    Object.assign(correctiveAction, {
      status: to,
      resolvedOn,
      resolvedById: caller.userId,
      resolutionNote: request.note ?? null,
      version: correctiveAction.version + 1,
    });
    const saved = await this.db.manager.save(correctiveAction);
    await this.events.record({
      entityType: 'inspection',
      entityId: inspectionId,
      action: 'resolveCorrectiveAction',
      from: inspection.status,
      to: inspection.status,
      payload: { correctiveActionId: actionId, resolvedOn },
    });
    return this.correctiveActionView(saved, inspection.facilityId);
  }

  async listCorrectiveActions(caller: Caller, query: CorrectiveActionListQuery): Promise<Page<CorrectiveActionView>> {
    const qb = this.db.manager
      .createQueryBuilder(CorrectiveAction, 'ca')
      .innerJoin(Inspection, 'i', 'i.id = ca.inspection_id')
      .innerJoin(Facility, 'f', 'f.id = i.facility_id');
    if (caller.role === 'ngo_worker') qb.andWhere(`i.status = 'approved'`);
    applyScope(qb, caller, facilityScope(caller));
    if (query.facilityId) qb.andWhere('f.id = :facilityId', { facilityId: query.facilityId });
    if (query.inspectionId) qb.andWhere('i.id = :inspectionId', { inspectionId: query.inspectionId });
    if (query.status) qb.andWhere('ca.status = :status', { status: query.status });
    if (query.overdue !== undefined) {
      qb.andWhere(`${query.overdue ? '' : 'NOT '}(ca.status = 'open' AND ca.due_on < :today)`, { today: todayIn() });
    }
    const page = await paginate(qb, query);
    const facilityOf = new Map<string, string>(
      (
        await this.db.manager.query<{ id: string; facility_id: string }[]>(
          `SELECT ca.id, i.facility_id FROM corrective_actions ca JOIN inspections i ON i.id = ca.inspection_id WHERE ca.id = ANY($1)`,
          [page.items.map((a) => a.id)],
        )
      ).map((r) => [r.id, r.facility_id]),
    );
    return { items: page.items.map((a) => this.correctiveActionView(a, facilityOf.get(a.id) ?? '')), nextCursor: page.nextCursor };
  }

  private async replaceCorrectiveActions(inspectionId: string, actions: { description: string; dueOn: string }[]): Promise<void> {
    await this.db.manager.delete(CorrectiveAction, { inspectionId });
    if (actions.length === 0) return;
    await this.db.manager.save(actions.map((a) => this.db.manager.create(CorrectiveAction, { inspectionId, ...a, status: 'open' })));
  }

  private async correctiveActionsOf(inspectionIds: string[]): Promise<Map<string, CorrectiveAction[]>> {
    const byInspection = new Map<string, CorrectiveAction[]>();
    if (inspectionIds.length === 0) return byInspection;
    const rows = await this.db.manager
      .createQueryBuilder(CorrectiveAction, 'ca')
      .where('ca.inspection_id IN (:...inspectionIds)', { inspectionIds })
      .orderBy('ca.due_on', 'ASC')
      .getMany();
    for (const row of rows) byInspection.set(row.inspectionId, [...(byInspection.get(row.inspectionId) ?? []), row]);
    return byInspection;
  }

  private async view(caller: Caller, inspection: InspectionWithFacility): Promise<InspectionView> {
    const actions = await this.correctiveActionsOf([inspection.id]);
    return this.toView(caller, inspection, actions.get(inspection.id) ?? []);
  }

  private toView(caller: Caller, i: InspectionWithFacility, actions: CorrectiveAction[]): InspectionView {
    const today = todayIn();
    const sameActor = currentContext()?.caller?.userId === i.submittedById;
    return {
      id: i.id,
      facilityId: i.facilityId,
      type: i.type,
      status: i.status,
      // Four eyes: the submitter is never offered `approve`.
      allowedActions: allowedActions(inspectionTransitions, i.status, caller.role).filter((a) => !(a === 'approve' && sameActor)),
      scheduledFor: i.scheduledFor,
      overdue: i.status === 'scheduled' && i.scheduledFor < today,
      followUpOfId: i.followUpOfId,
      inspectorId: i.inspectorId,
      conductedOn: i.conductedOn,
      ratings: i.ratings,
      outcome: i.outcome,
      summary: i.summary,
      submittedById: i.submittedById,
      submittedAt: i.submittedAt,
      approvedById: i.approvedById,
      approvedAt: i.approvedAt,
      correctiveActions: actions.map((a) => this.correctiveActionView(a, i.facilityId)),
      version: i.version,
      createdAt: i.createdAt,
      updatedAt: i.updatedAt,
    };
  }

  private correctiveActionView(a: CorrectiveAction, facilityId: string): CorrectiveActionView {
    return {
      id: a.id,
      inspectionId: a.inspectionId,
      facilityId,
      description: a.description,
      dueOn: a.dueOn,
      status: a.status,
      overdue: a.status === 'open' && a.dueOn < todayIn(),
      resolvedOn: a.resolvedOn,
      resolvedById: a.resolvedById,
      resolutionNote: a.resolutionNote,
      version: a.version,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    };
  }
}
