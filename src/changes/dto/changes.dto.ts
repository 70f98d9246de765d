import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { commaList } from '../../figures/dto/figures.dto';
import { FEED_ENTITY_TYPES, type FeedEntityType } from '../domain/feed-entity-types';

export const MAX_FEED_PAGE = 1000;

export class ChangesQuery {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page; omit to start from the beginning.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_FEED_PAGE, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_FEED_PAGE)
  limit?: number;

  @ApiPropertyOptional({ description: `Comma list of ${FEED_ENTITY_TYPES.join(', ')}; all by default.`, example: 'child,care_episode' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayUnique()
  @IsIn(FEED_ENTITY_TYPES, { each: true })
  types?: FeedEntityType[];
}

export class ChangeItem {
  @ApiProperty({ description: 'This change’s place in the feed: resuming `after` it answers what came next.' }) cursor: string;
  @ApiProperty({ format: 'date-time', description: 'When the transaction that made the change began.' }) occurredAt: string;
  @ApiProperty({ enum: FEED_ENTITY_TYPES }) entityType: FeedEntityType;
  @ApiProperty({ format: 'uuid' }) entityId: string;
  @ApiProperty({ enum: ['created', 'updated'] }) action: 'created' | 'updated';
  @ApiProperty({ description: 'The record’s version after the change: its ETag is `W/"<entityId>.<version>"`.', example: 3 }) version: number;
}

export class ChangePage {
  @ApiProperty({ type: [ChangeItem], description: 'In commit order; a record changed twice appears twice.' }) items: ChangeItem[];
  @ApiProperty({ description: 'Store it and pass it as `after`: always present, also on an empty page.' }) nextCursor: string;
}
