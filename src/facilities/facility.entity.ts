import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import { RecordBase } from '../common/database/columns';
import { Province } from '../provinces/province.entity';
import type { FacilityStatus, FacilityType } from './domain/facility';

@Entity('facilities')
export class Facility extends RecordBase {
  @Index('facilities_registry_code_key', { unique: true })
  @Column({ type: 'text' })
  registryCode: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  nameKm: string | null;

  @Column({ type: 'text' })
  type: FacilityType;

  @Index('facilities_operator_agency_id_idx')
  @Column({ type: 'uuid' })
  operatorAgencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'operator_agency_id' })
  operatorAgency?: Agency;

  @Index('facilities_province_code_idx')
  @Column({ type: 'text' })
  provinceCode: string;

  @ManyToOne(() => Province, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'province_code' })
  province?: Province;

  @Column({ type: 'text', nullable: true })
  district: string | null;

  @Column({ type: 'text', nullable: true })
  commune: string | null;

  @Column({ type: 'text', nullable: true })
  village: string | null;

  /** Codes of the official places (GET /places), each inside the one before it and the province. */
  @Column({ type: 'text', nullable: true })
  districtCode: string | null;

  @Column({ type: 'text', nullable: true })
  communeCode: string | null;

  @Column({ type: 'text', nullable: true })
  villageCode: string | null;

  @Column({ type: 'int' })
  capacity: number;

  @Index('facilities_status_idx')
  @Column({ type: 'text', default: 'identified' })
  status: FacilityStatus;

  @Column({ type: 'date', nullable: true })
  remediationDeadline: string | null;

  @Column({ type: 'text', nullable: true })
  transitionTargetService: string | null;

  @Column({ type: 'date', nullable: true })
  transitionTargetDate: string | null;

  /** Kept by the inspection service when an inspection is approved; drives the next due date. */
  @Column({ type: 'date', nullable: true })
  lastApprovedInspectionOn: string | null;
}
