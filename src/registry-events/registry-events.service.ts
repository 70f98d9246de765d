import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { UnitOfWork } from '../common/database/unit-of-work';
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
  constructor(private readonly audit: AuditService) {}

  async record(work: UnitOfWork, change: StatusChange): Promise<void> {
    const caller = work.caller;
    const event = work.manager.create(RegistryEvent, {
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
    await work.manager.save(event);
    this.audit.record(work, {
      action: `${change.entityType}.${change.action}`,
      entityType: change.entityType,
      entityId: change.entityId,
      changes: { status: { from: change.from, to: change.to }, ...(change.payload ?? {}) },
    });
  }

  list(work: UnitOfWork, entityType: RegistryEvent['entityType'], entityId: string): Promise<RegistryEvent[]> {
    return work.manager.find(RegistryEvent, {
      where: { entityType, entityId },
      order: { recordedAt: 'ASC' },
    });
  }
}
