import { Column, Entity, Index } from 'typeorm';
import { RecordBase } from '../common/database/columns';
import type { ParentalStatus, Sex } from './domain/child';

@Entity('children')
@Index('children_duplicate_lookup_idx', ['dateOfBirth', 'homeProvinceCode'])
// Unique per agency where set: a partial index of migration 1765100000000.
@Index('children_external_id_key', { synchronize: false })
// Each child's record key by id, without the table (the indicators' cell keys).
@Index('children_record_key_idx', { synchronize: false })
// Newest first on an expression, the order of every list of children (migration 1765700000000).
@Index('children_newest_first_idx', { synchronize: false })
export class Child extends RecordBase {
  /** A code that identifies no one, for talking about a child without naming it. */
  @Index('children_system_code_key', { unique: true })
  @Column({ type: 'text' })
  systemCode: string;

  @Column({ type: 'text' })
  givenName: string;

  @Column({ type: 'text' })
  familyName: string;

  @Column({ type: 'text', nullable: true })
  givenNameKm: string | null;

  @Column({ type: 'text', nullable: true })
  familyNameKm: string | null;

  @Column({ type: 'text' })
  sex: Sex;

  @Column({ type: 'date' })
  dateOfBirth: string;

  @Column({ type: 'boolean', default: false })
  dateOfBirthEstimated: boolean;

  @Column({ type: 'boolean', nullable: true })
  birthRegistered: boolean | null;

  @Column({ type: 'boolean' })
  disability: boolean;

  @Column({ type: 'text' })
  parentalStatus: ParentalStatus;

  @Column({ type: 'text' })
  homeProvinceCode: string;

  /** Where the child's family lives, as codes of the official places (GET /places), inside the province. */
  /** The id an NGO's own case system gives the child, unique within that agency (migration 1765100000000). */
  @Column({ type: 'text', nullable: true })
  externalId: string | null;

  @Column({ type: 'uuid', nullable: true })
  externalAgencyId: string | null;

  @Column({ type: 'text', nullable: true })
  homeDistrictCode: string | null;

  @Column({ type: 'text', nullable: true })
  homeCommuneCode: string | null;

  @Column({ type: 'text', nullable: true })
  homeVillageCode: string | null;

  /** Who may see a child with no episode yet: the registering user's agency or provinces. */
  @Column({ type: 'uuid', nullable: true })
  registeredByAgencyId: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  registeredInProvinceCodes: string[];

  /** A fixed random key (0-255) for disclosure control: the figures derive their noise from such keys. */
  @Column({ type: 'smallint' })
  recordKey: number;
}
