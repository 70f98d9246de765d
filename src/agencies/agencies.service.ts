import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { describeChanges, describeCreation } from '../audit/changes';
import { applyScope } from '../common/auth/scope';
import { checkIfMatch } from '../common/http/etag';
import { Page, paginate } from '../common/http/pagination';
import { escapeLike } from '../common/http/query-values';
import { findOneById } from '../common/database/find-one';
import type { Acting } from '../common/database/unit-of-work';
import { updateVersioned } from '../common/database/versioned-update';
import { Agency } from './agency.entity';
import { AgencyListQuery, CreateAgencyRequest, UpdateAgencyRequest } from './dto/agency.dto';

const SAFE_FIELDS = ['name', 'type', 'registrationNumber'] as const;

@Injectable()
export class AgenciesService {
  constructor(
    private readonly audit: AuditService,
  ) {}

  private scoped(caller: Acting) {
    const query = caller.work.manager.createQueryBuilder(Agency, 'a');
    return applyScope(query, caller, { agencyIds: 'ARRAY[a.id]', provinceCodes: 'all' });
  }

  async create(caller: Acting, request: CreateAgencyRequest): Promise<Agency> {
    const agency = await caller.work.manager.save(
      caller.work.manager.create(Agency, { ...request, registrationNumber: request.registrationNumber ?? null }),
    );
    this.audit.record(caller.work, {
      action: 'agency.create',
      entityType: 'agency',
      entityId: agency.id,
      changes: describeCreation<Agency>(request, SAFE_FIELDS),
    });
    return agency;
  }

  get(caller: Acting, id: string): Promise<Agency> {
    return findOneById(this.scoped(caller), id, 'agency');
  }

  list(caller: Acting, query: AgencyListQuery): Promise<Page<Agency>> {
    const qb = this.scoped(caller);
    if (query.type) qb.andWhere('a.type = :type', { type: query.type });
    if (query.q) qb.andWhere(`a.name ILIKE '%' || :q || '%'`, { q: escapeLike(query.q) });
    return paginate(qb, query);
  }

  async update(caller: Acting, id: string, request: UpdateAgencyRequest, ifMatch?: string): Promise<Agency> {
    const agency = await findOneById(this.scoped(caller), id, 'agency', true);
    checkIfMatch(ifMatch, agency);
    const changes = describeChanges<Agency>(agency, request, SAFE_FIELDS);
    await updateVersioned(caller.work.manager, Agency, agency, request);
    this.audit.record(caller.work, { action: 'agency.update', entityType: 'agency', entityId: id, changes });
    return agency;
  }
}
