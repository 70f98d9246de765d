import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayUnique, IsArray, IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../common/http/date-field';
import { PROVINCE_CODES } from '../../provinces/provinces.data';
import { INTERVALS, type Interval } from '../domain/intervals';
import { CHILD_DIMENSIONS, FACILITY_DIMENSIONS, FLOW_DIMENSIONS, type ChildDimension, type FacilityDimension, type FlowDimension } from '../domain/dimensions';

export const commaList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value);

/** `groupBy` of the children's figures: a comma list of their dimensions. */
export const ChildGroupBy = () =>
  applyDecorators(
    ApiPropertyOptional({ description: `Comma list of ${CHILD_DIMENSIONS.join(', ')}.`, example: 'careSetting,provinceCode' }),
    IsOptional(),
    Transform(commaList),
    IsArray(),
    ArrayUnique(),
    IsIn(CHILD_DIMENSIONS, { each: true }),
  );

export class ChildrenFiguresQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Default: today. Counts what had happened by the end of that day.' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ChildGroupBy() groupBy?: ChildDimension[];

  @ApiPropertyOptional({ description: 'Only cases managed in this province.' }) @IsOptional() @IsIn(PROVINCE_CODES) provinceCode?: string;
}

export class FlowFiguresQuery {
  @ApiProperty({ format: 'date' }) @IsCalendarDate() from: string;
  @ApiProperty({ format: 'date' }) @IsCalendarDate() to: string;
  @ApiPropertyOptional({ enum: INTERVALS, description: 'One row per interval (calendar months, quarters or years, the first and last cut to from and to), each with periodFrom and periodTo.' })
  @IsOptional()
  @IsIn(INTERVALS)
  interval?: Interval;
  @ApiPropertyOptional({ description: 'Only events of cases managed in this province.' }) @IsOptional() @IsIn(PROVINCE_CODES) provinceCode?: string;
  @ApiPropertyOptional({ description: 'provinceCode', example: 'provinceCode' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayUnique()
  @IsIn(FLOW_DIMENSIONS, { each: true })
  groupBy?: FlowDimension[];
}

export class FacilityFiguresQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Default: today.' }) @IsOptional() @IsCalendarDate() asOf?: string;
  @ApiPropertyOptional({ description: `Comma list of ${FACILITY_DIMENSIONS.join(', ')}.`, example: 'provinceCode,status' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayUnique()
  @IsIn(FACILITY_DIMENSIONS, { each: true })
  groupBy?: FacilityDimension[];
}

export class DeinstitutionalisationQuery {
  @ApiProperty({ format: 'date' }) @IsCalendarDate() baseline: string;
  @ApiPropertyOptional({ format: 'date', description: 'Default: today.' }) @IsOptional() @IsCalendarDate() asOf?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(PROVINCE_CODES) provinceCode?: string;
}

export class DisclosureControlView {
  @ApiProperty({ enum: ['cell_key', 'none'], description: '`cell_key` (the ABS cell-key method, docs/figures.md) for planners; `none` for admins.' })
  method: 'cell_key' | 'none';
  @ApiProperty({ description: 'Published counts of children below this (from 1) are withheld: null, with `suppressed: true`.' }) suppressedBelow: number;
  @ApiProperty({ description: 'A published count of children differs from the truth by at most this.' }) maxNoise: number;
}

export class ChildrenFigureRow {
  @ApiPropertyOptional({ description: 'One property per groupBy dimension (children in no facility have facilityType `not_in_a_facility`).' }) careSetting?: string;
  @ApiPropertyOptional() provinceCode?: string;
  @ApiPropertyOptional({ description: 'Beside provinceCode.' }) provinceNameEn?: string;
  @ApiPropertyOptional({ description: 'Beside provinceCode.' }) provinceNameKm?: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Perturbed for planners (at most 2 from the truth), and null when 1 to 4.' }) count: number | null;
  @ApiProperty() suppressed: boolean;
}

export class ChildrenFigures {
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ type: [String] }) groupBy: string[];
  @ApiProperty({ type: [ChildrenFigureRow] }) rows: ChildrenFigureRow[];
  @ApiProperty({ nullable: true, type: Number, description: 'A cell of its own, perturbed from all its records: not the sum of the published rows.' }) total: number | null;
  @ApiProperty() totalSuppressed: boolean;
  @ApiProperty({ type: DisclosureControlView }) disclosureControl: DisclosureControlView;
}

export class FlowFigureRow {
  @ApiPropertyOptional({ format: 'date', description: 'With an interval: the first day of the interval (cut to from).' }) periodFrom?: string;
  @ApiPropertyOptional({ format: 'date', description: 'With an interval: its last day (cut to to).' }) periodTo?: string;
  @ApiPropertyOptional() provinceCode?: string;
  @ApiPropertyOptional() provinceNameEn?: string;
  @ApiPropertyOptional() provinceNameKm?: string;
  @ApiProperty({ nullable: true, type: Number }) referrals: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Gatekeeping decisions for residential care.' }) admissions: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Gatekeeping decisions for a family placement.' }) placedAtGatekeeping: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'From residential care (through reintegration) to a family.' }) reintegrations: number | null;
  @ApiProperty({ nullable: true, type: Number }) breakdowns: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Breakdowns plus new referrals of children who had an earlier episode.' }) reEntries: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'close and closeAtAssessment.' }) closures: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number', nullable: true }, description: 'Closures by reason; `at_assessment` for closeAtAssessment.' })
  closuresByReason: Record<string, number | null>;
  @ApiProperty() suppressed: boolean;
  @ApiProperty({ type: [String] }) suppressedFields: string[];
}

