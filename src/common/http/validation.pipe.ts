import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationFailed } from '../errors/domain-errors';
import { inputProblems } from './input-rules';
import { nullsNotAllowed } from './nullable';
import { cacheValidationMetadata } from './validation-metadata-cache';

/** "is required" for a field that is missing, rather than the list of its limits. */
function messagesOf(error: ValidationError): string[] {
  if (error.value === undefined && error.constraints && !('isDefined' in error.constraints && Object.keys(error.constraints).length === 1)) {
    return [`${error.property} is required`];
  }
  return Object.values(error.constraints ?? {});
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: messagesOf(error) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

const isClass = (metatype: unknown): metatype is abstract new (...args: never[]) => unknown =>
  typeof metatype === 'function' && ![String, Number, Boolean, Array, Object].includes(metatype as never);

/**
 * Validates and converts every body, query and path parameter; unknown fields are an error. Before
 * that, the input itself: a body is a JSON object, text is well-formed, nesting is shallow, and
 * null is sent only where a field may be cleared.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') return value;
    const root = metadata.type === 'body' ? '' : metadata.type === 'param' ? (metadata.data ?? 'param') : '';
    const problems = inputProblems(value, root);
    if (problems.length > 0) throw new ValidationFailed(problems);
    if (metadata.type === 'body' && isClass(metadata.metatype)) {
      const body = value === undefined ? {} : value;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new ValidationFailed([{ field: 'body', messages: ['the body must be a JSON object'] }]);
      }
      const nulls = nullsNotAllowed(metadata.metatype, body as Record<string, unknown>);
      if (nulls.length > 0) throw new ValidationFailed(nulls.map((field) => ({ field, messages: [`${field} must not be null`] })));
      return super.transform(body, metadata);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => new ValidationFailed(flatten(errors)),
  });
}
