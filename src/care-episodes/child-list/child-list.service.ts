import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { ChildrenService } from '../../children/children.service';
import type { ChildView } from '../../children/dto/child.dto';
import type { Caller } from '../../common/auth/caller';
import { Database } from '../../common/database/database.service';
import { ValidationFailed } from '../../common/errors/domain-errors';
import { Page, paginate } from '../../common/http/pagination';
import { escapeLike } from '../../common/http/query-values';
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
    private readonly db: Database,
  ) {}

  async list(caller: Caller, query: ChildListQuery): Promise<Page<ChildView>> {
    const qb = this.children.scoped(caller);
    if (query.homeProvinceCode) qb.andWhere('c.home_province_code = :homeProvinceCode', { homeProvinceCode: query.homeProvinceCode });
    if (query.sex) qb.andWhere('c.sex = :sex', { sex: query.sex });
    if (query.systemCode) qb.andWhere('c.system_code = :systemCode', { systemCode: query.systemCode.toUpperCase() });
    if (query.q) await this.byName(qb, query.q);
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
    // Which children were shown, and that a search found them; never what was searched for.
    await this.audit.record({ action: 'child.list', entityType: 'child', changes: { childIds: page.items.map((c) => c.id), ...(query.q ? { search: true } : {}) } });
    return { items: await this.children.views(page.items), nextCursor: page.nextCursor };
  }

  /** A name in either script (rcf_child_search_key, migration 1764800000000) or a system code. */
  private async byName(qb: ReturnType<ChildrenService['scoped']>, q: string): Promise<void> {
    const key = 'rcf_child_search_key(c.given_name, c.family_name, c.given_name_km, c.family_name_km)';
    if (/[\u1780-\u17FF]/.test(q)) {
      qb.andWhere(`${key} LIKE '%' || rcf_khmer_key(:q) || '%'`, { q: escapeLike(q) });
      return;
    }
    if ((q.normalize('NFD').match(/[a-z]/gi) ?? []).length < 2) throw new ValidationFailed([{ field: 'q', messages: ['q must hold at least two letters of a name, or a system code'] }]);
    // Small misspellings: a Latin name within this word similarity of part of the key matches.
    await this.db.manager.query(`SET LOCAL pg_trgm.word_similarity_threshold = 0.5`);
    qb.andWhere(`(c.system_code = upper(trim(:code)) OR ${key} LIKE '%' || rcf_latin_key(:q) || '%' OR rcf_latin_key(:q) <% ${key})`, { q: escapeLike(q), code: q });
  }
}
