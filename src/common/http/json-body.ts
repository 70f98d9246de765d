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

/** The token endpoint's path: the one route that takes a form, as OAuth 2 clients send one. */
export const FORM_BODY_PATH = '/api/v1/auth/token';

/**
 * application/x-www-form-urlencoded bodies, for the OAuth 2 token endpoint only: elsewhere a form
 * is 415, so no browser form can post to the API. A field given twice is refused, not guessed at.
 */
export function useFormBodies(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit: 16 * 1024 }, (request, body: Buffer, done) => {
    if (request.url.split('?')[0] !== FORM_BODY_PATH) {
      const error = new Error('This route takes JSON, not a form.') as Error & { statusCode: number; code: string };
      error.statusCode = 415;
      error.code = 'FST_ERR_CTP_INVALID_MEDIA_TYPE';
      return done(error, undefined);
    }
    if (!isUtf8(body)) return done(new ValidationFailed([{ field: 'body', messages: ['the body is not valid UTF-8'] }]), undefined);
    const fields: Record<string, string> = {};
    for (const [name, value] of new URLSearchParams(body.toString('utf8'))) {
      if (Object.hasOwn(fields, name)) return done(new ValidationFailed([{ field: name, messages: [`${name} is given more than once`] }]), undefined);
      fields[name] = value;
    }
    done(null, fields);
  });
}
