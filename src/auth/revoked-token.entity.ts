import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A token ended by logout before it expired; kept until it would have expired anyway. */
@Entity('revoked_tokens')
export class RevokedToken {
  @PrimaryColumn({ type: 'uuid' })
  jti: string;

  @Index('revoked_tokens_expires_at_idx')
  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
