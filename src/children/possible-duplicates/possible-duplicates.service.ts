import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { isNational } from '../../common/auth/caller';
import { findOneById } from '../../common/database/find-one';
import type { Acting } from '../../common/database/unit-of-work';
import { updateVersioned } from '../../common/database/versioned-update';
import { checkIfMatch } from '../../common/http/etag';
import { Page, paginate } from '../../common/http/pagination';
import { allowedActions, applyCreation, applyTransition } from '../../common/state-machine/transition-table';
import { Child } from '../child.entity';
import { scopeChildren } from '../child-scope';
import { possibleDuplicateTransitions } from './domain/possible-duplicate.transitions';
import { PossibleDuplicate } from './possible-duplicate.entity';
import type { DismissDuplicateRequest, PossibleDuplicateListQuery, PossibleDuplicateView } from './possible-duplicate.dto';

/**
 * Pairs of child records to review. A social worker sees a pair only when both children are in its
 * scope, so a pair never names a child the caller could not read; admins see every pair.
 */
@Injectable()
export class PossibleDuplicatesService {
  constructor(
    private readonly audit: AuditService,
  ) {}

  /** Flags a new record against the records it matched (in scope or not). */
  async flag(caller: Acting, childId: string, candidateIds: string[]): Promise<void> {
    applyCreation(possibleDuplicateTransitions, { action: 'flag', role: caller.role, facts: {} });
    await caller.work.manager.insert(
      PossibleDuplicate,
      candidateIds.map((candidateId) => ({ childId, candidateId, status: 'open' as const, flaggedById: caller.userId })),
    );
    this.audit.record(caller.work, { action: 'child.flag_possible_duplicate', entityType: 'child', entityId: childId, changes: { pairs: candidateIds.length } });
  }

  private scoped(caller: Acting) {
    const qb = caller.work.manager.createQueryBuilder(PossibleDuplicate, 'pd');
    if (isNational(caller)) return qb;
    for (const column of ['child_id', 'candidate_id']) {
      const visible = scopeChildren(caller.work.manager.createQueryBuilder(Child, 'c').select('c.id'), caller).andWhere(`c.id = pd.${column}`);
      qb.andWhere(`EXISTS (${visible.getQuery()})`).setParameters({ ...qb.getParameters(), ...visible.getParameters() });
    }
    return qb;
  }

  async list(caller: Acting, query: PossibleDuplicateListQuery): Promise<Page<PossibleDuplicateView>> {
    const qb = this.scoped(caller).andWhere('pd.status = :status', { status: query.status ?? 'open' });
    const page = await paginate(qb, query);
    this.audit.record(caller.work, { action: 'child.list_possible_duplicates', entityType: 'child', changes: { pairs: page.items.length } });
    return { items: await this.views(caller, page.items), nextCursor: page.nextCursor };
  }

  async dismiss(caller: Acting, id: string, request: DismissDuplicateRequest, ifMatch?: string): Promise<PossibleDuplicateView> {
    const pair = await findOneById(this.scoped(caller), id, 'possible duplicate', true);
    checkIfMatch(ifMatch, pair);
    const to = applyTransition(possibleDuplicateTransitions, { action: 'dismiss', from: pair.status, role: caller.role, facts: {} });
    await updateVersioned(caller.work.manager, PossibleDuplicate, pair, { status: to, dismissedById: caller.userId, dismissedAt: new Date(), dismissalNote: request.note ?? null });
    this.audit.record(caller.work, { action: 'child.dismiss_possible_duplicate', entityType: 'child', entityId: pair.childId, changes: { pairId: id, candidateId: pair.candidateId } });
    return (await this.views(caller, [pair]))[0];
  }

  private async views(caller: Acting, pairs: PossibleDuplicate[]): Promise<PossibleDuplicateView[]> {
    const ids = [...new Set(pairs.flatMap((p) => [p.childId, p.candidateId]))];
    const codes = new Map(
      ids.length === 0 ? [] : (await caller.work.manager.query<{ id: string; system_code: string }[]>('SELECT id, system_code FROM children WHERE id = ANY($1)', [ids])).map((r) => [r.id, r.system_code]),
    );
    return pairs.map((p) => ({
      id: p.id,
      childId: p.childId,
      childSystemCode: codes.get(p.childId) ?? '',
      candidateId: p.candidateId,
      candidateSystemCode: codes.get(p.candidateId) ?? '',
      status: p.status,
      allowedActions: allowedActions(possibleDuplicateTransitions, p.status, caller.role),
      dismissedAt: p.dismissedAt,
      version: p.version,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    }));
  }
}
