import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { ChildrenService } from '../../children/children.service';
import type { ChildView } from '../../children/dto/child.dto';
import type { Caller } from '../../common/auth/caller';
import { Page, paginate } from '../../common/http/pagination';
import { today } from '../../common/time/calendar';
import { EpisodeAccess } from '../episode-access';
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
    private readonly episodes: EpisodeAccess,
  ) {}

  async list(caller: Caller, query: ChildListQuery): Promise<Page<ChildView>> {
    const qb = this.children.scoped(caller);
    if (query.homeProvinceCode) qb.andWhere('c.home_province_code = :homeProvinceCode', { homeProvinceCode: query.homeProvinceCode });
    if (query.sex) qb.andWhere('c.sex = :sex', { sex: query.sex });
    if (query.systemCode) qb.andWhere('c.system_code = :systemCode', { systemCode: query.systemCode.toUpperCase() });
    // Episode filters apply to the child's open episode, or its latest when all are closed, among the
    // episodes the caller may read: a filter never matches a case the caller cannot see.
    const conditions = episodeConditions('ce', query, today());
    if (conditions.sql.length > 0) {
      const latest = this.episodes
        .scoped(caller, 'le')
        .select('le.id')
        .andWhere('le.child_id = c.id')
        .orderBy(`(le.status <> 'closed')`, 'DESC')
        .addOrderBy('le.created_at', 'DESC')
        .limit(1);
      qb.andWhere(`EXISTS (SELECT 1 FROM care_episodes ce WHERE ce.id = (${latest.getQuery()}) AND ${conditions.sql.join(' AND ')})`);
      qb.setParameters({ ...qb.getParameters(), ...latest.getParameters(), ...conditions.params });
    }
    const page = await paginate(qb, query);
    await this.audit.record({ action: 'child.list', entityType: 'child', changes: { childIds: page.items.map((c) => c.id) } });
    return { items: await this.children.views(page.items), nextCursor: page.nextCursor };
  }
}
