/** A label in English and Khmer. */
export type Label = readonly [en: string, km: string];
