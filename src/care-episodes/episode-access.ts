import { Injectable } from '@nestjs/common';
import type { Caller } from '../common/auth/caller';
import { applyScope } from '../common/auth/scope';
import { Database } from '../common/database/database.service';
import { findOneById } from '../common/database/find-one';
import { Forbidden } from '../common/errors/domain-errors';
import { CareEpisode } from './care-episode.entity';

/**
 * Episodes a caller may see: those its agency is responsible for or whose child lives in a facility
 * its agency operates (ngo_worker), or those managed in its provinces. Expressions over alias `e`.
 */
export const episodeScope = (alias = 'e') => ({
  agencyIds: `ARRAY[${alias}.responsible_agency_id, (SELECT sf.operator_agency_id FROM facilities sf WHERE sf.id = ${alias}.facility_id)]`,
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
   * Locked, for a change. An ngo_worker sees the children living in facilities its agency runs, but
   * records progress only on the episodes its agency is responsible for.
   */
  async findForWork(caller: Caller, id: string): Promise<CareEpisode> {
    const episode = await this.findInScope(caller, id, true);
    if (caller.role === 'ngo_worker' && episode.responsibleAgencyId !== caller.agencyId) {
      throw new Forbidden('Your agency is not responsible for this case: you may read it, not act on it.');
    }
    return episode;
  }
}
