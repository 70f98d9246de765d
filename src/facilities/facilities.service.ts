import { Injectable } from '@nestjs/common';
import { Agency } from '../agencies/agency.entity';
import { escapeLike } from '../common/http/query-values';
import { findOneById } from '../common/database/find-one';
import { describeChanges } from '../audit/changes';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/auth/caller';
import { isNational } from '../common/auth/caller';
import { applyScope } from '../common/auth/scope';
import { Database } from '../common/database/database.service';
import { FieldError, ValidationFailed } from '../common/errors/domain-errors';
import { checkIfMatch } from '../common/http/etag';
import { Page, paginate } from '../common/http/pagination';
import { allowedActions, applyTransition } from '../common/state-machine/transition-table';
import { addDays, addMonths, today as todayIn, TIME_ZONE } from '../common/time/calendar';
import { INSPECTION_INTERVAL_MONTHS } from '../inspections/domain/checklist';
import { effectiveMouStatus, isInForce, MOU_IN_FORCE_SQL } from '../mous/domain/mou';
import { Mou } from '../mous/mou.entity';
import { RegistryEventsService } from '../registry-events/registry-events.service';
import { OPERATING_STATUSES, REMEDIATION_DEFAULT_DAYS } from './domain/facility';
import { facilityTransitions, type FacilityAction, type FacilityFacts } from './domain/facility.transitions';
import { BeginTransitionRequest, RequireRemediationRequest } from './dto/facility-actions.dto';
import { CreateFacilityRequest, CurrentMouView, FacilityListQuery, FacilityView, UpdateFacilityRequest } from './dto/facility.dto';
import { Facility } from './facility.entity';
import { ResidentCounts } from './resident-counts';

const SAFE_FIELDS = ['name', 'nameKm', 'type', 'operatorAgencyId', 'provinceCode', 'district', 'commune', 'village', 'capacity'] as const;

export type FacilityActionBody = Partial<RequireRemediationRequest & BeginTransitionRequest>;

/** Facilities a caller may see: its agency's (ngo_worker) or its provinces' (inspector, social_worker). */
export function facilityScope(caller: Caller, alias = 'f') {
  return { agencyIds: `ARRAY[${alias}.operator_agency_id]`, provinceCodes: `ARRAY[${alias}.province_code]` };
}

