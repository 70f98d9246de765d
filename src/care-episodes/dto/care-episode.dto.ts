import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../common/http/date-field';
import { PageMeta, PageQuery } from '../../common/http/pagination';
import { toBoolean } from '../../common/http/query-values';
import { PROVINCE_CODES } from '../../provinces/provinces.data';
import {
  CLOSE_REASONS,
  EPISODE_STATUSES,
  FAMILY_OPTIONS,
  PLACEMENT_TYPES,
  REFERRAL_REASONS,
  VISIT_TYPES,
  type CloseReason,
  type EpisodeStatus,
  type FamilyOption,
  type PlacementType,
  type ReferralReason,
  type VisitType,
} from '../domain/care-episode';
import { EPISODE_ACTIONS, type EpisodeAction } from '../domain/care-episode.transitions';

export class OccurredOnRequest {
  @ApiPropertyOptional({ format: 'date', description: 'When it happened (default today): not in the future, not before the previous event.' })
  @IsOptional()
  @IsCalendarDate()
  occurredOn?: string;
}

export class CreateEpisodeRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() childId: string;
  @ApiProperty({ format: 'uuid', description: 'The agency doing the case work; an ngo_worker refers for its own agency.' })
  @IsUUID()
  responsibleAgencyId: string;
  @ApiProperty({ example: '02', description: 'Where the case is managed.' }) @IsIn(PROVINCE_CODES) provinceCode: string;
  @ApiProperty({ format: 'date' }) @IsCalendarDate() referredOn: string;
  @ApiProperty({ enum: REFERRAL_REASONS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(11)
  @ArrayUnique()
  @IsIn(REFERRAL_REASONS, { each: true })
  reasons: ReferralReason[];
}

export class AlternativeConsidered {
  @ApiProperty({ enum: FAMILY_OPTIONS }) @IsIn(FAMILY_OPTIONS) option: FamilyOption;
  @ApiProperty({ example: 'No relative could be traced.' }) @IsString() @MinLength(3) @MaxLength(2000) whyNotSuitable: string;
}

export class AdmitRequest extends OccurredOnRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() facilityId: string;
  @ApiProperty({ description: 'Why residential care, as a last resort.' }) @IsString() @MinLength(10) @MaxLength(4000) justification: string;
  @ApiProperty({ type: [AlternativeConsidered], description: 'Why each of parental_care, kinship_care and foster_care was not suitable.' })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => AlternativeConsidered)
  alternativesConsidered: AlternativeConsidered[];
  @ApiPropertyOptional({ description: 'Required for a child under 3: the exceptional reason.' })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(4000)
  under3Justification?: string;
}

export class PlacementRequest extends OccurredOnRequest {
  @ApiProperty({ enum: PLACEMENT_TYPES }) @IsIn(PLACEMENT_TYPES) placementType: PlacementType;
  @ApiProperty({ example: 'Sok Chea' }) @IsString() @MinLength(1) @MaxLength(200) carerName: string;
  @ApiPropertyOptional({ example: 'maternal aunt' }) @IsOptional() @IsString() @MaxLength(100) carerRelationship?: string;
  @ApiProperty({ example: '02', description: 'The placement’s province: the case is managed there from now on.' }) @IsIn(PROVINCE_CODES) provinceCode: string;
  @ApiPropertyOptional({ format: 'date', description: 'Required from reintegration.' }) @IsOptional() @IsCalendarDate() familyAssessedOn?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Required from reintegration: the plan agreed in writing.' }) @IsOptional() @IsCalendarDate() planAgreedOn?: string;
}

export class ChangePlacementRequest extends PlacementRequest {
  @ApiProperty({ description: 'Why the previous placement ended.' }) @IsString() @MinLength(3) @MaxLength(2000) previousEndReason: string;
}

export class TransferRequest extends OccurredOnRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() facilityId: string;
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(2000) reason: string;
}

export class StartReintegrationRequest extends OccurredOnRequest {
  @ApiProperty({ enum: PLACEMENT_TYPES }) @IsIn(PLACEMENT_TYPES) targetPlacementType: PlacementType;
  @ApiProperty({ format: 'date' }) @IsCalendarDate() familyTracedOn: string;
}

export class EpisodeReasonRequest extends OccurredOnRequest {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(2000) reason: string;
}

