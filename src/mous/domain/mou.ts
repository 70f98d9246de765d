import { addYears } from '../../common/time/calendar';

export const MOU_STORED_STATUSES = ['draft', 'active', 'terminated', 'superseded'] as const;
export type MouStoredStatus = (typeof MOU_STORED_STATUSES)[number];
/** What the API reports: an active MoU whose end date has come is `expired`, with no job to run. */
export const MOU_STATUSES = [...MOU_STORED_STATUSES, 'expired'] as const;
export type MouStatus = (typeof MOU_STATUSES)[number];

export const MOU_DEFAULT_TERM_YEARS = 3;

/**
 * An activated MoU counts as active until the day before its end date. A renewal activated before
 * the old one ends counts from its activation, so a facility is never without an MoU in between.
 */
export function effectiveMouStatus(mou: { status: MouStoredStatus; endsOn: string | null }, today: string): MouStatus {
  if (mou.status === 'active' && mou.endsOn !== null && mou.endsOn <= today) return 'expired';
  return mou.status;
}

export function isInForce(mou: { status: MouStoredStatus; endsOn: string | null }, today: string): boolean {
  return effectiveMouStatus(mou, today) === 'active';
}

export function defaultEndsOn(startsOn: string): string {
  return addYears(startsOn, MOU_DEFAULT_TERM_YEARS);
}

/** The same rule in SQL, for filters and counts over many MoUs (alias `m`, parameter `:today`). */
export const MOU_IN_FORCE_SQL = `m.status = 'active' AND m.ends_on > :today`;
