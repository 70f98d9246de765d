import { addMonths } from '../../common/time/calendar';
import type { VisitRatings } from './care-episode';

/** A care plan review at least every 3 months in residential care (UN Guidelines para 67). */
export const REVIEW_INTERVAL_MONTHS = 3;

export function nextReviewDue(residentialSince: string, lastReviewOn: string | null): string {
  const base = lastReviewOn && lastReviewOn > residentialSince ? lastReviewOn : residentialSince;
  return addMonths(base, REVIEW_INTERVAL_MONTHS);
}

/** Follow-up visits are due 1, 2 and 3 months after placement, then every 3 months until closure. */
export function monthsUntilVisit(visitsSoFar: number): number {
  return visitsSoFar < 3 ? visitsSoFar + 1 : 3 * (visitsSoFar - 1);
}

export function nextVisitDue(placedOn: string, visitsSincePlacement: number): string {
  return addMonths(placedOn, monthsUntilVisit(visitsSincePlacement));
}

/** "Rated well": no rating below 3. */
export function ratedWell(ratings: VisitRatings): boolean {
  return Object.values(ratings).every((rating) => rating >= 3);
}

/** Whole years between a date of birth and a date. */
export function ageOn(dateOfBirth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return on.slice(5) >= dateOfBirth.slice(5) ? years : years - 1;
}
