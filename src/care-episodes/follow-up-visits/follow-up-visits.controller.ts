import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller } from '../../common/auth/authenticated.decorator';
import type { Acting } from '../../common/database/unit-of-work';
import { ApiGuardErrors, ApiNotFoundInScope, ApiValidationErrors } from '../../common/http/api-errors.decorator';
import { UuidParam } from '../../common/http/uuid-param';
import { guardCodes } from '../../common/state-machine/transition-table';
import { careEpisodeTransitions } from '../domain/care-episode.transitions';
import { FollowUpVisitsService } from './follow-up-visits.service';
import { CreateVisitRequest, VisitList, VisitView } from './visit.dto';

@ApiTags('care-episodes')
@Controller('care-episodes')
export class FollowUpVisitsController {
  constructor(private readonly visits: FollowUpVisitsService) {}

  @Post(':id/follow-up-visits')
  @Authenticated({ permission: 'episodes.write' })
  @ApiOperation({
    operationId: 'CareEpisodes_addVisit',
    summary: 'Record a follow-up visit in family-based care; visits are due 1, 2, 3 months after placement, then every 3 months.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: VisitView })
  @ApiConflictResponse({ description: 'problem+json `TRANSITION_NOT_ALLOWED`: the child is not in family-based care.' })
  @ApiGuardErrors(guardCodes(careEpisodeTransitions, 'recordFollowUpVisit'))
  @ApiValidationErrors()
  @ApiNotFoundInScope()
  addVisit(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() b: CreateVisitRequest): Promise<VisitView> {
    return this.visits.add(c, id, b);
  }

  @Get(':id/follow-up-visits')
  @Authenticated({ permission: 'episodes.read' })
  @ApiOperation({ operationId: 'CareEpisodes_visits', summary: 'The episode’s follow-up visits.' })
  @ApiOkResponse({ type: VisitList })
  @ApiNotFoundInScope()
  async visitList(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string): Promise<VisitList> {
    return { items: await this.visits.list(c, id) };
  }
}
