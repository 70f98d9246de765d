import type { Acting } from '../common/database/unit-of-work';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { CareEpisodeEvent } from './care-episode-event.entity';
import type { EpisodeEventRecord } from './domain/care-episode.steps';
import { newRecordKey } from '../common/database/record-key';
import type { UnitOfWork } from '../common/database/unit-of-work';

/** Writes an episode's event and its audit entry, in the request's transaction. */
@Injectable()
export class EpisodeEvents {
  constructor(
    private readonly audit: AuditService,
  ) {}

  async record(caller: Acting, event: EpisodeEventRecord): Promise<void> {
    await caller.work.manager.insert(CareEpisodeEvent, { ...event, actorId: caller.userId, actorRole: caller.role, actorAgencyId: caller.agencyId, recordKey: newRecordKey() });
    // The audit log names the change, never the carer's name, the child's name or free text.
    this.audit.record(caller.work, {
      action: `care_episode.${event.action}`,
      entityType: 'care_episode',
      entityId: event.episodeId,
      changes: {
        status: { from: event.fromStatus, to: event.toStatus },
        occurredOn: event.occurredOn,
        facilityId: event.facilityId,
        placementType: event.placementType,
        provinceCode: event.provinceCode,
      },
    });
  }

  list(work: UnitOfWork, episodeId: string): Promise<CareEpisodeEvent[]> {
    return work.manager.find(CareEpisodeEvent, { where: { episodeId }, order: { occurredOn: 'ASC', recordedAt: 'ASC' } });
  }
}
