import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RecordBase } from '../../common/database/columns';
import { Child } from '../child.entity';
import type { PossibleDuplicateStatus } from './domain/possible-duplicate.transitions';

/** A child registered although it matched another record: the pair waits for someone to look. */
@Entity('possible_duplicates')
@Index('possible_duplicates_pair_key', ['childId', 'candidateId'], { unique: true })
export class PossibleDuplicate extends RecordBase {
  @Column({ type: 'uuid' })
  childId: string;

  @ManyToOne(() => Child, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'child_id' })
  child?: Child;

  @Index('possible_duplicates_candidate_id_idx')
  @Column({ type: 'uuid' })
  candidateId: string;

  @ManyToOne(() => Child, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'candidate_id' })
  candidate?: Child;

  @Index('possible_duplicates_status_idx')
  @Column({ type: 'text', default: 'open' })
  status: PossibleDuplicateStatus;

  @Column({ type: 'uuid', nullable: true })
  flaggedById: string | null;

  @Column({ type: 'uuid', nullable: true })
  dismissedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  dismissedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  dismissalNote: string | null;
}