export class CloseEpisodeRequest extends OccurredOnRequest {
  @ApiProperty({ enum: CLOSE_REASONS }) @IsIn(CLOSE_REASONS) reason: CloseReason;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class CreateReviewRequest {
  @ApiProperty({ format: 'date' }) @IsCalendarDate() reviewedOn: string;
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(10_000) summary: string;
}

export class VisitRatingsRequest {
  @ApiProperty({ minimum: 1, maximum: 4 }) @IsInt() @Min(1) @Max(4) safety: number;
  @ApiProperty({ minimum: 1, maximum: 4 }) @IsInt() @Min(1) @Max(4) health: number;
  @ApiProperty({ minimum: 1, maximum: 4 }) @IsInt() @Min(1) @Max(4) education: number;
  @ApiProperty({ minimum: 1, maximum: 4 }) @IsInt() @Min(1) @Max(4) familyRelationships: number;
  @ApiProperty({ minimum: 1, maximum: 4 }) @IsInt() @Min(1) @Max(4) economicSituation: number;
  @ApiProperty({ minimum: 1, maximum: 4 }) @IsInt() @Min(1) @Max(4) wellbeing: number;
}

export class CreateVisitRequest {
  @ApiProperty({ format: 'date' }) @IsCalendarDate() visitedOn: string;
  @ApiProperty({ enum: VISIT_TYPES }) @IsIn(VISIT_TYPES) visitType: VisitType;
  @ApiProperty() @IsBoolean() childSeen: boolean;
  @ApiProperty({ type: VisitRatingsRequest, description: 'Each 1-4; rated well when none is below 3.' })
  @ValidateNested()
  @Type(() => VisitRatingsRequest)
  ratings: VisitRatingsRequest;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10_000) note?: string;
}

export class EpisodeListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: EPISODE_STATUSES }) @IsOptional() @IsIn(EPISODE_STATUSES) status?: EpisodeStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() facilityId?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(PROVINCE_CODES) provinceCode?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The responsible agency.' }) @IsOptional() @IsUUID() agencyId?: string;
  @ApiPropertyOptional({ enum: PLACEMENT_TYPES }) @IsOptional() @IsIn(PLACEMENT_TYPES) placementType?: PlacementType;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() childId?: string;
  @ApiPropertyOptional({ description: 'In residential care and past the next care plan review.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsIn([true, false])
  overdueReview?: boolean;
  @ApiPropertyOptional({ description: 'In family-based care and past the next follow-up visit.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsIn([true, false])
  overdueVisit?: boolean;
}

export class EpisodeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) childId: string;
  @ApiProperty({ format: 'uuid' }) responsibleAgencyId: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty({ enum: EPISODE_STATUSES }) status: EpisodeStatus;
  @ApiProperty({ enum: EPISODE_ACTIONS, isArray: true, description: 'What you may do next.' }) allowedActions: EpisodeAction[];
  @ApiProperty({ format: 'date' }) referredOn: string;
  @ApiProperty({ enum: REFERRAL_REASONS, isArray: true }) reasons: ReferralReason[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) facilityId: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) residentialSince: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) lastReviewOn: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) nextReviewDue: string | null;
  @ApiProperty() reviewOverdue: boolean;
  @ApiProperty({ enum: PLACEMENT_TYPES, nullable: true }) targetPlacementType: PlacementType | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) familyTracedOn: string | null;
  @ApiProperty({ enum: PLACEMENT_TYPES, nullable: true }) placementType: PlacementType | null;
  @ApiProperty({ nullable: true, type: String }) carerName: string | null;
  @ApiProperty({ nullable: true, type: String }) carerRelationship: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) placedOn: string | null;
  @ApiProperty() visitsSincePlacement: number;
  @ApiProperty({ format: 'date', nullable: true, type: String }) lastVisitOn: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) nextVisitDue: string | null;
  @ApiProperty() visitOverdue: boolean;
  @ApiProperty({ format: 'date' }) lastEventOn: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) closedOn: string | null;
  @ApiProperty({ enum: CLOSE_REASONS, nullable: true }) closeReason: CloseReason | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class EpisodePage extends PageMeta {
  @ApiProperty({ type: [EpisodeView] }) items: EpisodeView[];
}

export class EpisodeEventView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() action: string;
  @ApiProperty({ nullable: true, type: String }) fromStatus: string | null;
  @ApiProperty() toStatus: string;
  @ApiProperty({ format: 'date' }) occurredOn: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: Date;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorRole: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The actor’s agency.' }) actorAgencyId: string | null;
  @ApiProperty({ format: 'uuid' }) responsibleAgencyId: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) facilityId: string | null;
  @ApiProperty({ nullable: true, type: String }) placementType: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload: object;
}

export class EpisodeEventList {
  @ApiProperty({ type: [EpisodeEventView] }) items: EpisodeEventView[];
}

export class ReviewView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) episodeId: string;
  @ApiProperty({ format: 'date' }) reviewedOn: string;
  @ApiProperty() summary: string;
  @ApiProperty({ format: 'uuid' }) recordedById: string;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class ReviewList {
  @ApiProperty({ type: [ReviewView] }) items: ReviewView[];
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
