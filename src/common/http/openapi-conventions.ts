import type { OpenAPIObject } from '@nestjs/swagger';

const PROBLEM = { $ref: '#/components/schemas/ProblemDetails' };

/** RFC 9457 problem details as this API answers them: every error, with its stable `code` and the members some codes add. */
const PROBLEM_SCHEMAS = {
  FieldError: {
    type: 'object',
    required: ['field', 'messages'],
    properties: {
      field: { type: 'string', example: 'referredOn' },
      messages: { type: 'array', items: { type: 'string' }, example: ['referredOn must be a date from 1900-01-01 to 2099-12-31'] },
    },
  },
  ProblemDetails: {
    type: 'object',
    required: ['type', 'title', 'status', 'code', 'detail'],
    description: 'RFC 9457 problem details (`application/problem+json`). Some codes add members of their own, listed here.',
    properties: {
      type: { type: 'string', format: 'uri', example: 'https://rcf-registry.example/problems/validation-failed' },
      title: { type: 'string', example: 'Bad Request' },
      status: { type: 'integer', example: 400 },
      code: { type: 'string', description: 'Stable: clients branch on it. Their labels are in GET /labels (`problem.<code>`).', example: 'VALIDATION_FAILED' },
      detail: { type: 'string', example: 'The request has invalid fields.' },
      instance: { type: 'string', description: 'The path of the request.', example: '/api/v1/care-episodes' },
      requestId: { type: 'string', description: 'Also in the `X-Request-Id` header: quote it when reporting a problem.' },
      errors: { type: 'array', items: { $ref: '#/components/schemas/FieldError' }, description: '`VALIDATION_FAILED`: each bad field.' },
      guard: { type: 'string', description: '`GUARD_FAILED`: the reason code of the guard that refused.' },
      allowedActions: { type: 'array', items: { type: 'string' }, description: '`TRANSITION_NOT_ALLOWED`: what may be done from the current status.' },
      existingId: { type: 'string', format: 'uuid', description: '`EXTERNAL_ID_EXISTS` and similar conflicts: the record that is already there.' },
      retryAfterSeconds: { type: 'integer', description: '`TOO_MANY_REQUESTS`, `DATABASE_UNAVAILABLE`: also in `Retry-After`.' },
      error: { type: 'string', description: 'POST /auth/token: the OAuth 2 error code (RFC 6749, 5.2).', example: 'invalid_client' },
    },
    additionalProperties: true,
  },
};

const CSV = {
  schema: { type: 'string', description: 'CSV (RFC 4180, UTF-8) with a header row: the same fields as the JSON answer’s items.' },
};

type Responses = Record<string, { description?: string; content?: Record<string, unknown> }>;

/**
 * What generated clients need and decorators cannot say once for all: every error answer is
 * problem+json with its schema, public routes declare that they need no token, any other failure (429, 503) is declared as the default answer, and
 * CSV answers are text, not the JSON schema repeated.
 */
export function applyContractConventions(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...PROBLEM_SCHEMAS } };
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations as Record<string, { responses?: Responses; security?: unknown[] }>)) {
      if (!operation?.responses) continue;
      // Public routes say so: no security at all, rather than none declared.
      operation.security ??= [];
      for (const [status, response] of Object.entries(operation.responses)) {
        if (/^[45]\d\d$/.test(status)) response.content = { 'application/problem+json': { schema: PROBLEM } };
        if (response.content?.['text/csv']) response.content['text/csv'] = CSV;
        if (!response.description) response.description = status.startsWith('2') ? 'Done.' : 'See the problem’s `code`.';
      }
      operation.responses.default ??= {
        description: 'Any other error, as problem+json: e.g. 429 `TOO_MANY_REQUESTS` or 503 `DATABASE_UNAVAILABLE` (both with `Retry-After`).',
        content: { 'application/problem+json': { schema: PROBLEM } },
      };
    }
  }
  return document;
}
