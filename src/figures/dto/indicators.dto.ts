import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../../common/http/date-field';
import { PROVINCE_CODES } from '../../provinces/provinces.data';
import { DisclosureControlView } from './figures.dto';

export class IndicatorsQuery {
  @ApiProperty({ format: 'date', description: 'The period the flows count: from this day…' }) @IsCalendarDate() from: string;
  @ApiPropertyOptional({ format: 'date', description: '…to this day (default today), on which the stock and compliance are read.' }) @IsOptional() @IsCalendarDate() to?: string;
  @ApiPropertyOptional({ description: 'Only cases managed in this province.' }) @IsOptional() @IsIn(PROVINCE_CODES) provinceCode?: string;
}

export const INDICATOR_UNITS = ['children', 'percent', 'ratio', 'months', 'per_100k'] as const;

export class IndicatorRow {
  @ApiProperty({
    example: 'gatekeptPercent',
    description:
      'entriesIntoCare, inCare (and inCare.<careSetting>), residentialToFamilyRatio, exitsResidentialToFamily, gatekeptPercent, deathsInCare, ' +
      'exitsFromResidentialCare (and .<destination>), medianResidentialStayMonths, reviewsOnTimePercent, followUpVisitsOnTimePercent, ' +
      'entriesPer100k, inCarePer100k, residentialCarePer100k. docs/figures.md defines each.',
  })
  indicator: string;
  @ApiProperty({ enum: INDICATOR_UNITS, description: 'Percentages are 0-100; ratios plain numbers.' }) unit: (typeof INDICATOR_UNITS)[number];
  @ApiProperty({ nullable: true, type: Number, description: 'Null when withheld, or when there is nothing to compute it from (no population set, no leavers).' }) value: number | null;
  @ApiProperty({ description: 'A count it is, or uses, is withheld.' }) suppressed: boolean;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Percentages: the published count of the part.' }) numerator?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Percentages: the published count of the whole.' }) denominator?: number | null;
}

export class Indicators {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ nullable: true, type: String }) provinceCode: string | null;
  @ApiPropertyOptional() provinceNameEn?: string;
  @ApiPropertyOptional() provinceNameKm?: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Children living in the province (or all 25), as an admin set it: rates need it.' }) childPopulation: number | null;
  @ApiProperty({ nullable: true, type: Number }) childPopulationYear: number | null;
  @ApiProperty({ type: [IndicatorRow] }) indicators: IndicatorRow[];
  @ApiProperty({ type: DisclosureControlView }) disclosureControl: DisclosureControlView;
}

export class ChildPopulationBody {
  @ApiProperty({ example: 2026, minimum: 1990, maximum: 2100 }) @IsInt() @Min(1990) @Max(2100) year: number;
  @ApiProperty({ example: 412000, minimum: 1, description: 'Children (under 18) living in the province that year.' }) @IsInt() @Min(1) @Max(100_000_000) children: number;
}

export class ChildPopulation {
  @ApiProperty() provinceCode: string;
  @ApiProperty() provinceNameEn: string;
  @ApiProperty() provinceNameKm: string;
  @ApiProperty() year: number;
  @ApiProperty() children: number;
}

export class ChildPopulationList {
  @ApiProperty({ type: [ChildPopulation] }) items: ChildPopulation[];
}
