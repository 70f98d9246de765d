import { registerDecorator, ValidationOptions } from 'class-validator';
import { isValidDate } from '../time/calendar';

/** The dates the registry holds: births, referrals, MoUs and inspections all fall in these two centuries. */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2099-12-31';

const inRange = (date: string) => isValidDate(date) && date >= EARLIEST_DATE && date <= LATEST_DATE;

/** A calendar date, "YYYY-MM-DD", that exists, from 1900-01-01 to 2099-12-31. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be a real date as YYYY-MM-DD from ${EARLIEST_DATE} to ${LATEST_DATE}`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && inRange(value) },
    });
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** An instant, ISO 8601 with an offset, on a real date from 1900 to 2099. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be an instant like 2026-03-01T08:00:00Z on a real date from ${EARLIEST_DATE} to ${LATEST_DATE}`, ...options },
      validator: {
        validate: (value: unknown) => {
          const match = typeof value === 'string' ? INSTANT.exec(value) : null;
          return !!match && inRange(match[1]) && !Number.isNaN(Date.parse(value as string));
        },
      },
    });
}
