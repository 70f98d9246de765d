import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { describeChanges } from '../audit/changes';
import { scopeChildren } from './child-scope';
import { newRecordKey } from '../common/database/record-key';
import { PossibleDuplicatesService } from './possible-duplicates/possible-duplicates.service';
import { Conflict, ValidationFailed } from '../common/errors/domain-errors';
import { checkIfMatch } from '../common/http/etag';
import { findOneById } from '../common/database/find-one';
import type { Acting, UnitOfWork } from '../common/database/unit-of-work';
import { today } from '../common/time/calendar';
import { Child } from './child.entity';
import { PlacesService, type PlaceCodes } from '../places/places.service';
import { isLikelySameChild } from './domain/duplicate-match';
import { checkGuards } from '../common/state-machine/transition-table';
import { updateVersioned } from '../common/database/versioned-update';
import { birthNotInFuture } from './domain/child';
import { ChildView, CreateChildRequest, UpdateChildRequest } from './dto/child.dto';

/** Values that may enter the audit log; names and dates of birth never do. */
const SAFE_FIELDS = ['homeProvinceCode', 'parentalStatus'] as const;
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

@Injectable()
export class ChildrenService {
  constructor(
    private readonly audit: AuditService,
    private readonly duplicates: PossibleDuplicatesService,
    private readonly places: PlacesService,
  ) {}

  scoped(caller: Acting) {
    return scopeChildren(caller.work.manager.createQueryBuilder(Child, 'c'), caller);
  }

  findInScope(caller: Acting, id: string, lock = false): Promise<Child> {
    return findOneById(this.scoped(caller), id, 'child', lock);
  }

