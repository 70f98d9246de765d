import { guard, type Guard } from './transition-table';

const snake = (field: string) => field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/**
 * The one rule for a date in the future, wherever a date is: `422 GUARD_FAILED` with the guard
 * `<field>_not_in_future` (occurred_on_not_in_future, conducted_on_not_in_future, …). A date that
 * is not given passes: whether it is required is the body's business.
 */
export function dateNotInFuture<Facts extends { today: string }>(field: string, read: (facts: Facts) => string | undefined | null): Guard<Facts> {
  return guard(`${snake(field)}_not_in_future`, (f) => {
    const date = read(f);
    return date === undefined || date === null || date <= f.today;
  });
}

/** A date not before another one (the previous event, the start of a stay): `<code>` when it is. */
export function dateNotBefore<Facts>(code: string, read: (facts: Facts) => string | undefined | null, notBefore: (facts: Facts) => string | undefined | null): Guard<Facts> {
  return guard(code, (f) => {
    const date = read(f);
    const limit = notBefore(f);
    return date === undefined || date === null || limit === undefined || limit === null || date >= limit;
  });
}