export class FlowFigures {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ enum: INTERVALS, nullable: true, type: String }) interval: Interval | null;
  @ApiProperty({ type: [FlowFigureRow] }) rows: FlowFigureRow[];
  @ApiProperty({ type: DisclosureControlView }) disclosureControl: DisclosureControlView;
}

export class FacilityFigureRow {
  @ApiPropertyOptional() provinceCode?: string;
  @ApiPropertyOptional() provinceNameEn?: string;
  @ApiPropertyOptional() provinceNameKm?: string;
  @ApiPropertyOptional() type?: string;
  @ApiPropertyOptional() status?: string;
  @ApiProperty({ description: 'Facilities: exact for everyone, as every count of facilities is.' }) facilities: number;
  @ApiProperty({ description: 'Places, summed.' }) capacity: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Children: protected like every count of children.' }) residents: number | null;
  @ApiProperty() withActiveMou: number;
  @ApiProperty() inspectedLast12Months: number;
  @ApiProperty() overdueInspections: number;
  @ApiProperty() transitioned: number;
  @ApiProperty() closed: number;
  @ApiProperty() suppressed: boolean;
  @ApiProperty({ type: [String] }) suppressedFields: string[];
}

export class FacilityFigures {
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ type: [FacilityFigureRow] }) rows: FacilityFigureRow[];
  @ApiProperty({ type: DisclosureControlView }) disclosureControl: DisclosureControlView;
}

export class DeinstitutionalisationFigures {
  @ApiProperty({ format: 'date' }) baseline: string;
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ nullable: true, type: String }) provinceCode: string | null;
  @ApiPropertyOptional() provinceNameEn?: string;
  @ApiPropertyOptional() provinceNameKm?: string;
  @ApiProperty({ nullable: true, type: Number }) residentialAtBaseline: number | null;
  @ApiProperty({ nullable: true, type: Number }) residentialNow: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '(baseline − now) / baseline × 100, one decimal.' }) reductionPercent: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Children in residential care per child in family-based care, on asOf.' })
  residentialToFamilyRatio: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Of the gatekeeping decisions between baseline and asOf, the share that kept the child out of residential care (placed in a family or closed at assessment), in percent (0-100).',
  })
  gatekeptAdmissionsPercent: number | null;
  @ApiProperty({ nullable: true, type: Number, deprecated: true, description: 'The same as gatekeptAdmissionsPercent, under its old name.' })
  gatekeptAdmissionsShare: number | null;
  @ApiProperty() suppressed: boolean;
  @ApiProperty({ type: [String] }) suppressedFields: string[];
  @ApiProperty({ type: DisclosureControlView }) disclosureControl: DisclosureControlView;
}
