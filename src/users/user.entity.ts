import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import type { Role } from '../common/auth/roles';
import { RecordBase } from '../common/database/columns';

@Entity('users')
@Check('users_kind_check', `kind IN ('person', 'api_client')`)
export class User extends RecordBase {
  @Index('users_username_key', { unique: true })
  @Column({ type: 'text' })
  username: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'uuid', nullable: true })
  agencyId: string | null;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  provinceCodes: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** `api_client`: a system's account (POST /api-clients), which signs in with the client-credentials grant only. */
  @Column({ type: 'text', default: 'person' })
  kind: 'person' | 'api_client';

  /** Bumped whenever access changes (password, role, scope, deactivation): older tokens stop working. */
  @Column({ type: 'int', default: 1 })
  tokenVersion: number;
}
