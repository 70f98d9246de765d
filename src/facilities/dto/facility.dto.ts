import { SortParameter } from '../../common/http/sorting';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageMeta, PageQuery } from '../../common/http/pagination';
import { toBoolean } from '../../common/http/query-values';
import { PROVINCE_CODES } from '../../provinces/provinces.data';
import { FACILITY_ACTIONS, type FacilityAction } from '../domain/facility.transitions';
import { FACILITY_STATUSES, FACILITY_TYPES, type FacilityStatus, type FacilityType } from '../domain/facility';
import { Nullable } from '../../common/http/nullable';

export class CreateFacilityRequest {
  @ApiProperty({ example: 'Sunrise Children’s Home' }) @IsString() @MinLength(2) @MaxLength(200) name: string;
  @ApiPropertyOptional({ example: 'មណ្ឌលកុមារ ព្រះអាទិត្យរះ', nullable: true, type: String }) @IsOptional() @Nullable() @IsString() @MaxLength(200) nameKm?: string;
  @ApiProperty({ enum: FACILITY_TYPES }) @IsIn(FACILITY_TYPES) type: FacilityType;
  @ApiProperty({ format: 'uuid' }) @IsUUID() operatorAgencyId: string;
  @ApiProperty({ example: '02', description: 'Official two-digit province code.' }) @IsIn(PROVINCE_CODES) provinceCode: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Nullable() @IsString() @MaxLength(100) district?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Nullable() @IsString() @MaxLength(100) commune?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Nullable() @IsString() @MaxLength(100) village?: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '0203', description: 'A district of the gazetteer (GET /places) in the province.' }) @IsOptional() @Nullable() @Matches(/^\d{4}$/) districtCode?: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '020301', description: 'A commune of the gazetteer in the district (and province).' }) @IsOptional() @Nullable() @Matches(/^\d{6}$/) communeCode?: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '02030101', description: 'A village of the gazetteer in the commune.' }) @IsOptional() @Nullable() @Matches(/^\d{8}$/) villageCode?: string;
  @ApiProperty({ minimum: 0, maximum: 5000 }) @IsInt() @Min(0) @Max(5000) capacity: number;
  @ApiPropertyOptional({
    description: 'A facility with the same name (in either script, without case, accents or spacing) in the same province (and commune, when given) answers 409 POSSIBLE_DUPLICATE_FACILITY with the candidates; send true once you have checked it is another one.',
  })
  @IsOptional()
  @IsBoolean()
  confirmNotDuplicate?: boolean;
}

export class UpdateFacilityRequest extends PartialType(OmitType(CreateFacilityRequest, ['confirmNotDuplicate'] as const)) {}

/** What a list of facilities may be sorted by (the SQL of each: facility-sorting.ts). */
export const FACILITY_SORTS = ['nextInspectionDue', 'name', 'registryCode', 'createdAt'] as const;

export class FacilityListQuery extends PageQuery {
  @SortParameter(FACILITY_SORTS) sort?: string;
  @ApiPropertyOptional({ example: '02' }) @IsOptional() @IsIn(PROVINCE_CODES) provinceCode?: string;
  @ApiPropertyOptional({ enum: FACILITY_TYPES }) @IsOptional() @IsIn(FACILITY_TYPES) type?: FacilityType;
  @ApiPropertyOptional({ enum: FACILITY_STATUSES }) @IsOptional() @IsIn(FACILITY_STATUSES) status?: FacilityStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() operatorAgencyId?: string;
  @ApiPropertyOptional({ description: 'Only facilities whose next inspection is overdue (true) or not (false).' })
  @IsOptional()
  @Transform(toBoolean)
  @IsIn([true, false])
  inspectionOverdue?: boolean;
  @ApiPropertyOptional({ description: 'Only facilities without an MoU in force (true) or with one (false).' })
  @IsOptional()
  @Transform(toBoolean)
  @IsIn([true, false])
  withoutActiveMou?: boolean;
  @ApiPropertyOptional({ description: 'Part of the name in Latin or Khmer script, any case.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class CurrentMouView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() referenceNumber: string;
  @ApiProperty({ enum: ['active', 'expired'] }) status: 'active' | 'expired';
  @ApiProperty({ format: 'date', nullable: true, type: String }) startsOn: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) endsOn: string | null;
}

export class FacilityView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'RCF-02-00017', description: 'Assigned by the system.' }) registryCode: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) nameKm: string | null;
  @ApiProperty({ enum: FACILITY_TYPES }) type: FacilityType;
  @ApiProperty({ format: 'uuid' }) operatorAgencyId: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty({ nullable: true, type: String }) district: string | null;
  @ApiProperty({ nullable: true, type: String }) commune: string | null;
  @ApiProperty({ nullable: true, type: String }) village: string | null;
  @ApiProperty({ nullable: true, type: String }) districtCode: string | null;
  @ApiProperty({ nullable: true, type: String }) communeCode: string | null;
  @ApiProperty({ nullable: true, type: String }) villageCode: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', nullable: true, properties: { nameEn: { type: 'string' }, nameKm: { type: 'string' } } },
    description: 'The names of the district, commune and village codes in Latin and Khmer script (null where no code is set).',
    example: { district: { nameEn: 'Battambang', nameKm: 'បាត់ដំបង' }, commune: null, village: null },
  })
  places: Record<string, { nameEn: string; nameKm: string } | null>;
  @ApiProperty() capacity: number;
  @ApiProperty({ enum: FACILITY_STATUSES }) status: FacilityStatus;
  @ApiProperty({ enum: FACILITY_ACTIONS, isArray: true, description: 'What you may do next from this status.' })
  allowedActions: FacilityAction[];
  @ApiProperty({ description: 'Children resident now (from care episodes in residential care).' }) residents: number;
  @ApiProperty({ description: 'An MoU is in force today.' }) hasActiveMou: boolean;
  @ApiProperty({ type: CurrentMouView, nullable: true }) currentMou: CurrentMouView | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) lastApprovedInspectionOn: string | null;
  @ApiProperty({
    enum: ['compliant', 'compliant_with_recommendations', 'non_compliant'],
    nullable: true,
    type: String,
    description: 'The outcome of the latest approved inspection: what a social worker choosing a facility for an admission needs to see.',
  })
  lastInspectionOutcome: 'compliant' | 'compliant_with_recommendations' | 'non_compliant' | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: '12 months after the last approved inspection; at once if none; null once closed or transitioned.' })
  nextInspectionDue: string | null;
  @ApiProperty() inspectionOverdue: boolean;
  @ApiProperty({ format: 'date', nullable: true, type: String }) remediationDeadline: string | null;
  @ApiProperty({ nullable: true, type: String }) transitionTargetService: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) transitionTargetDate: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class FacilityPage extends PageMeta {
  @ApiProperty({ type: [FacilityView] }) items: FacilityView[];
}
