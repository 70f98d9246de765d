import { Injectable } from '@nestjs/common';
import { Agency } from '../agencies/agency.entity';
import { AuditService } from '../audit/audit.service';
import { describeChanges } from '../audit/changes';
import { isNational } from '../common/auth/caller';
import { applyScope } from '../common/auth/scope';
import { findOneById } from '../common/database/find-one';
import type { Acting, UnitOfWork } from '../common/database/unit-of-work';
import { updateVersioned } from '../common/database/versioned-update';
import { Conflict, FieldError, ValidationFailed } from '../common/errors/domain-errors';
import { checkIfMatch } from '../common/http/etag';
import { Page, paginate } from '../common/http/pagination';
import { escapeLike } from '../common/http/query-values';
import { runStep } from '../common/state-machine/steps';
import { applyCreation } from '../common/state-machine/transition-table';
import { today as todayIn } from '../common/time/calendar';
import { RegistryEventsService } from '../registry-events/registry-events.service';
import type { FacilityBodies } from './domain/facility.bodies';
import { facilityEffects } from './domain/facility.effects';
import { facilityTransitions, type FacilityAction } from './domain/facility.transitions';
import { CreateFacilityRequest, FacilityListQuery, FacilityView, UpdateFacilityRequest } from './dto/facility.dto';
import { paginateSorted } from '../common/http/sorting';
import { FACILITY_SORT_KEYS, INSPECTION_OVERDUE_SQL } from './facility-sorting';
import { PlacesService } from '../places/places.service';
import { Facility } from './facility.entity';
import { FacilityMouReader, FacilityResidentReader } from './facility-ports';
import { facilityView, type FacilitySurroundings } from './facility.view';

const SAFE_FIELDS = ['name', 'nameKm', 'type', 'operatorAgencyId', 'provinceCode', 'district', 'commune', 'village', 'districtCode', 'communeCode', 'villageCode', 'capacity'] as const;

/** Facilities a caller may see: its agency's (ngo_worker) or its provinces' (inspector, social_worker). */
export function facilityScope(alias = 'f') {
  return { agencyIds: `ARRAY[${alias}.operator_agency_id]`, provinceCodes: `ARRAY[${alias}.province_code]` };
}

/** A facility's Latin name as compared for duplicates. */
const FACILITY_NAME_KEY = (sql: string) => `regexp_replace(lower(unaccent(${sql})), '[^a-z0-9]', '', 'g')`;

@Injectable()
export class FacilitiesService {
  constructor(
    private readonly audit: AuditService,
    private readonly events: RegistryEventsService,
    private readonly mous: FacilityMouReader,
    private readonly residents: FacilityResidentReader,
    private readonly places: PlacesService,
  ) {}

  scoped(caller: Acting) {
    return applyScope(caller.work.manager.createQueryBuilder(Facility, 'f'), caller, facilityScope());
  }

  /** The facility if the caller may see it, locked for the rest of the transaction when asked. */
  findInScope(caller: Acting, id: string, lock = false): Promise<Facility> {
    return findOneById(this.scoped(caller), id, 'facility', lock);
  }

  async create(caller: Acting, request: CreateFacilityRequest): Promise<FacilityView> {
    return this.view(caller, await this.register(caller, request));
  }

  /** Registers a facility (checked, numbered, its first event recorded): the entity, without its view. */
  async register(caller: Acting, request: CreateFacilityRequest): Promise<Facility> {
    const status = applyCreation(facilityTransitions, { action: 'register', role: caller.role, facts: { hasActiveMou: false, residentCount: 0, today: todayIn() } });
    await this.checkReferences(caller, request);
    // Names typed in are the gazetteer's places, and give their codes where none were sent.
    request = await this.places.withNamedCodes(request.provinceCode, request, request);
    await this.places.check(request);
    const { confirmNotDuplicate, ...fields } = request;
    if (!confirmNotDuplicate) await this.refuseLikelyDuplicate(caller.work, fields);
    const [{ number }] = await caller.work.manager.query<{ number: string }[]>(`SELECT nextval('facility_registry_number_seq') AS number`);
    const facility = await caller.work.manager.save(
      caller.work.manager.create(Facility, {
        ...fields,
        nameKm: request.nameKm ?? null,
        district: request.district ?? null,
        commune: request.commune ?? null,
        village: request.village ?? null,
        districtCode: request.districtCode ?? null,
        communeCode: request.communeCode ?? null,
        villageCode: request.villageCode ?? null,
        registryCode: `RCF-${request.provinceCode}-${number.padStart(5, '0')}`,
        status,
      }),
    );
    await this.events.record(caller.work, {
      entityType: 'facility',
      entityId: facility.id,
      action: 'create',
      from: null,
      to: status,
      payload: { registryCode: facility.registryCode, provinceCode: facility.provinceCode, type: facility.type },
    });
    return facility;
  }

