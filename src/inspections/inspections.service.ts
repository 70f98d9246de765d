import { Injectable } from '@nestjs/common';
import { applyScope } from '../common/auth/scope';
import { findOneById } from '../common/database/find-one';
import type { Acting, UnitOfWork } from '../common/database/unit-of-work';
import { updateVersioned } from '../common/database/versioned-update';
import { FieldError, GuardFailed, ValidationFailed } from '../common/errors/domain-errors';
import { checkIfMatch } from '../common/http/etag';
import { Page, paginate } from '../common/http/pagination';
import { paginateSorted } from '../common/http/sorting';
import { runStep } from '../common/state-machine/steps';
import { applyCreation } from '../common/state-machine/transition-table';
import { today as todayIn } from '../common/time/calendar';
import { CorrectiveActionsService } from '../corrective-actions/corrective-actions.service';
import { FacilitiesService, facilityScope } from '../facilities/facilities.service';
import { RegistryEventsService } from '../registry-events/registry-events.service';
import { User } from '../users/user.entity';
import { unratedAreas } from './domain/checklist';
import { inspectionEffects, withDraft, type DraftBody, type InspectionBodies } from './domain/inspection.effects';
import { inspectionTransitions, type InspectionAction, type InspectionFacts } from './domain/inspection.transitions';
import { CreateInspectionRequest, INSPECTION_SORT_KEYS, InspectionListQuery, InspectionView } from './dto/inspection.dto';
import { Inspection } from './inspection.entity';
import { inspectionView, type InspectionWithFacility } from './inspection.view';

@Injectable()
export class InspectionsService {
  constructor(
    private readonly facilities: FacilitiesService,
    private readonly events: RegistryEventsService,
    private readonly correctiveActions: CorrectiveActionsService,
  ) {}

  /**
   * Inspections are in scope when their facility is. Operators (ngo_workers) see results only:
   * an inspection announced to them before it is approved would not be unannounced.
   */
  scoped(caller: Acting) {
    const query = caller.work.manager.createQueryBuilder(Inspection, 'i').innerJoinAndSelect('i.facility', 'f');
    if (caller.role === 'ngo_worker') query.andWhere(`i.status = 'approved'`);
    return applyScope(query, caller, facilityScope());
  }

  async findInScope(caller: Acting, id: string, lock = false): Promise<InspectionWithFacility> {
    return (await findOneById(this.scoped(caller), id, 'inspection', lock)) as InspectionWithFacility;
  }

  async create(caller: Acting, request: CreateInspectionRequest): Promise<InspectionView> {
    const facility = await this.facilities.findInScope(caller, request.facilityId);
    const inspectorId = request.inspectorId ?? caller.userId;
    await this.checkReferences(caller.work, facility, request, inspectorId);
    const status = applyCreation(inspectionTransitions, { action: 'schedule', role: caller.role, facts: this.facts(caller, null, facility.status === 'closed') });
    const inspection = await caller.work.manager.save(
      caller.work.manager.create(Inspection, {
        facilityId: facility.id,
        type: request.type,
        status,
        scheduledFor: request.scheduledFor,
        followUpOfId: request.followUpOfId ?? null,
        inspectorId,
      }),
    );
    await this.events.record(caller.work, {
      entityType: 'inspection',
      entityId: inspection.id,
      action: 'create',
      from: null,
      to: status,
      payload: { facilityId: facility.id, type: request.type, scheduledFor: request.scheduledFor },
    });
    return this.view(caller, { ...inspection, facility });
  }

  private async checkReferences(work: UnitOfWork, facility: { id: string; provinceCode: string }, request: CreateInspectionRequest, inspectorId: string): Promise<void> {
    const errors: FieldError[] = [];
    if (request.type === 'follow_up' && !request.followUpOfId) {
      errors.push({ field: 'followUpOfId', messages: ['a follow_up inspection names the inspection it follows'] });
    }
    if (request.type !== 'follow_up' && request.followUpOfId) {
      errors.push({ field: 'followUpOfId', messages: ['only a follow_up inspection follows another'] });
    }
    if (request.followUpOfId && !(await work.manager.existsBy(Inspection, { id: request.followUpOfId, facilityId: facility.id }))) {
      errors.push({ field: 'followUpOfId', messages: ['no inspection of this facility has this id'] });
    }
    const inspector = await work.manager.findOneBy(User, { id: inspectorId });
    if (!inspector || !['inspector', 'admin'].includes(inspector.role) || !inspector.active) {
      errors.push({ field: 'inspectorId', messages: ['no active inspector has this id'] });
    } else if (inspector.role === 'inspector' && inspector.provinceCodes.length > 0 && !inspector.provinceCodes.includes(facility.provinceCode)) {
      errors.push({ field: 'inspectorId', messages: ['this inspector does not cover the facility’s province'] });
    }
    if (errors.length > 0) throw new ValidationFailed(errors);
  }

