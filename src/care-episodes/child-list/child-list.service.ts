import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { ChildrenService } from '../../children/children.service';
import type { Child } from '../../children/child.entity';
import type { ChildView } from '../../children/dto/child.dto';
import { ValidationFailed } from '../../common/errors/domain-errors';
import { Page, paginate } from '../../common/http/pagination';
import { escapeLike } from '../../common/http/query-values';
import { today } from '../../common/time/calendar';
import type { Acting } from '../../common/database/unit-of-work';
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

  async list(caller: Acting, query: ChildListQuery): Promise<Page<ChildView>> {
    let page: Page<Child>;
    if (!query.q) page = await paginate(this.filtered(caller, query), query);
    else {
      checkSearchText(query.q);
      // Exact first (the name as written, in any order and form); only when nothing matches, the
      // small misspellings: a common name would otherwise bring thousands of near matches.
      page = await paginate(this.byName(this.filtered(caller, query), query.q, 'exact'), query);
      if (page.items.length === 0 && !/[\u1780-\u17FF]/.test(query.q)) {
        await caller.work.manager.query(`SET LOCAL pg_trgm.word_similarity_threshold = 0.5`);
        page = await paginate(this.byName(this.filtered(caller, query), query.q, 'similar'), query);
      }
    }
    // Which children were shown, and that a search found them; never what was searched for.
    this.audit.record(caller.work, { action: 'child.list', entityType: 'child', changes: { childIds: page.items.map((c) => c.id), ...(query.q ? { search: true } : {}) } });
    return { items: await this.children.views(caller.work, page.items), nextCursor: page.nextCursor };
  }

  /** The children in scope that the list's filters (their own fields and their current case's) keep. */
  private filtered(caller: Acting, query: ChildListQuery) {
    const qb = this.children.scoped(caller);
    if (query.homeProvinceCode) qb.andWhere('c.home_province_code = :homeProvinceCode', { homeProvinceCode: query.homeProvinceCode });
    if (query.sex) qb.andWhere('c.sex = :sex', { sex: query.sex });
    if (query.systemCode) qb.andWhere('c.system_code = :systemCode', { systemCode: query.systemCode.toUpperCase() });
    if (query.externalId) qb.andWhere('c.external_id = :externalId', { externalId: query.externalId });
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
    return qb;
  }

  /** A name in either script (the stored keys of migrations 1764800000000 and 1764900000000), or a system code. */
  private byName(qb: ReturnType<ChildrenService['scoped']>, q: string, match: 'exact' | 'similar') {
    const matching = (condition: string) => `c.id IN (SELECT k.child_id FROM child_search_keys k WHERE ${condition})`;
    if (SYSTEM_CODE.test(q.trim())) return qb.andWhere('c.system_code = upper(trim(:code))', { code: q });
    if (/[\u1780-\u17FF]/.test(q)) return qb.andWhere(matching(`k.key LIKE '%' || rcf_khmer_key(:q) || '%'`), { q: escapeLike(q) });
    // An agency's own id for the child, as its case system shows it, finds the child too. One list of
    // ids, not an OR beside the keys: with the OR, PostgreSQL scanned every child in scope.
    if (match === 'exact') {
      const byKey = `SELECT k.child_id FROM child_search_keys k WHERE k.key LIKE '%' || rcf_latin_key(:q) || '%'`;
      return qb.andWhere(`c.id IN (${byKey} UNION ALL SELECT x.id FROM children x WHERE x.external_id = trim(:raw))`, { q: escapeLike(q), raw: q });
    }
    return qb.andWhere(matching(`rcf_latin_key(:q) <% k.key`), { q: escapeLike(q) });
  }
}

const SYSTEM_CODE = /^CH-?[0-9A-Z]{10}$/i;

/** A search holds a name (two letters at least) or a system code. */
function checkSearchText(q: string): void {
  if (SYSTEM_CODE.test(q.trim()) || /[\u1780-\u17FF]/.test(q)) return;
  if ((q.normalize('NFD').match(/[a-z]/gi) ?? []).length < 2) throw new ValidationFailed([{ field: 'q', messages: ['q must hold at least two letters of a name, or a system code'] }]);
}
