import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayUnique, IsArray, IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../common/http/date-field';
import { PROVINCE_CODES } from '../../provinces/provinces.data';
import { CHILD_DIMENSIONS, FACILITY_DIMENSIONS, FLOW_DIMENSIONS, type ChildDimension, type FacilityDimension, type FlowDimension } from '../domain/dimensions';

const commaList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value);

export class ChildrenFiguresQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Default: today. Counts what had happened by the end of that day.' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ description: `Comma list of ${CHILD_DIMENSIONS.join(', ')}.`, example: 'careSetting,provinceCode' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayUnique()
  @IsIn(CHILD_DIMENSIONS, { each: true })
  groupBy?: ChildDimension[];

  @ApiPropertyOptional({ description: 'Only cases managed in this province.' }) @IsOptional() @IsIn(PROVINCE_CODES) provinceCode?: string;
}

export class FlowFiguresQuery {
  @ApiProperty({ format: 'date' }) @IsCalendarDate() from: string;
  @ApiProperty({ format: 'date' }) @IsCalendarDate() to: string;
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

export class ChildrenFigureRow {
  @ApiPropertyOptional({ description: 'One property per groupBy dimension.' }) careSetting?: string;
  @ApiProperty({ nullable: true, type: Number, description: 'null when suppressed (1 to 4, for planners).' }) count: number | null;
  @ApiProperty() suppressed: boolean;
}

export class ChildrenFigures {
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ type: [String] }) groupBy: string[];
  @ApiProperty({ type: [ChildrenFigureRow] }) rows: ChildrenFigureRow[];
  @ApiProperty({ nullable: true, type: Number }) total: number | null;
  @ApiProperty() totalSuppressed: boolean;
}

export class FlowFigureRow {
  @ApiPropertyOptional() provinceCode?: string;
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
  @ApiProperty({ type: [FlowFigureRow] }) rows: FlowFigureRow[];
}

export class FacilityFigureRow {
  @ApiPropertyOptional() provinceCode?: string;
  @ApiPropertyOptional() type?: string;
  @ApiPropertyOptional() status?: string;
  @ApiProperty({ nullable: true, type: Number }) facilities: number | null;
  @ApiProperty({ description: 'Places, summed.' }) capacity: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Children.' }) residents: number | null;
  @ApiProperty({ nullable: true, type: Number }) withActiveMou: number | null;
  @ApiProperty({ nullable: true, type: Number }) inspectedLast12Months: number | null;
  @ApiProperty({ nullable: true, type: Number }) overdueInspections: number | null;
  @ApiProperty({ nullable: true, type: Number }) transitioned: number | null;
  @ApiProperty({ nullable: true, type: Number }) closed: number | null;
  @ApiProperty() suppressed: boolean;
  @ApiProperty({ type: [String] }) suppressedFields: string[];
}

export class FacilityFigures {
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ type: [FacilityFigureRow] }) rows: FacilityFigureRow[];
}

export class DeinstitutionalisationFigures {
  @ApiProperty({ format: 'date' }) baseline: string;
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ nullable: true, type: String }) provinceCode: string | null;
  @ApiProperty({ nullable: true, type: Number }) residentialAtBaseline: number | null;
  @ApiProperty({ nullable: true, type: Number }) residentialNow: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '(baseline − now) / baseline × 100, one decimal.' }) reductionPercent: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Children in residential care per child in family-based care, on asOf.' })
  residentialToFamilyRatio: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Of the gatekeeping decisions between baseline and asOf, the share that kept the child out of residential care (placed in a family or closed at assessment), in percent.',
  })
  gatekeptAdmissionsShare: number | null;
  @ApiProperty() suppressed: boolean;
  @ApiProperty({ type: [String] }) suppressedFields: string[];
}
