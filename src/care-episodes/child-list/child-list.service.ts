import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { ChildrenService } from '../../children/children.service';
import type { ChildView } from '../../children/dto/child.dto';
import type { Caller } from '../../common/auth/caller';
import { Page, paginate } from '../../common/http/pagination';
import { today } from '../../common/time/calendar';
import { episodeConditions } from '../episode-filters';
import type { ChildListQuery } from './child-list.dto';

/**
 * Children in scope, by their own fields and by their case: a read across both records, so it
 * lives here, above children, which knows nothing of episodes.
 */
@Injectable()
export class ChildListService {
  constructor(
    private readonly audit: AuditService,
    private readonly children: ChildrenService,
  ) {}

  async list(caller: Caller, query: ChildListQuery): Promise<Page<ChildView>> {
    const qb = this.children.scoped(caller);
    if (query.homeProvinceCode) qb.andWhere('c.home_province_code = :homeProvinceCode', { homeProvinceCode: query.homeProvinceCode });
    if (query.sex) qb.andWhere('c.sex = :sex', { sex: query.sex });
    if (query.systemCode) qb.andWhere('c.system_code = :systemCode', { systemCode: query.systemCode.toUpperCase() });
    // Episode filters apply to the child's open episode, or its latest when all are closed.
    const conditions = episodeConditions('ce', query, today());
    if (conditions.sql.length > 0) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM care_episodes ce WHERE ce.id = (SELECT le.id FROM care_episodes le WHERE le.child_id = c.id
           ORDER BY (le.status <> 'closed') DESC, le.created_at DESC LIMIT 1) AND ${conditions.sql.join(' AND ')})`,
      );
      qb.setParameters({ ...qb.getParameters(), ...conditions.params });
    }
    const page = await paginate(qb, query);
    await this.audit.record({ action: 'child.list', entityType: 'child', changes: { childIds: page.items.map((c) => c.id) } });
    return { items: await this.children.views(page.items), nextCursor: page.nextCursor };
  }
}
