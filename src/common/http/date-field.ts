import { registerDecorator, ValidationOptions } from 'class-validator';
import { isValidDate } from '../time/calendar';

/** A calendar date, "YYYY-MM-DD", that exists. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be a date as YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidDate(value) },
    });
}
