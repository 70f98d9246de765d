import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { describeChanges, describeCreation } from '../audit/changes';
import type { Caller } from '../common/auth/caller';
import { applyScope } from '../common/auth/scope';
import { Database } from '../common/database/database.service';
import { checkIfMatch } from '../common/http/etag';
import { Page, paginate } from '../common/http/pagination';
import { escapeLike } from '../common/http/query-values';
import { findOneById } from '../common/database/find-one';
import { updateVersioned } from '../common/database/versioned-update';
import { Agency } from './agency.entity';
import { AgencyListQuery, CreateAgencyRequest, UpdateAgencyRequest } from './dto/agency.dto';

const SAFE_FIELDS = ['name', 'type', 'registrationNumber'] as const;

@Injectable()
export class AgenciesService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  private scoped(caller: Caller) {
    const query = this.db.manager.createQueryBuilder(Agency, 'a');
    return applyScope(query, caller, { agencyIds: 'ARRAY[a.id]', provinceCodes: 'all' });
  }

  async create(request: CreateAgencyRequest): Promise<Agency> {
    const agency = await this.db.manager.save(
      this.db.manager.create(Agency, { ...request, registrationNumber: request.registrationNumber ?? null }),
    );
    await this.audit.record({
      action: 'agency.create',
      entityType: 'agency',
      entityId: agency.id,
      changes: describeCreation<Agency>(request, SAFE_FIELDS),
    });
    return agency;
  }

  get(caller: Caller, id: string): Promise<Agency> {
    return findOneById(this.scoped(caller), id, 'agency');
  }

  list(caller: Caller, query: AgencyListQuery): Promise<Page<Agency>> {
    const qb = this.scoped(caller);
    if (query.type) qb.andWhere('a.type = :type', { type: query.type });
    if (query.q) qb.andWhere(`a.name ILIKE '%' || :q || '%'`, { q: escapeLike(query.q) });
    return paginate(qb, query);
  }

  async update(caller: Caller, id: string, request: UpdateAgencyRequest, ifMatch?: string): Promise<Agency> {
    const agency = await findOneById(this.scoped(caller), id, 'agency', true);
    checkIfMatch(ifMatch, agency);
    const changes = describeChanges<Agency>(agency, request, SAFE_FIELDS);
    await updateVersioned(this.db.manager, Agency, agency, request);
    await this.audit.record({ action: 'agency.update', entityType: 'agency', entityId: id, changes });
    return agency;
  }
}
