import { Injectable } from '@nestjs/common';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { EpisodeAccess } from '../care-episodes/episode-access';
import { RESIDENT_STATUSES } from '../care-episodes/domain/care-episode';
import { applyScope } from '../common/auth/scope';
import { sqlList } from '../common/database/sql';
import type { Acting } from '../common/database/unit-of-work';
import { addDays, TIME_ZONE, today as todayIn } from '../common/time/calendar';
import { OPERATING_STATUSES } from '../facilities/domain/facility';
import { facilityScope } from '../facilities/facilities.service';
import { FACILITY_SORT_KEYS } from '../facilities/facility-sorting';
import {
  DAYS_TO_ANSWER_HANDOVER,
  DAYS_TO_APPROVE_INSPECTION,
  DAYS_TO_START_ASSESSMENT,
  DEFAULT_WITHIN_DAYS,
  KINDS_BY_ROLE,
  soonestFirst,
  type WorkItem,
  type WorkKind,
} from './domain/worklist-kinds';
import type { WorklistQuery } from './worklist.dto';

type Row = { due_on: string; entity_id: string; summary: string };
const MAX_ITEMS = 500;

/** What each kind of work is about. */
const ENTITY: Record<WorkKind, string> = {
  visit_due: 'care_episode',
  review_due: 'care_episode',
  referral_waiting: 'care_episode',
  handover_waiting: 'case_handover',
  inspection_due: 'facility',
  inspection_awaiting_approval: 'inspection',
  corrective_action_due: 'corrective_action',
  mou_expiring: 'mou',
};

/**
 * What the caller should act on, soonest first: each kind read with the scope of the records it
 * is about, so a worklist never shows work outside the caller's cases or facilities.
 */
@Injectable()
export class WorklistService {
  constructor(
    private readonly episodes: EpisodeAccess,
    private readonly audit: AuditService,
  ) {}

