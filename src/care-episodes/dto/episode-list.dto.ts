import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { atCursorPrecision, PageQuery } from '../../common/http/pagination';
import { SortParameter, type SortKey } from '../../common/http/sorting';
import { toBoolean } from '../../common/http/query-values';
import { PROVINCE_CODES } from '../../provinces/provinces.data';
import { EPISODE_STATUSES, PLACEMENT_TYPES, type EpisodeStatus, type PlacementType } from '../domain/care-episode';

/** What a list of episodes may be sorted by: the work due soonest, or what changed last. */
export const EPISODE_SORT_KEYS: Record<string, SortKey> = {
  nextVisitDue: { sql: (a) => `${a}.next_visit_due`, type: 'date' },
  nextReviewDue: { sql: (a) => `${a}.next_review_due`, type: 'date' },
  updatedAt: { sql: (a) => atCursorPrecision(`${a}.updated_at`), type: 'timestamptz' },
  createdAt: { sql: (a) => atCursorPrecision(`${a}.created_at`), type: 'timestamptz' },
};

export class EpisodeListQuery extends PageQuery {
  @SortParameter(Object.keys(EPISODE_SORT_KEYS)) sort?: string;
  @ApiPropertyOptional({ enum: EPISODE_STATUSES }) @IsOptional() @IsIn(EPISODE_STATUSES) status?: EpisodeStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() facilityId?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(PROVINCE_CODES) provinceCode?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The responsible agency.' }) @IsOptional() @IsUUID() agencyId?: string;
  @ApiPropertyOptional({ enum: PLACEMENT_TYPES }) @IsOptional() @IsIn(PLACEMENT_TYPES) placementType?: PlacementType;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() childId?: string;
  @ApiPropertyOptional({ description: 'The case by its responsible agency’s own id.' }) @IsOptional() @IsString() @MaxLength(100) externalId?: string;
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
