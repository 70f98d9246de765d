import { dateNotInFuture } from '../../common/state-machine/date-guards';

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

export const PARENTAL_STATUSES = ['both_parents_living', 'one_parent_living', 'no_living_parent', 'unknown'] as const;
export type ParentalStatus = (typeof PARENTAL_STATUSES)[number];

/** A date of birth may not be in the future: the same rule, and the same answer, as every other date. */
export const birthNotInFuture = dateNotInFuture<{ today: string; dateOfBirth?: string }>('dateOfBirth', (f) => f.dateOfBirth);
