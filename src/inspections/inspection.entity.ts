import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RecordBase } from '../common/database/columns';
import { Facility } from '../facilities/facility.entity';
import { User } from '../users/user.entity';
import type { InspectionStatus, InspectionType, Outcome, Ratings } from './domain/checklist';

@Entity('inspections')
// Each facility's latest approved inspection on a date, for the facility figures (a descending partial index).
@Index('inspections_approved_by_facility_idx', { synchronize: false })
export class Inspection extends RecordBase {
  @Index('inspections_facility_id_idx')
  @Column({ type: 'uuid' })
  facilityId: string;

  @ManyToOne(() => Facility, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'facility_id' })
  facility?: Facility;

  @Column({ type: 'text' })
  type: InspectionType;

  @Column({ type: 'text', default: 'scheduled' })
  status: InspectionStatus;

  @Column({ type: 'date' })
  scheduledFor: string;

  @Column({ type: 'uuid', nullable: true })
  followUpOfId: string | null;

  @ManyToOne(() => Inspection, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'follow_up_of_id' })
  followUpOf?: Inspection;

  @Index('inspections_inspector_id_idx')
  @Column({ type: 'uuid' })
  inspectorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'inspector_id' })
  inspector?: User;

  @Column({ type: 'date', nullable: true })
  conductedOn: string | null;

  @Column({ type: 'jsonb', nullable: true })
  ratings: Ratings | null;

  @Column({ type: 'text', nullable: true })
  outcome: Outcome | null;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ type: 'uuid', nullable: true })
  submittedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  approvedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;
}
