import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One line of the append-only, hash-chained audit log. Rows are inserted by raw SQL: the database
 * assigns `seq`, `prevHash` and `hash` in a trigger, and refuses UPDATE, DELETE and TRUNCATE.
 */
@Entity('audit_events')
export class AuditEvent {
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  /** Derived from the hash by the trigger, so it is as tamper-evident as the hash itself. */
  @Index('audit_events_id_key', { unique: true })
  @Column({ type: 'uuid' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ type: 'text' })
  requestId: string;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  actorRole: string | null;

  @Column({ type: 'uuid', nullable: true })
  agencyId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  entityType: string;

  @Column({ type: 'text', nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes: Record<string, unknown>;

  @Column({ type: 'text' })
  prevHash: string;

  @Column({ type: 'text' })
  hash: string;
}
