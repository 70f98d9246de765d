import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CareEpisode } from './care-episode.entity';

/**
 * One transition of a care episode. `occurredOn` is when it happened (NGOs report late), beside
 * `recordedAt`; the figures count by `occurredOn`. The facility, placement and province after the
 * event are kept on the row so history can be replayed without joins.
 */
@Entity('care_episode_events')
@Index('care_episode_events_episode_idx', ['episodeId', 'occurredOn'])
@Index('care_episode_events_occurred_on_idx', ['occurredOn'])
// A covering index (with INCLUDE columns TypeORM cannot declare) is made by the migration.
@Index('care_episode_events_flow_idx', { synchronize: false })
// Partial indexes for the indicators (a stay's admission, exits from residential care), by the migration.
@Index('care_episode_events_admissions_idx', { synchronize: false })
@Index('care_episode_events_residential_exits_idx', { synchronize: false })
export class CareEpisodeEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  episodeId: string;

  @ManyToOne(() => CareEpisode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'episode_id' })
  episode?: CareEpisode;

  @Column({ type: 'uuid' })
  childId: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text', nullable: true })
  fromStatus: string | null;

  @Column({ type: 'text' })
  toStatus: string;

  @Column({ type: 'date' })
  occurredOn: string;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  actorRole: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorAgencyId: string | null;

  @Column({ type: 'uuid' })
  responsibleAgencyId: string;

  @Column({ type: 'text' })
  provinceCode: string;

  @Column({ type: 'uuid', nullable: true })
  facilityId: string | null;

  @Column({ type: 'text', nullable: true })
  placementType: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: object;

  /** A breakdown, or the referral of a child who had an earlier episode: the figures count these as re-entries. */
  @Column({ type: 'boolean', default: false })
  reEntry: boolean;

  /** A fixed random key (0-255) for disclosure control of the flows that count this event. */
  @Column({ type: 'smallint' })
  recordKey: number;
}