  async worklist(caller: Acting, query: WorklistQuery): Promise<{ items: WorkItem[]; truncated: boolean }> {
    const today = todayIn();
    const horizon = addDays(today, query.withinDays ?? DEFAULT_WITHIN_DAYS);
    const kinds = KINDS_BY_ROLE[caller.role].filter((k) => !query.kind || query.kind.includes(k));
    // Registry work is in scope when its facility is.
    const facilities = () => applyScope(caller.work.manager.createQueryBuilder().from('facilities', 'f'), caller, facilityScope());
    const readers: Record<WorkKind, () => Promise<Row[]>> = {
      visit_due: () =>
        this.raw(this.episodes.scoped(caller, 'e').andWhere(`e.status = 'family_based_care' AND e.next_visit_due <= :horizon`, { horizon }), 'e.next_visit_due', `'Follow-up visit: ' || ch.system_code`, true),
      review_due: () =>
        this.raw(this.episodes.scoped(caller, 'e').andWhere(`e.status IN ${sqlList(RESIDENT_STATUSES)} AND e.next_review_due <= :horizon`, { horizon }), 'e.next_review_due', `'Care plan review: ' || ch.system_code`, true),
      referral_waiting: () =>
        this.raw(
          this.episodes.scoped(caller, 'e').andWhere(`e.status = 'referred' AND e.referred_on + ${DAYS_TO_START_ASSESSMENT} <= :horizon`, { horizon }),
          `e.referred_on + ${DAYS_TO_START_ASSESSMENT}`,
          `'Referral waiting for an assessment: ' || ch.system_code`,
          true,
        ),
      handover_waiting: () => {
        const qb = this.episodes
          .scoped(caller, 'e')
          .innerJoin('case_handovers', 'h', `h.episode_id = e.id AND h.status = 'requested'`)
          .andWhere(`h.requested_on + ${DAYS_TO_ANSWER_HANDOVER} <= :horizon`, { horizon });
        // The receiving side answers: an NGO sees the handovers offered to it.
        if (caller.role === 'ngo_worker') qb.andWhere('h.to_agency_id = :me', { me: caller.agencyId });
        return this.raw(qb, `h.requested_on + ${DAYS_TO_ANSWER_HANDOVER}`, `'Handover to answer: ' || ch.system_code`, true, 'h.id');
      },
      inspection_due: () => {
        const due = FACILITY_SORT_KEYS.nextInspectionDue.sql('f');
        const qb = facilities().andWhere(`f.status IN (:...operating) AND ${due} <= :horizon`, { operating: OPERATING_STATUSES, horizon });
        return this.raw(qb, due, `'Inspection due: ' || f.registry_code || ' ' || f.name`);
      },
      inspection_awaiting_approval: () => {
        // Four eyes: an inspection waits for an inspector other than the one who submitted it.
        const qb = facilities()
          .innerJoin('inspections', 'i', `i.facility_id = f.id AND i.status = 'submitted'`)
          .andWhere(`(i.submitted_by_id IS DISTINCT FROM :me)`, { me: caller.userId })
          .andWhere(`(i.submitted_at AT TIME ZONE '${TIME_ZONE}')::date + ${DAYS_TO_APPROVE_INSPECTION} <= :horizon`, { horizon });
        return this.raw(qb, `(i.submitted_at AT TIME ZONE '${TIME_ZONE}')::date + ${DAYS_TO_APPROVE_INSPECTION}`, `'Inspection to approve: ' || f.registry_code || ' ' || f.name`, false, 'i.id');
      },
      corrective_action_due: () => {
        const qb = facilities()
          // Actions of a submitted or approved inspection: a draft's are not set yet.
          .innerJoin('inspections', 'i', `i.facility_id = f.id AND i.status IN ('submitted', 'approved')`)
          .innerJoin('corrective_actions', 'ca', `ca.inspection_id = i.id AND ca.status = 'open'`)
          .andWhere('ca.due_on <= :horizon', { horizon });
        return this.raw(qb, 'ca.due_on', `'Corrective action due: ' || f.registry_code || ' ' || left(ca.description, 80)`, false, 'ca.id');
      },
      mou_expiring: () => {
        const qb = facilities()
          .innerJoin('mous', 'm', `m.facility_id = f.id AND m.status = 'active'`)
          .andWhere('m.ends_on <= :horizon', { horizon });
        return this.raw(qb, 'm.ends_on', `'MoU ends: ' || f.registry_code || ' ' || m.reference_number`, false, 'm.id');
      },
    };
    // One after another: they share the request's connection, which runs one statement at a time
    // anyway (pg queues the rest, and pg 9 will refuse them).
    const found: { kind: WorkKind; row: Row }[] = [];
    for (const kind of kinds) for (const row of await readers[kind]()) found.push({ kind, row });
    const items = found
      .map(({ kind, row }): WorkItem => ({ kind, dueOn: row.due_on, overdue: row.due_on < today, entityType: ENTITY[kind], entityId: row.entity_id, summary: row.summary }))
      .sort(soonestFirst);
    const episodeIds = items.filter((i) => i.entityType === 'care_episode').map((i) => i.entityId);
    if (episodeIds.length > 0) this.audit.record(caller.work, { action: 'worklist.read', entityType: 'care_episode', changes: { episodeIds: episodeIds.slice(0, MAX_ITEMS) } });
    return { items: items.slice(0, MAX_ITEMS), truncated: items.length > MAX_ITEMS };
  }

  /** The due date, the record's id and a summary (system codes and registry codes: no names) of each row. */
  private async raw<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, due: string, summary: string, withChild = false, id = `${qb.alias}.id`): Promise<Row[]> {
    if (withChild) qb.innerJoin('children', 'ch', `ch.id = ${qb.alias}.child_id`);
    return qb
      .select(`(${due})::date::text`, 'due_on')
      .addSelect(`${id}`, 'entity_id')
      .addSelect(summary, 'summary')
      .orderBy(`(${due})`, 'ASC')
      .limit(MAX_ITEMS + 1)
      .getRawMany<Row>();
  }
}
