import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../common/http/date-field';
import { PageMeta, PageQuery } from '../../common/http/pagination';
import { toBoolean } from '../../common/http/query-values';
import { CORRECTIVE_ACTION_STATUSES, type CorrectiveActionStatus, type ResolveBody } from '../domain/corrective-action.transitions';

export class ResolveCorrectiveActionRequest implements ResolveBody {
  @ApiPropertyOptional({ format: 'date', description: 'Default: today.' }) @IsOptional() @IsCalendarDate() resolvedOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class CorrectiveActionListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() facilityId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() inspectionId?: string;
  @ApiPropertyOptional({ enum: CORRECTIVE_ACTION_STATUSES }) @IsOptional() @IsIn(CORRECTIVE_ACTION_STATUSES) status?: CorrectiveActionStatus;
  @ApiPropertyOptional({ description: 'Only open corrective actions past their due date.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsIn([true, false])
  overdue?: boolean;
}

export class CorrectiveActionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) inspectionId: string;
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ enum: CORRECTIVE_ACTION_STATUSES }) status: CorrectiveActionStatus;
  @ApiProperty({ description: 'Open and past its due date.' }) overdue: boolean;
  @ApiProperty({ format: 'date', nullable: true, type: String }) resolvedOn: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) resolvedById: string | null;
  @ApiProperty({ nullable: true, type: String }) resolutionNote: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class CorrectiveActionPage extends PageMeta {
  @ApiProperty({ type: [CorrectiveActionView] }) items: CorrectiveActionView[];
}
