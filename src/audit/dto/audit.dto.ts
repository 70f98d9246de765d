import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsInstant } from '../../common/http/date-field';
import { MAX_PAGE_SIZE } from '../../common/http/pagination';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class AuditListQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page (events are listed newest first).' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  cursor?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({ example: 'user' }) @IsOptional() @IsString() @MaxLength(50) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) entityId?: string;
  @ApiPropertyOptional({ example: 'user.update' }) @IsOptional() @IsString() @MaxLength(100) action?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsInstant() from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsInstant() to?: string;
}

export class AuditEventView {
  @ApiProperty({ format: 'uuid', description: 'The event’s id, derived from its hash.' }) id: string;
  @ApiProperty({ description: 'Position in the chain.' }) seq: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: Date;
  @ApiProperty() requestId: string;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorRole: string | null;
  @ApiProperty({ nullable: true, type: String }) agencyId: string | null;
  @ApiProperty() action: string;
  @ApiProperty() entityType: string;
  @ApiProperty({ nullable: true, type: String }) entityId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) changes: Record<string, unknown>;
  @ApiProperty() prevHash: string;
  @ApiProperty() hash: string;
}

export class AuditEventPage {
  @ApiProperty({ type: [AuditEventView] }) items: AuditEventView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ChainVerificationView {
  @ApiProperty() valid: boolean;
  @ApiProperty() checked: number;
  @ApiProperty({ nullable: true, type: String, description: 'The first event whose digest or link does not match.' })
  firstBrokenSeq: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Keep it elsewhere: a later chain must still contain it.' })
  lastHash: string | null;
}
