import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import type { Caller } from '../common/auth/caller';
import { DeniedAccessLog } from '../common/auth/denied-access';
import { DomainError, Forbidden, NotFound } from '../common/errors/domain-errors';
import { AuditService } from './audit.service';

type AuthedRequest = FastifyRequest & { params?: Record<string, string>; user?: Caller };

const PERSONAL = /^\/api\/v1\/(children|care-episodes|possible-duplicates)(\/|\?|$)/;
const ENTITY: Record<string, string> = { children: 'child', 'care-episodes': 'care_episode', 'possible-duplicates': 'child' };

/** Which personal record a request is about, if any. */
function personalRecord(request: AuthedRequest): { entityType: string; entityId: string | null } | undefined {
  const match = PERSONAL.exec(request.url);
  return match ? { entityType: ENTITY[match[1]], entityId: request.params?.id ?? null } : undefined;
}

/**
 * Refused attempts on a child's record (404 out of scope, 403), replayed answers that carry
 * personal data, and refusals that ask for it (a possible duplicate) are audited too, each in a
 * transaction of its own once the request's has ended: the refused ones roll back, and a replay
 * does no work that would be audited. Outermost, so no request holds two connections at once.
 */
@Injectable()
export class PersonalAccessAudit extends DeniedAccessLog implements NestInterceptor {
  constructor(private readonly audit: AuditService) {
    super();
  }

  async denied(request: AuthedRequest, status: 403 | 404): Promise<void> {
    const record = personalRecord(request);
    if (!record) return;
    await this.audit.recordNow(
      { action: `${record.entityType}.access_denied`, ...record, changes: { method: request.method, status } },
      { requestId: String(request.id), caller: request.user },
    );
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const record = personalRecord(request);
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      mergeMap((result: unknown) => {
        if (!record || reply.getHeader('Idempotent-Replayed') !== 'true') return [result];
        const entry = { action: `${record.entityType}.replayed_answer`, ...record, changes: { method: request.method } };
        return from(this.audit.recordNow(entry, { requestId: String(request.id), caller: request.user }).then(() => result));
      }),
      catchError((error: unknown) => {
        // Here the request's transaction has rolled back and its connection is free again.
        const who = { requestId: String(request.id), caller: request.user };
        const written =
          error instanceof DomainError && error.auditNote
            ? this.audit.recordNow(error.auditNote, who)
            : record && (error instanceof NotFound || error instanceof Forbidden)
              ? this.denied(request, error.status)
              : undefined;
        return written ? from(written).pipe(mergeMap(() => throwError(() => error))) : throwError(() => error);
      }),
    );
  }
}
