import { ParseUUIDPipe } from '@nestjs/common';
import { NotFound } from '../errors/domain-errors';

/** A path id that is not a UUID names nothing: 404, like an id that does not exist. */
export const UuidParam = new ParseUUIDPipe({ exceptionFactory: () => new NotFound() });
