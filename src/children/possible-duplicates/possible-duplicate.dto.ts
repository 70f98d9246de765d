import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageMeta, PageQuery } from '../../common/http/pagination';
import { POSSIBLE_DUPLICATE_STATUSES, type PossibleDuplicateStatus } from './domain/possible-duplicate.transitions';

export class PossibleDuplicateListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: POSSIBLE_DUPLICATE_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(POSSIBLE_DUPLICATE_STATUSES)
  status?: PossibleDuplicateStatus;
}

export class DismissDuplicateRequest {
  @ApiPropertyOptional({ description: 'How you know they are different children.' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class PossibleDuplicateView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The child registered despite the match.' }) childId: string;
  @ApiProperty() childSystemCode: string;
  @ApiProperty({ format: 'uuid', description: 'The record it matched.' }) candidateId: string;
  @ApiProperty() candidateSystemCode: string;
  @ApiProperty({ enum: POSSIBLE_DUPLICATE_STATUSES }) status: PossibleDuplicateStatus;
  @ApiProperty({ type: [String] }) allowedActions: string[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dismissedAt: Date | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class PossibleDuplicatePage extends PageMeta {
  @ApiProperty({ type: [PossibleDuplicateView] }) items: PossibleDuplicateView[];
}
