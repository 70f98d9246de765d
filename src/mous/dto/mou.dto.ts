import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDate } from '../../common/http/date-field';
import { PageMeta, PageQuery } from '../../common/http/pagination';
import { MOU_STATUSES, type MouStatus } from '../domain/mou';
import type { ActivateBody, RenewBody, TerminateBody } from '../domain/mou.effects';

export class CreateMouRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() facilityId: string;
  @ApiProperty({ example: 'MoSVY-MOU-2026-0142' }) @IsString() @MinLength(2) @MaxLength(100) referenceNumber: string;
}

export class ActivateMouRequest implements ActivateBody {
  @ApiProperty({ format: 'date', description: 'May be in the past, to register MoUs signed before the system existed.' })
  @IsCalendarDate()
  signedOn: string;

  @ApiProperty({ format: 'date' }) @IsCalendarDate() startsOn: string;

  @ApiPropertyOptional({ format: 'date', description: 'Default: 3 years after startsOn. On this day the MoU is `expired`.' })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string;
}

export class TerminateMouRequest implements TerminateBody {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(2000) reason: string;
  @ApiPropertyOptional({ format: 'date', description: 'Default: today.' }) @IsOptional() @IsCalendarDate() terminatedOn?: string;
}

export class RenewMouRequest implements RenewBody {
  @ApiProperty({ example: 'MoSVY-MOU-2029-0007' }) @IsString() @MinLength(2) @MaxLength(100) referenceNumber: string;
}

export class MouListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() facilityId?: string;
  @ApiPropertyOptional({ enum: MOU_STATUSES, description: 'As reported: `expired` are active MoUs past their end date.' })
  @IsOptional()
  @IsIn(MOU_STATUSES)
  status?: MouStatus;
  @ApiPropertyOptional({ description: 'Only MoUs in force that end within this many days.', minimum: 0, maximum: 3660 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3660)
  expiringWithinDays?: number;
}

export class MouView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty({ format: 'uuid' }) operatorAgencyId: string;
  @ApiProperty() referenceNumber: string;
  @ApiProperty({ enum: MOU_STATUSES }) status: MouStatus;
  @ApiProperty({ type: [String], description: 'What you may do next.' }) allowedActions: string[];
  @ApiProperty({ format: 'date', nullable: true, type: String }) signedOn: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) startsOn: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) endsOn: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The MoU this one renews.' }) renewalOfId: string | null;
  @ApiProperty({ nullable: true, type: String }) terminationReason: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) terminatedOn: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class MouPage extends PageMeta {
  @ApiProperty({ type: [MouView] }) items: MouView[];
}
