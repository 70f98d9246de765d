/**
 * Coded errors thrown by domain and application code. They carry no HTTP knowledge beyond a
 * suggested status; one filter maps them to problem+json.
 */
export interface FieldError {
  field: string;
  messages: string[];
}

/** An audit entry a refusal leaves, written once its request has rolled back (so it stays on record). */
export interface AuditNote {
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: Record<string, unknown>;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  readonly extra: Record<string, unknown> = {};
  auditNote?: AuditNote;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailed extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  readonly status = 400;
  constructor(readonly errors: FieldError[], message = 'The request has invalid fields.') {
    super(message);
    this.extra.errors = errors;
  }
}

export class NotFound extends DomainError {
  readonly code = 'NOT_FOUND';
  readonly status = 404;
  constructor(what = 'resource') {
    super(`No ${what} with that id exists.`);
  }
}

export class Unauthenticated extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  readonly status = 401;
  constructor(message = 'A valid bearer token is required.') {
    super(message);
  }
}

export class Forbidden extends DomainError {
  readonly code = 'FORBIDDEN';
  readonly status = 403;
  constructor(message = 'Your role may not do this.', reason?: string) {
    super(message);
    if (reason) this.extra.reason = reason;
  }
}

export class Conflict extends DomainError {
  readonly code: string;
  readonly status = 409;
  constructor(code: string, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.code = code;
    Object.assign(this.extra, extra);
  }
}

export class TransitionNotAllowed extends DomainError {
  readonly code = 'TRANSITION_NOT_ALLOWED';
  readonly status = 409;
  constructor(action: string, from: string, allowedActions: string[]) {
    super(`The action ${action} is not allowed from the status ${from}.`);
    Object.assign(this.extra, { action, currentStatus: from, allowedActions });
  }
}

export class GuardFailed extends DomainError {
  readonly code = 'GUARD_FAILED';
  readonly status = 422;
  constructor(action: string, readonly guard: string, detail?: string) {
    super(detail ?? `The action ${action} was refused by the guard ${guard}.`);
    Object.assign(this.extra, { action, guard });
  }
}

export class PreconditionFailed extends DomainError {
  readonly code = 'PRECONDITION_FAILED';
  readonly status = 412;
  constructor(currentEtag: string) {
    super('The record changed since you read it: If-Match does not match its current ETag.');
    this.extra.currentEtag = currentEtag;
  }
}

export class IdempotencyKeyReused extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  readonly status = 422;
  constructor() {
    super('This Idempotency-Key was already used with a different request.');
  }
}

export class TooManyRequests extends DomainError {
  readonly code = 'TOO_MANY_REQUESTS';
  readonly status = 429;
  constructor(readonly retryAfterSeconds: number, message = 'Too many failed attempts; try again later.') {
    super(message);
    this.extra.retryAfterSeconds = retryAfterSeconds;
  }
}

export class DatabaseUnavailable extends DomainError {
  readonly code = 'DATABASE_UNAVAILABLE';
  readonly status = 503;
  constructor(readonly retryAfterSeconds = 5) {
    super('The database is not answering. Nothing was lost: try again shortly.');
    this.extra.retryAfterSeconds = retryAfterSeconds;
  }
}