  async get(caller: Acting, id: string): Promise<FacilityView> {
    return this.view(caller, await this.findInScope(caller, id));
  }

  async list(caller: Acting, query: FacilityListQuery): Promise<Page<FacilityView>> {
    const qb = this.scoped(caller);
    const today = todayIn();
    if (query.provinceCode) qb.andWhere('f.province_code = :provinceCode', { provinceCode: query.provinceCode });
    if (query.type) qb.andWhere('f.type = :type', { type: query.type });
    if (query.status) qb.andWhere('f.status = :status', { status: query.status });
    if (query.operatorAgencyId) qb.andWhere('f.operator_agency_id = :operatorAgencyId', { operatorAgencyId: query.operatorAgencyId });
    // By name in either script, or by the registry code printed on paper forms (RCF-02-00032).
    if (query.q) qb.andWhere(`(f.name ILIKE '%' || :q || '%' OR f.name_km ILIKE '%' || :q || '%' OR f.registry_code ILIKE :q || '%')`, { q: escapeLike(query.q.trim()) });
    if (query.inspectionOverdue !== undefined) {
      qb.andWhere(`${query.inspectionOverdue ? '' : 'NOT '}(${INSPECTION_OVERDUE_SQL})`, { today });
    }
    if (query.withoutActiveMou !== undefined) {
      qb.andWhere(`${query.withoutActiveMou ? 'NOT ' : ''}(${this.mous.inForceSql()})`, { today });
    }
    const page = await paginateSorted(qb, query, FACILITY_SORT_KEYS, paginate);
    return { items: await this.views(caller, page.items), nextCursor: page.nextCursor };
  }

  async update(caller: Acting, id: string, request: UpdateFacilityRequest, ifMatch?: string): Promise<FacilityView> {
    const facility = await this.findInScope(caller, id, true);
    checkIfMatch(ifMatch, facility);
    await this.checkReferences(caller, request);
    // Names typed in are the gazetteer's places (their codes filled in), like at registration.
    if (request.district || request.commune || request.village) {
      const names = { district: request.district ?? facility.district, commune: request.commune ?? facility.commune, village: request.village ?? facility.village };
      request = await this.places.withNamedCodes(request.provinceCode ?? facility.provinceCode, names, request);
    }
    // The codes as they will be, the ones sent over the ones kept, checked against the province.
    await this.places.check({
      provinceCode: request.provinceCode ?? facility.provinceCode,
      districtCode: request.districtCode === undefined ? facility.districtCode : request.districtCode,
      communeCode: request.communeCode === undefined ? facility.communeCode : request.communeCode,
      villageCode: request.villageCode === undefined ? facility.villageCode : request.villageCode,
    });
    const changes = describeChanges<Facility>(facility, request, SAFE_FIELDS);
    await updateVersioned(caller.work.manager, Facility, facility, request);
    this.audit.record(caller.work, { action: 'facility.update', entityType: 'facility', entityId: id, changes });
    return this.view(caller, facility);
  }

  async act<A extends FacilityAction>(caller: Acting, id: string, action: A, body: FacilityBodies[A], ifMatch?: string): Promise<FacilityView> {
    const facility = await this.findInScope(caller, id, true);
    checkIfMatch(ifMatch, facility);
    const today = todayIn();
    // Loaded once: for the guards here, and for the answer (an action changes neither).
    const surroundings = await this.surroundings(caller.work, [facility], today);
    const facts = { hasActiveMou: surroundings.mous.get(facility.id)?.status === 'active', residentCount: surroundings.residents.get(facility.id) ?? 0, today };
    const step = runStep(facilityTransitions, facilityEffects[action], { action, record: facility, body, role: caller.role, facts });
    await updateVersioned(caller.work.manager, Facility, facility, { ...step.changes, status: step.to });
    await this.events.record(caller.work, { entityType: 'facility', entityId: id, action, from: step.from, to: step.to, reason: step.reason ?? null, payload: step.payload });
    return facilityView(caller, facility, surroundings, today);
  }

