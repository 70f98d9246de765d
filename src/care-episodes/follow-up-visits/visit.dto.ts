import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../common/http/date-field';
import { VISIT_TYPES, type VisitType } from '../domain/care-episode';
import type { VisitBody } from '../domain/care-episode.bodies';

export class VisitRatingsRequest {
  @ApiProperty({ minimum: 1, maximum: 4 }) @IsInt() @Min(1) @Max(4) safety: number;
  @ApiProperty({ minimum: 1, maximum: 4 }) @IsInt() @Min(1) @Max(4) health: number;
  @ApiProperty({ minimum: 1, maximum: 4 }) @IsInt() @Min(1) @Max(4) education: number;
  @ApiProperty({ minimum: 1, maximum: 4 }) @IsInt() @Min(1) @Max(4) familyRelationships: number;
  @ApiProperty({ minimum: 1, maximum: 4 }) @IsInt() @Min(1) @Max(4) economicSituation: number;
  @ApiProperty({ minimum: 1, maximum: 4 }) @IsInt() @Min(1) @Max(4) wellbeing: number;
}

export class CreateVisitRequest implements VisitBody {
  @ApiProperty({ format: 'date' }) @IsCalendarDate() visitedOn: string;
  @ApiProperty({ enum: VISIT_TYPES }) @IsIn(VISIT_TYPES) visitType: VisitType;
  @ApiProperty() @IsBoolean() childSeen: boolean;
  @ApiProperty({ type: VisitRatingsRequest, description: 'Each 1-4; rated well when none is below 3.' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => VisitRatingsRequest)
  ratings: VisitRatingsRequest;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10_000) note?: string;
}

export class VisitView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) episodeId: string;
  @ApiProperty({ format: 'date' }) visitedOn: string;
  @ApiProperty({ enum: VISIT_TYPES }) visitType: VisitType;
  @ApiProperty() childSeen: boolean;
  @ApiProperty({ type: VisitRatingsRequest }) ratings: VisitRatingsRequest;
  @ApiProperty() ratedWell: boolean;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ format: 'uuid' }) recordedById: string;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class VisitList {
  @ApiProperty({ type: [VisitView] }) items: VisitView[];
}
