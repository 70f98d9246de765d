import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RecordBase } from '../common/database/columns';
import type { CorrectiveActionStatus } from './domain/corrective-action.transitions';

/** A finding of a non-compliant inspection that the facility must put right by a date. */
@Entity('corrective_actions')
export class CorrectiveAction extends RecordBase {
  @Index('corrective_actions_inspection_id_idx')
  @Column({ type: 'uuid' })
  inspectionId: string;

  // Named, not imported: inspections own their corrective actions and import this folder.
  @ManyToOne('Inspection', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspection_id' })
  inspection?: unknown;

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
