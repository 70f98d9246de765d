import { Injectable } from '@nestjs/common';
import type { Caller } from '../common/auth/caller';
import { applyScope } from '../common/auth/scope';
import { Database } from '../common/database/database.service';
import { findOneById } from '../common/database/find-one';
import { CareEpisode } from './care-episode.entity';
import { CaseHandover } from './handovers/case-handover.entity';

/**
 * Episodes a caller may see: those its agency is responsible for, whose child lives in a facility
 * its agency operates, or that are being handed to it (ngo_worker), or those managed in its
 * provinces. Expressions over the alias given.
 */
export const episodeScope = (alias = 'e') => ({
  agencyIds: `ARRAY[${alias}.responsible_agency_id, (SELECT sf.operator_agency_id FROM facilities sf WHERE sf.id = ${alias}.facility_id),
    (SELECT h.to_agency_id FROM case_handovers h WHERE h.episode_id = ${alias}.id AND h.status = 'requested')]`,
  provinceCodes: `ARRAY[${alias}.province_code]`,
});

/** The one way to an episode: scoped for reading, and narrowed for acting. */
@Injectable()
export class EpisodeAccess {
  constructor(private readonly db: Database) {}

  scoped(caller: Caller, alias = 'e') {
    return applyScope(this.db.manager.createQueryBuilder(CareEpisode, alias), caller, episodeScope(alias));
  }

  findInScope(caller: Caller, id: string, lock = false): Promise<CareEpisode> {
    return findOneById(this.scoped(caller), id, 'care episode', lock);
  }

  /**
   * Locked, for a change. Whose case it is (an NGO acts only on its own agency's) is decided by the
   * who-may-act guards of the tables, which allowedActions applies too.
   */
  findForWork(caller: Caller, id: string): Promise<CareEpisode> {
    return this.findInScope(caller, id, true);
  }

  /** The handovers awaiting an answer on these episodes. */
  async pendingHandovers(episodeIds: string[], lock = false): Promise<Map<string, CaseHandover>> {
    if (episodeIds.length === 0) return new Map();
    const qb = this.db.manager.createQueryBuilder(CaseHandover, 'h').where(`h.episode_id IN (:...episodeIds) AND h.status = 'requested'`, { episodeIds });
    if (lock) qb.setLock('pessimistic_write');
    return new Map((await qb.getMany()).map((h) => [h.episodeId, h]));
  }
}
