import { Column, Entity } from 'typeorm';
import { RecordBase } from '../common/database/columns';

export const AGENCY_TYPES = ['government', 'ngo', 'faith_based', 'private'] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

@Entity('agencies')
export class Agency extends RecordBase {
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  type: AgencyType;

  @Column({ type: 'text', nullable: true })
  registrationNumber: string | null;
}
