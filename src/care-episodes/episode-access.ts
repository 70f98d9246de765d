import type { Acting } from '../common/database/unit-of-work';
import { Injectable } from '@nestjs/common';
import { applyScope, scopeCondition } from '../common/auth/scope';
import { Database } from '../common/database/database.service';
import { rawEntity } from '../common/database/raw-entity';
import type { UnitOfWork } from '../common/database/unit-of-work';
import { NotFound } from '../common/errors/domain-errors';
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

  scoped(caller: Acting, alias = 'e') {
    return applyScope(caller.work.manager.createQueryBuilder(CareEpisode, alias), caller, episodeScope(alias));
  }

  /** One episode in scope, in plain SQL: the hot read and every step start here. */
  async findInScope(caller: Acting, id: string, lock = false): Promise<CareEpisode> {
    return (await this.findOne(caller, id, lock, false)).episode;
  }

  /** The episode and the handover open on it, in one query: what a read answers. */
  async findWithHandover(caller: Acting, id: string): Promise<{ episode: CareEpisode; handover: CaseHandover | null }> {
    return this.findOne(caller, id, false, true);
  }

  private async findOne(caller: Acting, id: string, lock: boolean, withHandover: boolean): Promise<{ episode: CareEpisode; handover: CaseHandover | null }> {
    const episodes = rawEntity(this.db.dataSource, CareEpisode);
    const handovers = rawEntity(this.db.dataSource, CaseHandover);
    const scope = scopeCondition(caller, episodeScope('e'), '$2');
    const handover = withHandover ? { select: `, ${handovers.select('h', 'h.')}`, join: ` LEFT JOIN case_handovers h ON h.episode_id = e.id AND h.status = 'requested'` } : { select: '', join: '' };
    const [row] = await caller.work.manager.query<Record<string, unknown>[]>(
      `SELECT ${episodes.select('e')}${handover.select} FROM care_episodes e${handover.join} WHERE e.id = $1${scope.sql === null ? '' : ` AND ${scope.sql}`}${lock ? ' FOR UPDATE OF e' : ''}`,
      scope.value === undefined ? [id] : [id, scope.value],
    );
    if (!row) throw new NotFound('care episode');
    return { episode: episodes.hydrate(row), handover: withHandover && row['h.id'] ? handovers.hydrate(row, 'h.') : null };
  }

  /**
   * Locked, for a change. Whose case it is (an NGO acts only on its own agency's) is decided by the
   * who-may-act guards of the tables, which allowedActions applies too.
   */
  findForWork(caller: Acting, id: string): Promise<CareEpisode> {
    return this.findInScope(caller, id, true);
  }

  /** The handovers awaiting an answer on these episodes. */
  async pendingHandovers(work: UnitOfWork, episodeIds: string[], lock = false): Promise<Map<string, CaseHandover>> {
    if (episodeIds.length === 0) return new Map();
    const raw = rawEntity(this.db.dataSource, CaseHandover);
    const rows = await work.manager.query<Record<string, unknown>[]>(
      `SELECT ${raw.select('h')} FROM case_handovers h WHERE h.episode_id = ANY($1::uuid[]) AND h.status = 'requested'${lock ? ' FOR UPDATE OF h' : ''}`,
      [episodeIds],
    );
    return new Map(rows.map((row) => raw.hydrate(row)).map((h) => [h.episodeId, h]));
  }
}