  async get(caller: Acting, id: string): Promise<InspectionView> {
    return this.view(caller, await this.findInScope(caller, id));
  }

  async list(caller: Acting, query: InspectionListQuery): Promise<Page<InspectionView>> {
    const qb = this.scoped(caller);
    if (query.facilityId) qb.andWhere('i.facility_id = :facilityId', { facilityId: query.facilityId });
    if (query.inspectorId) qb.andWhere('i.inspector_id = :inspectorId', { inspectorId: query.inspectorId });
    if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    if (query.type) qb.andWhere('i.type = :type', { type: query.type });
    if (query.overdue !== undefined) {
      qb.andWhere(`${query.overdue ? '' : 'NOT '}(i.status = 'scheduled' AND i.scheduled_for < :today)`, { today: todayIn() });
    }
    const page = await paginateSorted(qb, query, INSPECTION_SORT_KEYS, paginate);
    const actions = await this.correctiveActions.of(caller.work, page.items.map((i) => i.id));
    const today = todayIn();
    return {
      items: page.items.map((i) => inspectionView(caller, i as InspectionWithFacility, actions.get(i.id) ?? [], today)),
      nextCursor: page.nextCursor,
    };
  }

  async act<A extends InspectionAction>(caller: Acting, id: string, action: A, body: InspectionBodies[A], ifMatch?: string): Promise<InspectionView> {
    const inspection = await this.findInScope(caller, id, true);
    checkIfMatch(ifMatch, inspection);
    const facts = this.facts(caller, inspection.submittedById, inspection.facility.status === 'closed');
    // A draft and a submission build on what the draft saved.
    const drafting = action === 'saveDraft' || action === 'submit';
    const saved = drafting ? ((await this.correctiveActions.of(caller.work, [id])).get(id) ?? []).map((a) => ({ description: a.description, dueOn: a.dueOn })) : [];
    const merged = drafting ? withDraft(inspection, body as DraftBody, saved) : body;
    let step;
    try {
      step = runStep(inspectionTransitions, inspectionEffects[action], { action, record: inspection, body: merged as InspectionBodies[A], role: caller.role, facts });
    } catch (error) {
      // Say which areas are still to rate, not only that some are.
      if (error instanceof GuardFailed && error.guard === 'every_area_rated') error.extra.missingAreas = unratedAreas((merged as DraftBody).ratings ?? {});
      throw error;
    }
    // Corrective actions are replaced only when the body sends them; otherwise those saved stay.
    if (step.correctiveActions && (body as DraftBody).correctiveActions !== undefined) await this.correctiveActions.replaceFor(caller.work, inspection.id, step.correctiveActions);
    if (step.facilityInspectedOn) {
      await caller.work.manager.query(
        `UPDATE facilities SET last_approved_inspection_on = greatest(last_approved_inspection_on, $2::date), updated_at = now() WHERE id = $1`,
        [inspection.facilityId, step.facilityInspectedOn],
      );
    }
    const { facility, ...row } = inspection;
    await updateVersioned(caller.work.manager, Inspection, row as Inspection, { ...step.changes, status: step.to });
    await this.events.record(caller.work, { entityType: 'inspection', entityId: id, action, from: step.from, to: step.to, reason: step.reason ?? null, payload: step.payload });
    return this.view(caller, { ...row, facility });
  }

  private facts(caller: Acting, submittedById: string | null, facilityClosed: boolean): InspectionFacts {
    return { today: todayIn(), now: new Date(), actorId: caller.userId, submittedById, facilityClosed };
  }

  private async view(caller: Acting, inspection: InspectionWithFacility): Promise<InspectionView> {
    const actions = await this.correctiveActions.of(caller.work, [inspection.id]);
    return inspectionView(caller, inspection, actions.get(inspection.id) ?? []);
  }
}
