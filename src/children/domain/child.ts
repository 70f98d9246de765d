export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

export const PARENTAL_STATUSES = ['both_parents_living', 'one_parent_living', 'no_living_parent', 'unknown'] as const;
export type ParentalStatus = (typeof PARENTAL_STATUSES)[number];
