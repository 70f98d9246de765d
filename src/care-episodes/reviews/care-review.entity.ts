import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CareEpisode } from '../care-episode.entity';

@Entity('care_reviews')
// The episode's latest review or visits up to a date, for the indicators (made by the migration).
@Index('care_reviews_episode_date_idx', { synchronize: false })
export class CareReview {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('care_reviews_episode_id_idx')
  @Column({ type: 'uuid' })
  episodeId: string;

  @ManyToOne(() => CareEpisode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'episode_id' })
  episode?: CareEpisode;

  @Column({ type: 'date' })
  reviewedOn: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'uuid' })
  recordedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
