import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RecordBase } from '../common/database/columns';
import { Facility } from '../facilities/facility.entity';
import type { MouStoredStatus } from './domain/mou';

@Entity('mous')
@Index('mous_one_active_per_facility', ['facilityId'], { unique: true, where: `status = 'active'` })
export class Mou extends RecordBase {
  @Index('mous_facility_id_idx')
  @Column({ type: 'uuid' })
  facilityId: string;

  @ManyToOne(() => Facility, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'facility_id' })
  facility?: Facility;

  @Column({ type: 'text' })
  referenceNumber: string;

  @Column({ type: 'text', default: 'draft' })
  status: MouStoredStatus;

  @Column({ type: 'date', nullable: true })
  signedOn: string | null;

  @Column({ type: 'date', nullable: true })
  startsOn: string | null;

  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  renewalOfId: string | null;

  @ManyToOne(() => Mou, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'renewal_of_id' })
  renewalOf?: Mou;

  @Column({ type: 'text', nullable: true })
  terminationReason: string | null;

  @Column({ type: 'date', nullable: true })
  terminatedOn: string | null;
}
