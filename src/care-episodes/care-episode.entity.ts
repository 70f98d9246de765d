import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import { Child } from '../children/child.entity';
import { RecordBase } from '../common/database/columns';
import { Facility } from '../facilities/facility.entity';
import type { CloseReason, EpisodeState, EpisodeStatus, PlacementType, ReferralReason } from './domain/care-episode';

@Entity('care_episodes')
// At most one open episode per child, whatever the application does.
@Index('care_episodes_one_open_per_child', ['childId'], { unique: true, where: `status <> 'closed'` })
@Index('care_episodes_facility_status_idx', ['facilityId', 'status'])
// Unique per agency where set: a partial index of migration 1765100000000.
@Index('care_episodes_external_id_key', { synchronize: false })
// The review and visit schedules of the episodes in care, read without the table (the indicators).
@Index('care_episodes_open_schedule_idx', { synchronize: false })
export class CareEpisode extends RecordBase implements EpisodeState {
  @Index('care_episodes_child_id_idx')
  @Column({ type: 'uuid' })
  childId: string;

  @ManyToOne(() => Child, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'child_id' })
  child?: Child;

  @Index('care_episodes_responsible_agency_id_idx')
  @Column({ type: 'uuid' })
  responsibleAgencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'responsible_agency_id' })
  responsibleAgency?: Agency;

  /** Where the case is managed: the facility's province in residential care, the placement's once placed. */
  @Index('care_episodes_province_code_idx')
  @Column({ type: 'text' })
  provinceCode: string;

  @Index('care_episodes_status_idx')
  @Column({ type: 'text', default: 'referred' })
  status: EpisodeStatus;

  @Column({ type: 'date' })
  referredOn: string;

  @Column({ type: 'text', array: true })
  reasons: ReferralReason[];

  /** The facility the child lives in (residential care and reintegration), else null. */
  @Column({ type: 'uuid', nullable: true })
  facilityId: string | null;

  @ManyToOne(() => Facility, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'facility_id' })
  facility?: Facility;

  @Column({ type: 'date', nullable: true })
  residentialSince: string | null;

  @Column({ type: 'date', nullable: true })
  lastReviewOn: string | null;

  @Column({ type: 'date', nullable: true })
  nextReviewDue: string | null;

  @Column({ type: 'text', nullable: true })
  targetPlacementType: PlacementType | null;

  @Column({ type: 'date', nullable: true })
  familyTracedOn: string | null;

  @Column({ type: 'text', nullable: true })
  placementType: PlacementType | null;

  @Column({ type: 'text', nullable: true })
  carerName: string | null;

  @Column({ type: 'text', nullable: true })
  carerRelationship: string | null;

  /** The id the responsible agency's own case system gives the case, unique within that agency. */
  @Column({ type: 'text', nullable: true })
  externalId: string | null;

  @Column({ type: 'uuid', nullable: true })
  externalAgencyId: string | null;

  @Column({ type: 'text', nullable: true })
  placementDistrictCode: string | null;

  @Column({ type: 'text', nullable: true })
  placementCommuneCode: string | null;

  @Column({ type: 'text', nullable: true })
  placementVillageCode: string | null;

  @Column({ type: 'date', nullable: true })
  placedOn: string | null;

  @Column({ type: 'int', default: 0 })
  visitsSincePlacement: number;

  @Column({ type: 'date', nullable: true })
  lastVisitOn: string | null;

  @Column({ type: 'boolean', nullable: true })
  lastVisitRatedWell: boolean | null;

  @Column({ type: 'date', nullable: true })
  nextVisitDue: string | null;

  /** The date of the latest event: no later action may be dated before it. */
  @Column({ type: 'date' })
  lastEventOn: string;

  @Column({ type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ type: 'text', nullable: true })
  closeReason: CloseReason | null;
}