  async create(caller: Acting, request: CreateChildRequest): Promise<ChildView> {
    checkGuards('register', [birthNotInFuture], { today: today(), dateOfBirth: request.dateOfBirth });
    const { confirmNotDuplicate, externalId, ...identity } = request;
    const externalAgencyId = externalId ? await this.refuseTakenExternalId(caller, externalId) : null;
    await this.places.check(homeCodes(request), HOME_FIELDS);
    // Serialise registrations of the same birth date and province, so two racing duplicates are caught.
    await caller.work.manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 1))', [`${identity.dateOfBirth}:${identity.homeProvinceCode}`]);
    const sameBirth = await caller.work.manager.findBy(Child, { dateOfBirth: identity.dateOfBirth, homeProvinceCode: identity.homeProvinceCode });
    const candidates = sameBirth.filter((other) => isLikelySameChild(identity, other));
    if (candidates.length > 0 && !confirmNotDuplicate) await this.refuseAsPossibleDuplicate(caller, candidates);
    const child = await caller.work.manager.save(
      caller.work.manager.create(Child, {
        ...identity,
        givenNameKm: identity.givenNameKm ?? null,
        familyNameKm: identity.familyNameKm ?? null,
        externalId: externalId ?? null,
        externalAgencyId,
        homeDistrictCode: identity.homeDistrictCode ?? null,
        homeCommuneCode: identity.homeCommuneCode ?? null,
        homeVillageCode: identity.homeVillageCode ?? null,
        dateOfBirthEstimated: identity.dateOfBirthEstimated ?? false,
        birthRegistered: identity.birthRegistered ?? null,
        systemCode: newSystemCode(),
        recordKey: newRecordKey(),
        registeredByAgencyId: caller.role === 'ngo_worker' ? caller.agencyId : null,
        registeredInProvinceCodes:
          caller.role === 'ngo_worker' ? [] : caller.provinceCodes.length > 0 ? caller.provinceCodes : [identity.homeProvinceCode],
      }),
    );
    this.audit.record(caller.work, {
      action: 'child.create',
      entityType: 'child',
      entityId: child.id,
      changes: { homeProvinceCode: child.homeProvinceCode, confirmedNotDuplicate: confirmNotDuplicate ?? false, possibleDuplicates: candidates.length },
    });
    if (candidates.length > 0) await this.duplicates.flag(caller, child.id, candidates.map((c) => c.id));
    return (await this.views(caller.work, [child]))[0];
  }

  /**
   * A likely duplicate answers 409 with the candidates the caller may read; those outside its scope
   * are only counted, so the answer is no oracle for records elsewhere. The attempt is audited even
   * though the registration is refused.
   */
  private async refuseAsPossibleDuplicate(caller: Acting, candidates: Child[]): Promise<never> {
    const visible = await this.scoped(caller).andWhere('c.id IN (:...ids)', { ids: candidates.map((c) => c.id) }).getMany();
    const elsewhere = candidates.length - visible.length;
    const refusal = new Conflict(
      'POSSIBLE_DUPLICATE_CHILD',
      'A child with the same names, date of birth and home province is already registered. Check the candidates; if this is a different child, send again with confirmNotDuplicate: true.',
      { candidates: visible.map((c) => ({ id: c.id, systemCode: c.systemCode })), elsewhere },
    );
    refusal.auditNote = { action: 'child.possible_duplicate_refused', entityType: 'child', changes: { candidatesInScope: visible.length, candidatesElsewhere: elsewhere } };
    throw refusal;
  }

  async get(caller: Acting, id: string): Promise<ChildView> {
    const child = await this.findInScope(caller, id);
    this.audit.record(caller.work, { action: 'child.read', entityType: 'child', entityId: id });
    return (await this.views(caller.work, [child]))[0];
  }

  async update(caller: Acting, id: string, request: UpdateChildRequest, ifMatch?: string): Promise<ChildView> {
    const child = await this.findInScope(caller, id, true);
    checkIfMatch(ifMatch, child);
    checkGuards('update', [birthNotInFuture], { today: today(), dateOfBirth: request.dateOfBirth });
    // The codes as they will be, the ones sent over the ones kept.
    const kept = (key: 'homeDistrictCode' | 'homeCommuneCode' | 'homeVillageCode') => (request[key] === undefined ? child[key] : request[key]);
    await this.places.check(homeCodes({ homeProvinceCode: request.homeProvinceCode ?? child.homeProvinceCode, homeDistrictCode: kept('homeDistrictCode'), homeCommuneCode: kept('homeCommuneCode'), homeVillageCode: kept('homeVillageCode') }), HOME_FIELDS);
    const changes = describeChanges<Child>(child, request, SAFE_FIELDS);
    const saved = await updateVersioned(caller.work.manager, Child, child, request);
    this.audit.record(caller.work, { action: 'child.update', entityType: 'child', entityId: id, changes });
    return (await this.views(caller.work, [saved]))[0];
  }

  /** The agency an external id belongs to (the caller's): 409 when that agency already used it. */
  private async refuseTakenExternalId(caller: Acting, externalId: string): Promise<string> {
    if (!caller.agencyId) throw new ValidationFailed([{ field: 'externalId', messages: ['externalId belongs to an agency’s case system: your user has no agency'] }]);
    const [taken] = await caller.work.manager.query<{ id: string }[]>('SELECT id FROM children WHERE external_agency_id = $1 AND external_id = $2', [caller.agencyId, externalId]);
    if (taken) throw new Conflict('EXTERNAL_ID_EXISTS', 'Your agency already gave this externalId to a child.', { existingId: taken.id });
    return caller.agencyId;
  }

  /** Children as the API answers them, with their open episode. */
  /** System codes name no one: any caller who may read an episode may see its child's. */
  async systemCodes(work: UnitOfWork, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await work.manager.query<{ id: string; system_code: string }[]>('SELECT id, system_code FROM children WHERE id = ANY($1)', [ids]);
    return new Map(rows.map((r) => [r.id, r.system_code]));
  }

  async views(work: UnitOfWork, children: Child[]): Promise<ChildView[]> {
    const ids = children.map((c) => c.id);
    const open = new Map<string, string>(
      ids.length === 0
        ? []
        : (
            await work.manager.query<{ child_id: string; id: string }[]>(
              `SELECT child_id, id FROM care_episodes WHERE child_id = ANY($1) AND status <> 'closed'`,
              [ids],
            )
          ).map((r) => [r.child_id, r.id]),
    );
    const homePlaces = new Map<string, ChildView['homePlaces']>();
    for (const c of children) homePlaces.set(c.id, await this.places.named(homeCodes(c)));
    return children.map((c) => ({
      id: c.id,
      systemCode: c.systemCode,
      givenName: c.givenName,
      familyName: c.familyName,
      givenNameKm: c.givenNameKm,
      familyNameKm: c.familyNameKm,
      sex: c.sex,
      dateOfBirth: c.dateOfBirth,
      dateOfBirthEstimated: c.dateOfBirthEstimated,
      birthRegistered: c.birthRegistered,
      disability: c.disability,
      parentalStatus: c.parentalStatus,
      homeProvinceCode: c.homeProvinceCode,
      externalId: c.externalId,
      homeDistrictCode: c.homeDistrictCode,
      homeCommuneCode: c.homeCommuneCode,
      homeVillageCode: c.homeVillageCode,
      homePlaces: homePlaces.get(c.id)!,
      openEpisodeId: open.get(c.id) ?? null,
      version: c.version,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    }));
  }
}

/** A child's home as places, and the names its request gives their codes. */
const HOME_FIELDS = { districtCode: 'homeDistrictCode', communeCode: 'homeCommuneCode', villageCode: 'homeVillageCode' };
function homeCodes(c: { homeProvinceCode: string; homeDistrictCode?: string | null; homeCommuneCode?: string | null; homeVillageCode?: string | null }): PlaceCodes {
  return { provinceCode: c.homeProvinceCode, districtCode: c.homeDistrictCode, communeCode: c.homeCommuneCode, villageCode: c.homeVillageCode };
}

function newSystemCode(): string {
  // 50 random bits: a collision among a million children is a one-in-two-thousand event, and would
  // only refuse that one registration (a unique index holds the codes).
  const bytes = randomBytes(10);
  return `CH-${Array.from(bytes, (b) => CODE_ALPHABET[b % 32]).join('')}`;
}
