import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../common/http/date-field';
import { PROVINCE_CODES } from '../../provinces/provinces.data';
import type { ChildDimension } from '../domain/dimensions';
import { INTERVALS, MAX_INTERVALS, type Interval } from '../domain/intervals';
import { ChildGroupBy, ChildrenFigureRow, DisclosureControlView } from './figures.dto';

export class ChildrenSeriesQuery {
  @ApiProperty({ format: 'date', description: 'The first interval is the one this day falls in.' }) @IsCalendarDate() from: string;
  @ApiPropertyOptional({ format: 'date', description: 'Default: today. The last point is on this day.' }) @IsOptional() @IsCalendarDate() to?: string;
  @ApiPropertyOptional({ enum: INTERVALS, default: 'month', description: `Calendar months, quarters or years; at most ${MAX_INTERVALS} points.` })
  @IsOptional()
  @IsIn(INTERVALS)
  interval?: Interval;

  @ChildGroupBy() groupBy?: ChildDimension[];

  @ApiPropertyOptional({ description: 'Only cases managed in this province.' }) @IsOptional() @IsIn(PROVINCE_CODES) provinceCode?: string;
}

export class ChildrenSeriesPoint {
  @ApiProperty({ format: 'date', description: 'The last day of the interval (or `to`): the stock as /figures/children answers it on that day.' }) date: string;
  @ApiProperty({ type: [ChildrenFigureRow] }) rows: ChildrenFigureRow[];
  @ApiProperty({ nullable: true, type: Number, description: 'A cell of its own, perturbed from all its records.' }) total: number | null;
  @ApiProperty() totalSuppressed: boolean;
}

export class ChildrenSeries {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ enum: INTERVALS }) interval: Interval;
  @ApiProperty({ type: [String] }) groupBy: string[];
  @ApiProperty({ nullable: true, type: String }) provinceCode: string | null;
  @ApiProperty({ type: [ChildrenSeriesPoint] }) points: ChildrenSeriesPoint[];
  @ApiProperty({ type: DisclosureControlView }) disclosureControl: DisclosureControlView;
}
