import { SortParameter, type SortKey } from '../../common/http/sorting';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../common/http/date-field';
import { atCursorPrecision, PageMeta, PageQuery } from '../../common/http/pagination';
import { toBoolean } from '../../common/http/query-values';
import {
  CHECKLIST_AREAS,
  INSPECTION_STATUSES,
  INSPECTION_TYPES,
  OUTCOMES,
  RATINGS,
  type InspectionStatus,
  type InspectionType,
  type Outcome,
  type Rating,
  type Ratings,
} from '../domain/checklist';
import { CorrectiveActionView } from '../../corrective-actions/dto/corrective-action.dto';
import type { ApproveBody, DraftBody, InspectionReasonBody, SubmitBody } from '../domain/inspection.effects';

export class CreateInspectionRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() facilityId: string;
  @ApiProperty({ enum: INSPECTION_TYPES }) @IsIn(INSPECTION_TYPES) type: InspectionType;
  @ApiProperty({ format: 'date' }) @IsCalendarDate() scheduledFor: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Required for a `follow_up`: the inspection it follows, of the same facility.' })
  @IsOptional()
  @IsUUID()
  followUpOfId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The inspector in charge. Default: you.' })
  @IsOptional()
  @IsUUID()
  inspectorId?: string;
}

export class AreaRating {
  @ApiProperty({ enum: RATINGS }) @IsIn(RATINGS) rating: Rating;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

/** One optional property per checklist area; the `every_area_rated` guard checks they are all there. */
export class ChecklistRatings {}
for (const area of CHECKLIST_AREAS) {
  const target = ChecklistRatings.prototype;
  ApiPropertyOptional({ type: AreaRating })(target, area);
  IsOptional()(target, area);
  // An area is a rating object: an empty one, or an array, is bad input, not an unrated area.
  IsObject({ message: `${area} must be an object with a rating` })(target, area);
  ValidateNested()(target, area);
  Type(() => AreaRating)(target, area);
}

export class NewCorrectiveAction {
  @ApiProperty({ example: 'Separate sleeping rooms for girls and boys' }) @IsString() @MinLength(3) @MaxLength(2000) description: string;
  @ApiProperty({ format: 'date' }) @IsCalendarDate() dueOn: string;
}

/** The checklist as far as it is filled in: saved on the scheduled inspection, submitted later. */
export class SaveDraftRequest implements DraftBody {
  @ApiPropertyOptional({ format: 'date', description: 'Not in the future.' }) @IsOptional() @IsCalendarDate() conductedOn?: string;
  @ApiPropertyOptional({ type: ChecklistRatings, description: 'Any checklist areas, each rated with an optional note: they replace those saved, the others stay.' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ChecklistRatings)
  ratings?: ChecklistRatings & Ratings;
  @ApiPropertyOptional({ enum: OUTCOMES }) @IsOptional() @IsIn(OUTCOMES) outcome?: Outcome;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10_000) summary?: string;
  @ApiPropertyOptional({ type: [NewCorrectiveAction], description: 'Replace those saved. Required (at least one) on submit when non_compliant.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => NewCorrectiveAction)
  correctiveActions?: NewCorrectiveAction[];
}

/** A submission: what the draft has not saved yet (the guards check the whole, draft and body). */
export class SubmitInspectionRequest extends SaveDraftRequest implements SubmitBody {}

export class InspectionReasonRequest implements InspectionReasonBody {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(2000) reason: string;
}

export class ApproveInspectionRequest implements ApproveBody {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

/** What a list of inspections may be sorted by. */
export const INSPECTION_SORT_KEYS: Record<string, SortKey> = {
  scheduledFor: { sql: (a) => `${a}.scheduled_for`, type: 'date' },
  conductedOn: { sql: (a) => `${a}.conducted_on`, type: 'date' },
  createdAt: { sql: (a) => atCursorPrecision(`${a}.created_at`), type: 'timestamptz' },
};

export class InspectionListQuery extends PageQuery {
  @SortParameter(Object.keys(INSPECTION_SORT_KEYS)) sort?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() facilityId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() inspectorId?: string;
  @ApiPropertyOptional({ enum: INSPECTION_STATUSES }) @IsOptional() @IsIn(INSPECTION_STATUSES) status?: InspectionStatus;
  @ApiPropertyOptional({ enum: INSPECTION_TYPES }) @IsOptional() @IsIn(INSPECTION_TYPES) type?: InspectionType;
  @ApiPropertyOptional({ description: 'Only scheduled inspections whose date has passed.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsIn([true, false])
  overdue?: boolean;
}

export class InspectionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty({ enum: INSPECTION_TYPES }) type: InspectionType;
  @ApiProperty({ enum: INSPECTION_STATUSES }) status: InspectionStatus;
  @ApiProperty({ type: [String] }) allowedActions: string[];
  @ApiProperty({ format: 'date' }) scheduledFor: string;
  @ApiProperty({ description: 'Scheduled and its date has passed.' }) overdue: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) followUpOfId: string | null;
  @ApiProperty({ format: 'uuid' }) inspectorId: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) conductedOn: string | null;
  @ApiProperty({ type: ChecklistRatings, nullable: true }) ratings: Ratings | null;
  @ApiProperty({ type: [String], enum: CHECKLIST_AREAS, description: 'While scheduled: the checklist areas not yet rated in the draft.' }) missingAreas: string[];
  @ApiProperty({ enum: OUTCOMES, nullable: true }) outcome: Outcome | null;
  @ApiProperty({ nullable: true, type: String }) summary: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) submittedById: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt: Date | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) approvedById: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) approvedAt: Date | null;
  @ApiProperty({ type: [CorrectiveActionView] }) correctiveActions: CorrectiveActionView[];
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class InspectionPage extends PageMeta {
  @ApiProperty({ type: [InspectionView] }) items: InspectionView[];
}
