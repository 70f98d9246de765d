import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { ValidationFailed } from '../errors/domain-errors';

/**
 * JSON bodies, parsed by us rather than Fastify's default: bytes that are not UTF-8 are refused
 * (instead of silently becoming U+FFFD, which would break "stored exactly as sent"), and a
 * `__proto__` key reaches validation, which refuses it as an unknown field instead of calling the
 * body malformed. The field-by-field rules follow in the validation pipe.
 */
export function useStrictJsonBodies(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, (_request, body: Buffer, done) => {
    if (body.length === 0) return done(null, undefined);
    if (!isUtf8(body)) return done(new ValidationFailed([{ field: 'body', messages: ['the body is not valid UTF-8'] }]), undefined);
    try {
      done(null, JSON.parse(body.toString('utf8')));
    } catch {
      const error = new SyntaxError('The body is not valid JSON.') as SyntaxError & { statusCode: number };
      error.statusCode = 400;
      done(error, undefined);
    }
  });
}

/** The largest CSV file an import takes: 5,000 rows of a registration, with room to spare. */
export const CSV_BODY_LIMIT = 4 * 1024 * 1024;

/** A text/csv body: a class, so no JSON body can pass for one. */
export class CsvBody {
  constructor(readonly csv: string) {}
}

/**
 * text/csv bodies (imports), as a CsvBody: UTF-8 only, and then the same input rules as every
 * other text (no control characters; line breaks are the point of it).
 */
export function useCsvBodies(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: CSV_BODY_LIMIT }, (_request, body: Buffer, done) => {
    if (!isUtf8(body)) return done(new ValidationFailed([{ field: 'body', messages: ['the body is not valid UTF-8'] }]), undefined);
    done(null, new CsvBody(body.toString('utf8')));
  });
}
