import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Caller } from '../common/auth/caller';
import { DeniedAccessLog } from '../common/auth/denied-access';
import { DomainError, Forbidden, NotFound } from '../common/errors/domain-errors';
import { UnitOfWorkOutcomes } from '../common/http/unit-of-work-outcomes';
import { AuditService } from './audit.service';

type AuthedRequest = FastifyRequest & { params?: Record<string, string>; user?: Caller | null };

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
 * does no work that would be audited. The unit of work calls these after its transaction, so no
 * request holds two connections at once.
 */
@Injectable()
export class PersonalAccessAudit extends DeniedAccessLog implements UnitOfWorkOutcomes {
  constructor(private readonly audit: AuditService) {
    super();
  }

  async denied(request: AuthedRequest, status: 403 | 404): Promise<void> {
    const record = personalRecord(request);
    if (!record) return;
    await this.audit.recordNow(
      { action: `${record.entityType}.access_denied`, ...record, changes: { method: request.method, status } },
      who(request),
    );
  }

  async replayed(request: AuthedRequest): Promise<void> {
    const record = personalRecord(request);
    if (!record) return;
    await this.audit.recordNow({ action: `${record.entityType}.replayed_answer`, ...record, changes: { method: request.method } }, who(request));
  }

  async failed(request: AuthedRequest, error: unknown): Promise<void> {
    if (error instanceof DomainError && error.auditNote) return this.audit.recordNow(error.auditNote, who(request));
    if (error instanceof NotFound || error instanceof Forbidden) return this.denied(request, error.status);
  }
}

function who(request: AuthedRequest): { requestId: string; caller?: Caller } {
  return { requestId: String(request.id), caller: request.user ?? undefined };
}