  async view(caller: Acting, facility: Facility): Promise<FacilityView> {
    return (await this.views(caller, [facility]))[0];
  }

  private async views(caller: Acting, facilities: Facility[]): Promise<FacilityView[]> {
    const today = todayIn();
    const surroundings = await this.surroundings(caller.work, facilities, today);
    return facilities.map((f) => facilityView(caller, f, surroundings, today));
  }

  private async surroundings(work: UnitOfWork, facilities: Facility[], today: string): Promise<FacilitySurroundings> {
    const ids = facilities.map((f) => f.id);
    // One after the other: both run on the request's single transaction connection.
    const mous = await this.mous.currentMous(work, ids, today);
    const residents = await this.residents.forFacilities(work, ids);
    const outcomes = new Map(
      (
        await work.manager.query<{ facility_id: string; outcome: string }[]>(
          `SELECT DISTINCT ON (facility_id) facility_id, outcome FROM inspections
           WHERE status = 'approved' AND facility_id = ANY($1) ORDER BY facility_id, conducted_on DESC, approved_at DESC`,
          [ids],
        )
      ).map((r) => [r.facility_id, r.outcome]),
    );
    const places = new Map<string, FacilityView['places']>();
    for (const f of facilities) places.set(f.id, await this.places.named(f));
    return { mous, residents, outcomes, places };
  }

  /**
   * The same facility registered twice (two inspectors, two mapping sheets): the same name in either
   * script without case, accents, spacing or punctuation (numbers count: Hope Centre 1 is not Hope
   * Centre 2), in the same province and commune.
   */
  private async refuseLikelyDuplicate(work: UnitOfWork, request: Pick<CreateFacilityRequest, 'name' | 'nameKm' | 'provinceCode' | 'commune'>): Promise<void> {
    const candidates = await this.likelyDuplicates(work, request);
    if (candidates.length > 0) {
      throw new Conflict('POSSIBLE_DUPLICATE_FACILITY', 'A facility with this name is already registered in this province: check the candidates, and send confirmNotDuplicate: true if it is another one.', { candidates });
    }
  }

  /** Facilities already registered that a new one with these fields is likely to be. */
  async likelyDuplicates(work: UnitOfWork, request: Pick<CreateFacilityRequest, 'name' | 'nameKm' | 'provinceCode' | 'commune'>) {
    return work.manager.query<{ id: string; registryCode: string; name: string; nameKm: string | null; status: string }[]>(
      `SELECT id, registry_code AS "registryCode", name, name_km AS "nameKm", status FROM facilities
       WHERE province_code = $1 AND ($4::text IS NULL OR commune IS NULL OR lower(commune) = lower($4))
         AND (${FACILITY_NAME_KEY('name')} = ${FACILITY_NAME_KEY('$2')} OR ($3::text IS NOT NULL AND name_km IS NOT NULL AND rcf_khmer_key(name_km) = rcf_khmer_key($3)))
       ORDER BY created_at LIMIT 10`,
      [request.provinceCode, request.name, request.nameKm ?? null, request.commune ?? null],
    );
  }

  private async checkReferences(caller: Acting, request: Partial<CreateFacilityRequest>): Promise<void> {
    const errors: FieldError[] = [];
    if (request.operatorAgencyId && !(await caller.work.manager.existsBy(Agency, { id: request.operatorAgencyId }))) {
      errors.push({ field: 'operatorAgencyId', messages: ['no agency has this id'] });
    }
    if (request.provinceCode && !isNational(caller) && !caller.provinceCodes.includes(request.provinceCode)) {
      errors.push({ field: 'provinceCode', messages: ['you may only register facilities in your provinces'] });
    }
    if (errors.length > 0) throw new ValidationFailed(errors);
  }
}
