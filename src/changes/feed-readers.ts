import { Injectable } from '@nestjs/common';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { EpisodeAccess } from '../care-episodes/episode-access';
import { ChildrenService } from '../children/children.service';
import { CorrectiveActionsService } from '../corrective-actions/corrective-actions.service';
import { FacilitiesService } from '../facilities/facilities.service';
import { InspectionsService } from '../inspections/inspections.service';
import { MousService } from '../mous/mous.service';
import type { FeedEntityType } from './domain/feed-entity-types';
import type { Acting } from '../common/database/unit-of-work';

/** Each record type's own scoped query, the one its lists use: the feed shows what those lists would. */
@Injectable()
export class FeedReaders {
  private readonly readers: Record<FeedEntityType, (caller: Acting) => SelectQueryBuilder<ObjectLiteral>>;

  constructor(facilities: FacilitiesService, mous: MousService, inspections: InspectionsService, correctiveActions: CorrectiveActionsService, children: ChildrenService, episodes: EpisodeAccess) {
    this.readers = {
      facility: (caller) => facilities.scoped(caller),
      mou: (caller) => mous.scoped(caller),
      inspection: (caller) => inspections.scoped(caller),
      corrective_action: (caller) => correctiveActions.scoped(caller),
      child: (caller) => children.scoped(caller),
      care_episode: (caller) => episodes.scoped(caller),
    };
  }

  scoped(type: FeedEntityType, caller: Acting): SelectQueryBuilder<ObjectLiteral> {
    return this.readers[type](caller);
  }
}
