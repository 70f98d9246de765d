import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import type { Caller } from '../common/auth/caller';
import { Forbidden, NotFound } from '../common/errors/domain-errors';
import { AuditService } from './audit.service';

const PERSONAL = /^\/api\/v1\/(children|care-episodes|possible-duplicates)(\/|\?|$)/;
const ENTITY: Record<string, string> = { children: 'child', 'care-episodes': 'care_episode', 'possible-duplicates': 'child' };

/**
 * Outside the request's transaction: a refused attempt on a child's record (404 out of scope, 403)
 * and a replayed answer that carries personal data are audited too, each in a transaction of its
 * own, since the first rolls back and the second does no work that would be audited.
 */
@Injectable()
export class PersonalAccessInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { params?: Record<string, string>; user?: Caller }>();
    const match = PERSONAL.exec(request.url);
    if (!match) return next.handle();
    const entityType = ENTITY[match[1]];
    const entityId = request.params?.id ?? null;
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const who = { requestId: String(request.id), caller: request.user };
    return next.handle().pipe(
      mergeMap((result: unknown) => {
        if (reply.getHeader('Idempotent-Replayed') !== 'true') return [result];
        return from(this.audit.recordNow({ action: `${entityType}.replayed_answer`, entityType, entityId, changes: { method: request.method } }, who).then(() => result));
      }),
      catchError((error: unknown) => {
        if (!(error instanceof NotFound || error instanceof Forbidden)) return throwError(() => error);
        const recorded = this.audit.recordNow({ action: `${entityType}.access_denied`, entityType, entityId, changes: { method: request.method, status: error.status } }, who);
        return from(recorded).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }
}
