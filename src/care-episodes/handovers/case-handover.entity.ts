import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Agency } from '../../agencies/agency.entity';
import { RecordBase } from '../../common/database/columns';
import { CareEpisode } from '../care-episode.entity';
import type { HandoverStatus } from '../domain/handover.transitions';

/** A request that another agency take over a case, and its answer. */
@Entity('case_handovers')
// One open handover per episode, whatever the application does.
@Index('case_handovers_one_open_per_episode', ['episodeId'], { unique: true, where: `status = 'requested'` })
export class CaseHandover extends RecordBase {
  @Index('case_handovers_episode_id_idx')
  @Column({ type: 'uuid' })
  episodeId: string;

  @ManyToOne(() => CareEpisode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'episode_id' })
  episode?: CareEpisode;

  @Column({ type: 'uuid' })
  fromAgencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_agency_id' })
  fromAgency?: Agency;

  @Index('case_handovers_to_agency_id_idx')
  @Column({ type: 'uuid' })
  toAgencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_agency_id' })
  toAgency?: Agency;

  @Column({ type: 'text', default: 'requested' })
  status: HandoverStatus;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'uuid' })
  requestedById: string;

  @Column({ type: 'date' })
  requestedOn: string;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ type: 'date', nullable: true })
  decidedOn: string | null;

  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;
}
