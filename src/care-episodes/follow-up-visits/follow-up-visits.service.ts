import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { Database } from '../../common/database/database.service';
import { rawEntity } from '../../common/database/raw-entity';
import type { Acting } from '../../common/database/unit-of-work';
import { CareEpisodesService } from '../care-episodes.service';
import type { VisitBody } from '../domain/care-episode.bodies';
import { EpisodeAccess } from '../episode-access';
import { FollowUpVisit } from './follow-up-visit.entity';
import type { VisitView } from './visit.dto';

/** Follow-up visits: the `recordFollowUpVisit` step of the episode's table, kept as rows of their own. */
@Injectable()
export class FollowUpVisitsService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly access: EpisodeAccess,
    private readonly episodes: CareEpisodesService,
  ) {}

  async add(caller: Acting, episodeId: string, request: VisitBody): Promise<VisitView> {
    const { result } = await this.episodes.step(caller, episodeId, 'recordFollowUpVisit', request, undefined, false);
    const ratedWell = result.outcome.payload.ratedWell === true;
    // Plain SQL: the NGO systems' most frequent write.
    const raw = rawEntity(this.db.dataSource, FollowUpVisit);
    const [row] = await caller.work.manager.query<Record<string, unknown>[]>(
      `INSERT INTO follow_up_visits AS v (episode_id, visited_on, visit_type, child_seen, ratings, rated_well, note, recorded_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${raw.select('v')}`,
      [episodeId, request.visitedOn, request.visitType, request.childSeen, JSON.stringify(request.ratings), ratedWell, request.note ?? null, caller.userId],
    );
    const visit = raw.hydrate(row);
    this.audit.record(caller.work, {
      action: 'care_episode.follow_up_visit',
      entityType: 'care_episode',
      entityId: episodeId,
      changes: { visitId: visit.id, visitedOn: request.visitedOn, ratedWell },
    });
    return visit;
  }

  async list(caller: Acting, episodeId: string): Promise<VisitView[]> {
    await this.access.findInScope(caller, episodeId);
    this.audit.record(caller.work, { action: 'care_episode.read_visits', entityType: 'care_episode', entityId: episodeId });
    return caller.work.manager.find(FollowUpVisit, { where: { episodeId }, order: { visitedOn: 'ASC' } });
  }
}
