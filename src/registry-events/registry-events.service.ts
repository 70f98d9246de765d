import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { Database } from '../common/database/database.service';
import { currentContext } from '../common/database/request-context';
import { RegistryEvent } from './registry-event.entity';

export interface StatusChange {
  entityType: RegistryEvent['entityType'];
  entityId: string;
  action: string;
  from: string | null;
  to: string;
  reason?: string | null;
  /** Dates, codes and ids of the action; never personal data. */
  payload?: Record<string, unknown>;
}

/** The status history of registry records, written with its audit event in the request's transaction. */
@Injectable()
export class RegistryEventsService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  async record(change: StatusChange): Promise<void> {
    const caller = currentContext()?.caller;
    const event = this.db.manager.create(RegistryEvent, {
      entityType: change.entityType,
      entityId: change.entityId,
      action: change.action,
      fromStatus: change.from,
      toStatus: change.to,
      actorId: caller?.userId ?? null,
      actorRole: caller?.role ?? null,
      reason: change.reason ?? null,
      payload: change.payload ?? {},
    });
    await this.db.manager.save(event);
    await this.audit.record({
      action: `${change.entityType}.${change.action}`,
      entityType: change.entityType,
      entityId: change.entityId,
      changes: { status: { from: change.from, to: change.to }, ...(change.payload ?? {}) },
    });
  }

  list(entityType: RegistryEvent['entityType'], entityId: string): Promise<RegistryEvent[]> {
    return this.db.manager.find(RegistryEvent, {
      where: { entityType, entityId },
      order: { recordedAt: 'ASC' },
    });
  }
}
