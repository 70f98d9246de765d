import type { Role } from '../../common/auth/roles';

/**
 * What a worklist holds, and who acts on each kind (so sees it). Pure: no framework imports.
 * Where nothing sets a due date, the kind gives one: an assessment should start within a week of
 * the referral, a handover be answered within two weeks, a submitted inspection approved within a week.
 */
export const WORK_KINDS = [
  'visit_due',
  'review_due',
  'inspection_due',
  'inspection_awaiting_approval',
  'corrective_action_due',
  'mou_expiring',
  'referral_waiting',
  'handover_waiting',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

const CASE_WORK: readonly WorkKind[] = ['visit_due', 'review_due', 'referral_waiting', 'handover_waiting'];
const REGISTRY_WORK: readonly WorkKind[] = ['inspection_due', 'inspection_awaiting_approval', 'corrective_action_due', 'mou_expiring'];

export const KINDS_BY_ROLE: Record<Role, readonly WorkKind[]> = {
  admin: WORK_KINDS,
  inspector: REGISTRY_WORK,
  social_worker: CASE_WORK,
  ngo_worker: CASE_WORK,
  planner: [],
};

export const DAYS_TO_START_ASSESSMENT = 7;
export const DAYS_TO_ANSWER_HANDOVER = 14;
export const DAYS_TO_APPROVE_INSPECTION = 7;

export const DEFAULT_WITHIN_DAYS = 30;
export const MAX_WITHIN_DAYS = 366;

export interface WorkItem {
  kind: WorkKind;
  dueOn: string;
  overdue: boolean;
  entityType: string;
  entityId: string;
  summary: string;
}

/** Soonest first; among the same day, in the order of the kinds above, then by id for a stable list. */
export function soonestFirst(a: WorkItem, b: WorkItem): number {
  if (a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1;
  const kinds = WORK_KINDS.indexOf(a.kind) - WORK_KINDS.indexOf(b.kind);
  return kinds !== 0 ? kinds : a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0;
}