@Injectable()
export class FacilitiesService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly events: RegistryEventsService,
    private readonly residents: ResidentCounts,
  ) {}

  scoped(caller: Caller) {
    return applyScope(this.db.manager.createQueryBuilder(Facility, 'f'), caller, facilityScope(caller));
  }

  /** The facility if the caller may see it, locked for the rest of the transaction when asked. */
  findInScope(caller: Caller, id: string, lock = false): Promise<Facility> {
    return findOneById(this.scoped(caller), id, 'facility', lock);
  }

  async create(caller: Caller, request: CreateFacilityRequest): Promise<FacilityView> {
    await this.checkReferences(caller, request);
    const [{ number }] = await this.db.manager.query<{ number: string }[]>(`SELECT nextval('facility_registry_number_seq') AS number`);
    const facility = await this.db.manager.save(
      this.db.manager.create(Facility, {
        ...request,
        nameKm: request.nameKm ?? null,
        district: request.district ?? null,
        commune: request.commune ?? null,
        village: request.village ?? null,
        registryCode: `RCF-${request.provinceCode}-${number.padStart(5, '0')}`,
        status: 'identified',
      }),
    );
    await this.events.record({
      entityType: 'facility',
      entityId: facility.id,
      action: 'create',
      from: null,
      to: 'identified',
      payload: { registryCode: facility.registryCode, provinceCode: facility.provinceCode, type: facility.type },
    });
    return this.view(caller, facility);
  }

  async get(caller: Caller, id: string): Promise<FacilityView> {
    return this.view(caller, await this.findInScope(caller, id));
  }

  async list(caller: Caller, query: FacilityListQuery): Promise<Page<FacilityView>> {
    const qb = this.scoped(caller);
    const today = todayIn();
    if (query.provinceCode) qb.andWhere('f.province_code = :provinceCode', { provinceCode: query.provinceCode });
    if (query.type) qb.andWhere('f.type = :type', { type: query.type });
    if (query.status) qb.andWhere('f.status = :status', { status: query.status });
    if (query.operatorAgencyId) qb.andWhere('f.operator_agency_id = :operatorAgencyId', { operatorAgencyId: query.operatorAgencyId });
    if (query.q) qb.andWhere(`(f.name ILIKE '%' || :q || '%' OR f.name_km ILIKE '%' || :q || '%')`, { q: escapeLike(query.q) });
    if (query.inspectionOverdue !== undefined) {
      qb.andWhere(`${query.inspectionOverdue ? '' : 'NOT '}(${INSPECTION_OVERDUE_SQL})`, { today, operating: OPERATING_STATUSES });
    }
    if (query.withoutActiveMou !== undefined) {
      qb.andWhere(`${query.withoutActiveMou ? 'NOT ' : ''}EXISTS (SELECT 1 FROM mous m WHERE m.facility_id = f.id AND ${MOU_IN_FORCE_SQL})`, { today });
    }
    const page = await paginate(qb, query);
    return { items: await this.views(caller, page.items), nextCursor: page.nextCursor };
  }

  async update(caller: Caller, id: string, request: UpdateFacilityRequest, ifMatch?: string): Promise<FacilityView> {
    const facility = await this.findInScope(caller, id, true);
    checkIfMatch(ifMatch, facility);
    await this.checkReferences(caller, request);
    const changes = describeChanges<Facility>(facility, request, SAFE_FIELDS);
    Object.assign(facility, request, { version: facility.version + 1 });
    const saved = await this.db.manager.save(facility);
    await this.audit.record({ action: 'facility.update', entityType: 'facility', entityId: id, changes });
    return this.view(caller, saved);
  }

  async act(caller: Caller, id: string, action: FacilityAction, body: FacilityActionBody, ifMatch?: string): Promise<FacilityView> {
    const facility = await this.findInScope(caller, id, true);
    checkIfMatch(ifMatch, facility);
    const today = todayIn();
    const deadline = action === 'requireRemediation' ? (body.deadline ?? addDays(today, REMEDIATION_DEFAULT_DAYS)) : undefined;
    // Loaded once: for the guards here, and for the answer (an action changes neither).
    const surroundings = await this.surroundings([facility.id], today);
    const facts: FacilityFacts = {
      hasActiveMou: surroundings.mous.get(facility.id)?.status === 'active',
      residentCount: surroundings.residents.get(facility.id) ?? 0,
      today,
      deadline,
      targetDate: body.targetDate,
    };
    const from = facility.status;
    const to = applyTransition(facilityTransitions, { action, from, role: caller.role, facts });
    const payload: Record<string, unknown> = {};
    if (deadline) payload.deadline = facility.remediationDeadline = deadline;
    if (action === 'clearRemediation') facility.remediationDeadline = null;
    if (action === 'beginTransition') {
      payload.targetDate = facility.transitionTargetDate = body.targetDate ?? null;
      facility.transitionTargetService = body.targetService ?? null;
    }
    facility.status = to;
    facility.version += 1;
    const saved = await this.db.manager.save(facility);
    await this.events.record({ entityType: 'facility', entityId: id, action, from, to, reason: body.reason ?? null, payload });
    return this.toViews(caller, [saved], surroundings, today)[0];
  }

  /** Per facility: the MoU in force today, else the latest one that was active and has expired. */
  private async currentMous(facilityIds: string[], today: string): Promise<Map<string, CurrentMouView>> {
    if (facilityIds.length === 0) return new Map();
    const mous = await this.db.manager
      .createQueryBuilder(Mou, 'm')
      .where('m.facility_id IN (:...facilityIds)', { facilityIds })
      .andWhere(`m.status = 'active'`)
      .orderBy('m.starts_on', 'DESC')
      .getMany();
    const current = new Map<string, CurrentMouView>();
    for (const mou of mous) {
      const status = isInForce(mou, today) ? 'active' : effectiveMouStatus(mou, today) === 'expired' ? 'expired' : undefined;
      if (!status || current.get(mou.facilityId)?.status === 'active') continue;
      current.set(mou.facilityId, { id: mou.id, referenceNumber: mou.referenceNumber, status, startsOn: mou.startsOn, endsOn: mou.endsOn });
    }
    return current;
  }

  async view(caller: Caller, facility: Facility): Promise<FacilityView> {
    return (await this.views(caller, [facility]))[0];
  }

  private async views(caller: Caller, facilities: Facility[]): Promise<FacilityView[]> {
    const today = todayIn();
    return this.toViews(caller, facilities, await this.surroundings(facilities.map((f) => f.id), today), today);
  }

  /** The current MoUs and resident counts of some facilities. */
  private async surroundings(ids: string[], today: string) {
    // One after the other: both run on the request's single transaction connection.
    const mous = await this.currentMous(ids, today);
    const residents = await this.residents.forFacilities(ids);
    return { mous, residents };
  }

  private toViews(
    caller: Caller,
    facilities: Facility[],
    { mous, residents }: { mous: Map<string, CurrentMouView>; residents: Map<string, number> },
    today: string,
  ): FacilityView[] {
    return facilities.map((f) => {
      const nextInspectionDue = nextInspectionDueOn(f);
      const currentMou = mous.get(f.id) ?? null;
      return {
        id: f.id,
        registryCode: f.registryCode,
        name: f.name,
        nameKm: f.nameKm,
        type: f.type,
        operatorAgencyId: f.operatorAgencyId,
        provinceCode: f.provinceCode,
        district: f.district,
        commune: f.commune,
        village: f.village,
        capacity: f.capacity,
        status: f.status,
        allowedActions: allowedActions(facilityTransitions, f.status, caller.role) as FacilityAction[],
        residents: residents.get(f.id) ?? 0,
        hasActiveMou: currentMou?.status === 'active',
        currentMou,
        lastApprovedInspectionOn: f.lastApprovedInspectionOn,
        nextInspectionDue,
        inspectionOverdue: nextInspectionDue !== null && nextInspectionDue < today,
        remediationDeadline: f.remediationDeadline,
        transitionTargetService: f.transitionTargetService,
        transitionTargetDate: f.transitionTargetDate,
        version: f.version,
        createdAt: f.createdAt,
        updatedAt: f.updatedAt,
      };
    });
  }

  private async checkReferences(caller: Caller, request: Partial<CreateFacilityRequest>): Promise<void> {
    const errors: FieldError[] = [];
    if (request.operatorAgencyId && !(await this.db.manager.existsBy(Agency, { id: request.operatorAgencyId }))) {
      errors.push({ field: 'operatorAgencyId', messages: ['no agency has this id'] });
    }
    if (request.provinceCode && !isNational(caller) && !caller.provinceCodes.includes(request.provinceCode)) {
      errors.push({ field: 'provinceCode', messages: ['you may only register facilities in your provinces'] });
    }
    if (errors.length > 0) throw new ValidationFailed(errors);
  }
}

/** 12 months after the last approved inspection; at once (the day it was registered) if none. */
export function nextInspectionDueOn(facility: Pick<Facility, 'status' | 'lastApprovedInspectionOn' | 'createdAt'>): string | null {
  if (!OPERATING_STATUSES.includes(facility.status)) return null;
  if (facility.lastApprovedInspectionOn) return addMonths(facility.lastApprovedInspectionOn, INSPECTION_INTERVAL_MONTHS);
  return todayIn(facility.createdAt);
}

/** nextInspectionDueOn in SQL (alias `f`, parameters `:today` and `:operating`). */
export const INSPECTION_OVERDUE_SQL = `f.status IN (:...operating) AND coalesce(
  (f.last_approved_inspection_on + interval '${INSPECTION_INTERVAL_MONTHS} months')::date,
  (f.created_at AT TIME ZONE '${TIME_ZONE}')::date) < :today`;
