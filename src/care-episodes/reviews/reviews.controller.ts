import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller } from '../../common/auth/authenticated.decorator';
import type { Acting } from '../../common/database/unit-of-work';
import { ApiGuardErrors, ApiNotFoundInScope, ApiValidationErrors } from '../../common/http/api-errors.decorator';
import { UuidParam } from '../../common/http/uuid-param';
import { guardCodes } from '../../common/state-machine/transition-table';
import { careEpisodeTransitions } from '../domain/care-episode.transitions';
import { CreateReviewRequest, ReviewList, ReviewView } from './review.dto';
import { ReviewsService } from './reviews.service';

@ApiTags('care-episodes')
@Controller('care-episodes')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Post(':id/reviews')
  @Authenticated({ permission: 'episodes.write' })
  @ApiOperation({
    operationId: 'CareEpisodes_addReview',
    summary: 'Record a care plan review (residential care or reintegration); the next is due 3 months later.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: ReviewView })
  @ApiConflictResponse({ description: 'problem+json `TRANSITION_NOT_ALLOWED`: the child is not in residential care.' })
  @ApiGuardErrors(guardCodes(careEpisodeTransitions, 'recordReview'))
  @ApiValidationErrors()
  @ApiNotFoundInScope()
  addReview(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() b: CreateReviewRequest): Promise<ReviewView> {
    return this.reviews.add(c, id, b);
  }

  @Get(':id/reviews')
  @Authenticated({ permission: 'episodes.read' })
  @ApiOperation({ operationId: 'CareEpisodes_reviews', summary: 'The episode’s care plan reviews.' })
  @ApiOkResponse({ type: ReviewList })
  @ApiNotFoundInScope()
  async reviewList(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string): Promise<ReviewList> {
    return { items: await this.reviews.list(c, id) };
  }
}
