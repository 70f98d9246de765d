import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate } from '../../common/http/date-field';
import type { ReviewBody } from '../domain/care-episode.bodies';

export class CreateReviewRequest implements ReviewBody {
  @ApiProperty({ format: 'date' }) @IsCalendarDate() reviewedOn: string;
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(10_000) summary: string;
}

export class ReviewView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) episodeId: string;
  @ApiProperty({ format: 'date' }) reviewedOn: string;
  @ApiProperty() summary: string;
  @ApiProperty({ format: 'uuid' }) recordedById: string;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class ReviewList {
  @ApiProperty({ type: [ReviewView] }) items: ReviewView[];
}
