import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CareEpisode } from '../care-episode.entity';
import type { VisitRatings, VisitType } from '../domain/care-episode';

@Entity('follow_up_visits')
// The episode's latest review or visits up to a date, for the indicators (made by the migration).
@Index('follow_up_visits_episode_date_idx', { synchronize: false })
export class FollowUpVisit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('follow_up_visits_episode_id_idx')
  @Column({ type: 'uuid' })
  episodeId: string;

  @ManyToOne(() => CareEpisode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'episode_id' })
  episode?: CareEpisode;

  @Column({ type: 'date' })
  visitedOn: string;

  @Column({ type: 'text' })
  visitType: VisitType;

  @Column({ type: 'boolean' })
  childSeen: boolean;

  @Column({ type: 'jsonb' })
  ratings: VisitRatings;

  @Column({ type: 'boolean' })
  ratedWell: boolean;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid' })
  recordedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
