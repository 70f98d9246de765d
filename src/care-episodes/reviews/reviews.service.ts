import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { CareEpisodesService } from '../care-episodes.service';
import type { ReviewBody } from '../domain/care-episode.bodies';
import { EpisodeAccess } from '../episode-access';
import { CareReview } from './care-review.entity';
import type { ReviewView } from './review.dto';
import type { Acting } from '../../common/database/unit-of-work';

/** Care plan reviews: the `recordReview` step of the episode's table, kept as rows of their own. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly audit: AuditService,
    private readonly access: EpisodeAccess,
    private readonly episodes: CareEpisodesService,
  ) {}

  async add(caller: Acting, episodeId: string, request: ReviewBody): Promise<ReviewView> {
    await this.episodes.step(caller, episodeId, 'recordReview', request, undefined, false);
    const review = await caller.work.manager.save(
      caller.work.manager.create(CareReview, { episodeId, reviewedOn: request.reviewedOn, summary: request.summary, recordedById: caller.userId }),
    );
    this.audit.record(caller.work, { action: 'care_episode.review', entityType: 'care_episode', entityId: episodeId, changes: { reviewId: review.id, reviewedOn: request.reviewedOn } });
    return review;
  }

  async list(caller: Acting, episodeId: string): Promise<ReviewView[]> {
    await this.access.findInScope(caller, episodeId);
    this.audit.record(caller.work, { action: 'care_episode.read_reviews', entityType: 'care_episode', entityId: episodeId });
    return caller.work.manager.find(CareReview, { where: { episodeId }, order: { reviewedOn: 'ASC' } });
  }
}
