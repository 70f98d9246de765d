import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../common/http/date-field';
import { PROVINCE_CODES } from '../../provinces/provinces.data';
import { CLOSE_REASONS, FAMILY_OPTIONS, PLACEMENT_TYPES, REFERRAL_REASONS, type CloseReason, type FamilyOption, type PlacementType, type ReferralReason } from '../domain/care-episode';
import type {
  AdmitBody,
  ChangePlacementBody,
  CloseBody,
  OccurredOnBody,
  PlacementBody,
  AmendReasonsBody,
  ReasonBody,
  ReferBody,
  StartReintegrationBody,
  TransferBody,
} from '../domain/care-episode.bodies';

/** The reasons of a referral: one or more of the list, each once. */
const ReasonsField = (description: string) =>
  applyDecorators(
    ApiProperty({ enum: REFERRAL_REASONS, isArray: true, description }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(REFERRAL_REASONS.length),
    ArrayUnique(),
    IsIn(REFERRAL_REASONS, { each: true }),
  );

/** The bodies of the referral and of each episode action, as the API validates and documents them. */
export class OccurredOnRequest implements OccurredOnBody {
  @ApiPropertyOptional({ format: 'date', description: 'When it happened (default today): not in the future, not before the previous event.' })
  @IsOptional()
  @IsCalendarDate()
  occurredOn?: string;
}

export class CreateEpisodeRequest implements ReferBody {
  @ApiPropertyOptional({ example: 'OSCaR-CASE-4411', maxLength: 100, description: 'The responsible agency’s own id for the case: unique within that agency (409 EXTERNAL_ID_EXISTS otherwise).' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  externalId?: string;

  @ApiProperty({ format: 'uuid' }) @IsUUID() childId: string;
  @ApiProperty({ format: 'uuid', description: 'The agency doing the case work; an ngo_worker refers for its own agency.' })
  @IsUUID()
  responsibleAgencyId: string;
  @ApiProperty({ example: '02', description: 'Where the case is managed.' }) @IsIn(PROVINCE_CODES) provinceCode: string;
  @ApiProperty({ format: 'date' }) @IsCalendarDate() referredOn: string;
  @ReasonsField('Why the child is referred.')
  reasons: ReferralReason[];
}

export class AlternativeConsidered {
  @ApiProperty({ enum: FAMILY_OPTIONS }) @IsIn(FAMILY_OPTIONS) option: FamilyOption;
  @ApiProperty({ example: 'No relative could be traced.' }) @IsString() @MinLength(3) @MaxLength(2000) whyNotSuitable: string;
}

export class AdmitRequest extends OccurredOnRequest implements AdmitBody {
  @ApiProperty({ format: 'uuid' }) @IsUUID() facilityId: string;
  @ApiProperty({ description: 'Why residential care, as a last resort.', example: 'Severe abuse at home; no safe family option could be found in time.' }) @IsString() @MinLength(10) @MaxLength(4000) justification: string;
  @ApiProperty({
    type: [AlternativeConsidered],
    minItems: 3,
    description: 'Why each of parental_care, kinship_care and foster_care was not suitable: all three, or the guard `family_based_options_considered` refuses.',
    example: [
      { option: 'parental_care', whyNotSuitable: 'The abuser lives in the home.' },
      { option: 'kinship_care', whyNotSuitable: 'No relative could be traced yet.' },
      { option: 'foster_care', whyNotSuitable: 'No approved foster family in the province.' },
    ],
  })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => AlternativeConsidered)
  alternativesConsidered: AlternativeConsidered[];
  @ApiPropertyOptional({ description: 'Required for a child under 3: the exceptional reason.', example: 'An infant abandoned at the hospital; an emergency foster family is being found.' })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(4000)
  under3Justification?: string;
}

export class PlacementRequest extends OccurredOnRequest implements PlacementBody {
  @ApiProperty({ enum: PLACEMENT_TYPES }) @IsIn(PLACEMENT_TYPES) placementType: PlacementType;
  @ApiProperty({ example: 'Sok Chea' }) @IsString() @MinLength(1) @MaxLength(200) carerName: string;
  @ApiPropertyOptional({ example: 'maternal aunt' }) @IsOptional() @IsString() @MaxLength(100) carerRelationship?: string;
  @ApiProperty({ example: '02', description: 'The placement’s province: the case is managed there from now on.' }) @IsIn(PROVINCE_CODES) provinceCode: string;
  @ApiPropertyOptional({ example: '0203', description: 'A district of the gazetteer (GET /places) in that province.' }) @IsOptional() @Matches(/^\d{4}$/) districtCode?: string;
  @ApiPropertyOptional({ example: '020301', description: 'A commune of the gazetteer in that district.' }) @IsOptional() @Matches(/^\d{6}$/) communeCode?: string;
  @ApiPropertyOptional({ example: '02030101', description: 'A village of the gazetteer in that commune.' }) @IsOptional() @Matches(/^\d{8}$/) villageCode?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Required from reintegration.' }) @IsOptional() @IsCalendarDate() familyAssessedOn?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Required from reintegration: the plan agreed in writing.' }) @IsOptional() @IsCalendarDate() planAgreedOn?: string;
}

export class ChangePlacementRequest extends PlacementRequest implements ChangePlacementBody {
  @ApiProperty({ description: 'Why the previous placement ended.' }) @IsString() @MinLength(3) @MaxLength(2000) previousEndReason: string;
}

export class TransferRequest extends OccurredOnRequest implements TransferBody {
  @ApiProperty({ format: 'uuid' }) @IsUUID() facilityId: string;
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(2000) reason: string;
}

export class StartReintegrationRequest extends OccurredOnRequest implements StartReintegrationBody {
  @ApiProperty({ enum: PLACEMENT_TYPES }) @IsIn(PLACEMENT_TYPES) targetPlacementType: PlacementType;
  @ApiProperty({ format: 'date' }) @IsCalendarDate() familyTracedOn: string;
}

export class EpisodeReasonRequest extends OccurredOnRequest implements ReasonBody {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(2000) reason: string;
}

export class CloseEpisodeRequest extends OccurredOnRequest implements CloseBody {
  @ApiProperty({ enum: CLOSE_REASONS }) @IsIn(CLOSE_REASONS) reason: CloseReason;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class AmendReasonsRequest extends OccurredOnRequest implements AmendReasonsBody {
  @ReasonsField('The reasons as the assessment found them.')
  reasons: ReferralReason[];
  @ApiProperty({ example: 'The assessment found neglect behind the family’s poverty.' }) @IsString() @MinLength(3) @MaxLength(2000) note: string;
}
