import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { commaList } from '../figures/dto/figures.dto';
import { DEFAULT_WITHIN_DAYS, MAX_WITHIN_DAYS, WORK_KINDS, type WorkKind } from './domain/worklist-kinds';

export class WorklistQuery {
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_WITHIN_DAYS, default: DEFAULT_WITHIN_DAYS, description: 'Work due within this many days from today (overdue work always).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_WITHIN_DAYS)
  withinDays?: number;

  @ApiPropertyOptional({ description: `Comma list of ${WORK_KINDS.join(', ')}.`, example: 'visit_due,review_due' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayUnique()
  @IsIn(WORK_KINDS, { each: true })
  kind?: WorkKind[];
}

export class WorkItemView {
  @ApiProperty({ enum: WORK_KINDS }) kind: WorkKind;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ example: 'care_episode', description: 'care_episode, case_handover, facility, inspection, corrective_action or mou.' }) entityType: string;
  @ApiProperty({ format: 'uuid' }) entityId: string;
  @ApiProperty({ example: 'Follow-up visit: CH-7K2M9QX4RT', description: 'System and registry codes, never a child’s name.' }) summary: string;
}

export class Worklist {
  @ApiProperty({ type: [WorkItemView], description: 'Soonest first.' }) items: WorkItemView[];
  @ApiProperty({ description: 'More than 500 items were due: the first 500 are answered.' }) truncated: boolean;
}
