import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate } from '../../common/http/date-field';
import { PageMeta } from '../../common/http/pagination';
import { PROVINCE_CODES } from '../../provinces/provinces.data';
import { PARENTAL_STATUSES, SEXES, type ParentalStatus, type Sex } from '../domain/child';
import { Nullable } from '../../common/http/nullable';

export class CreateChildRequest {
  @ApiPropertyOptional({ example: 'OSCaR-2024-00817', maxLength: 100, description: 'Your case system’s own id for the child: unique within your agency (409 EXTERNAL_ID_EXISTS otherwise).' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  externalId?: string;

  @ApiProperty({ example: 'Srey Neang' }) @IsString() @MinLength(1) @MaxLength(100) givenName: string;
  @ApiProperty({ example: 'Chan' }) @IsString() @MinLength(1) @MaxLength(100) familyName: string;
  @ApiPropertyOptional({ example: 'ស្រីនាង', description: 'Stored exactly as sent.', nullable: true, type: String }) @IsOptional() @Nullable() @IsString() @MaxLength(100) givenNameKm?: string;
  @ApiPropertyOptional({ example: 'ចាន់', nullable: true, type: String }) @IsOptional() @Nullable() @IsString() @MaxLength(100) familyNameKm?: string;
  @ApiProperty({ enum: SEXES }) @IsIn(SEXES) sex: Sex;
  @ApiProperty({ format: 'date' }) @IsCalendarDate() dateOfBirth: string;
  @ApiPropertyOptional({ description: 'The date of birth is an estimate.' }) @IsOptional() @IsBoolean() dateOfBirthEstimated?: boolean;
  @ApiPropertyOptional({ nullable: true, type: Boolean }) @IsOptional() @Nullable() @IsBoolean() birthRegistered?: boolean;
  @ApiProperty() @IsBoolean() disability: boolean;
  @ApiProperty({ enum: PARENTAL_STATUSES }) @IsIn(PARENTAL_STATUSES) parentalStatus: ParentalStatus;
  @ApiProperty({ example: '02' }) @IsIn(PROVINCE_CODES) homeProvinceCode: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '0203', description: 'A district of the gazetteer (GET /places) in the home province.' }) @IsOptional() @Nullable() @Matches(/^\d{4}$/) homeDistrictCode?: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '020301', description: 'A commune of the gazetteer in the home district.' }) @IsOptional() @Nullable() @Matches(/^\d{6}$/) homeCommuneCode?: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '02030101', description: 'A village of the gazetteer in the home commune.' }) @IsOptional() @Nullable() @Matches(/^\d{8}$/) homeVillageCode?: string;
  @ApiPropertyOptional({ description: 'You checked the candidates of a 409 and this is a different child.' })
  @IsOptional()
  @IsBoolean()
  confirmNotDuplicate?: boolean;
}

export class UpdateChildRequest extends PartialType(OmitType(CreateChildRequest, ['confirmNotDuplicate'] as const)) {}

export class ChildView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'CH-7K2M9QX4RT', description: 'Identifies no one.' }) systemCode: string;
  @ApiProperty() givenName: string;
  @ApiProperty() familyName: string;
  @ApiProperty({ nullable: true, type: String }) givenNameKm: string | null;
  @ApiProperty({ nullable: true, type: String }) familyNameKm: string | null;
  @ApiProperty({ enum: SEXES }) sex: Sex;
  @ApiProperty({ format: 'date' }) dateOfBirth: string;
  @ApiProperty() dateOfBirthEstimated: boolean;
  @ApiProperty({ nullable: true, type: Boolean }) birthRegistered: boolean | null;
  @ApiProperty() disability: boolean;
  @ApiProperty({ enum: PARENTAL_STATUSES }) parentalStatus: ParentalStatus;
  @ApiProperty() homeProvinceCode: string;
  @ApiProperty({ nullable: true, type: String }) externalId: string | null;
  @ApiProperty({ nullable: true, type: String }) homeDistrictCode: string | null;
  @ApiProperty({ nullable: true, type: String }) homeCommuneCode: string | null;
  @ApiProperty({ nullable: true, type: String }) homeVillageCode: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', nullable: true, properties: { nameEn: { type: 'string' }, nameKm: { type: 'string' } } },
    description: 'The names of the home district, commune and village (null where no code is set).',
  })
  homePlaces: Record<string, { nameEn: string; nameKm: string } | null>;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The open care episode, if any.' }) openEpisodeId: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class ChildPage extends PageMeta {
  @ApiProperty({ type: [ChildView] }) items: ChildView[];
}

export class DuplicateCandidate {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() systemCode: string;
}
