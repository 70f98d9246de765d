import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RecordBase } from '../common/database/columns';
import { Inspection } from './inspection.entity';

export const CORRECTIVE_ACTION_STATUSES = ['open', 'resolved'] as const;
export type CorrectiveActionStatus = (typeof CORRECTIVE_ACTION_STATUSES)[number];

@Entity('corrective_actions')
export class CorrectiveAction extends RecordBase {
  @Index('corrective_actions_inspection_id_idx')
  @Column({ type: 'uuid' })
  inspectionId: string;

  @ManyToOne(() => Inspection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspection_id' })
  inspection?: Inspection;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'date' })
  dueOn: string;

  @Column({ type: 'text', default: 'open' })
  status: CorrectiveActionStatus;

  @Column({ type: 'date', nullable: true })
  resolvedOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedById: string | null;

  @Column({ type: 'text', nullable: true })
  resolutionNote: string | null;
}
