import { getMetadataStorage, registerDecorator } from 'class-validator';

const NULLABLE = 'isNullableField';

/**
 * The field may be sent as null (to clear it). Every other field refuses null with 400: `null` for a
 * field that cannot be empty is bad input, not a database error. Kept as class-validator metadata so
 * PartialType and OmitType carry it to the PATCH bodies.
 */
export function Nullable(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({ name: NULLABLE, target: target.constructor, propertyName: propertyName as string, validator: { validate: () => true } });
}

const nullableFields = new WeakMap<object, Set<string>>();

/** The fields of a request class that may be null, read from its metadata once. */
function nullableFieldsOf(metatype: abstract new (...args: never[]) => unknown): Set<string> {
  let fields = nullableFields.get(metatype);
  if (!fields) {
    fields = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(metatype as new () => unknown, '', true, false)
        .filter((m) => m.name === NULLABLE)
        .map((m) => m.propertyName),
    );
    nullableFields.set(metatype, fields);
  }
  return fields;
}

/** The fields of a request class that are sent as null but may not be. */
export function nullsNotAllowed(metatype: abstract new (...args: never[]) => unknown, body: Record<string, unknown>): string[] {
  const nullable = nullableFieldsOf(metatype);
  return Object.keys(body).filter((key) => body[key] === null && !nullable.has(key));
}
