import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller } from '../../common/auth/authenticated.decorator';
import type { Acting } from '../../common/database/unit-of-work';
import { ApiTransitionErrors, ApiValidationErrors } from '../../common/http/api-errors.decorator';
import { IfMatch } from '../../common/http/request-headers';
import { UuidParam } from '../../common/http/uuid-param';
import { guardCodes } from '../../common/state-machine/transition-table';
import { possibleDuplicateTransitions } from './domain/possible-duplicate.transitions';
import { DismissDuplicateRequest, PossibleDuplicateListQuery, PossibleDuplicatePage, PossibleDuplicateView } from './possible-duplicate.dto';
import { PossibleDuplicatesService } from './possible-duplicates.service';

@ApiTags('children')
@Controller('possible-duplicates')
export class PossibleDuplicatesController {
  constructor(private readonly duplicates: PossibleDuplicatesService) {}

  @Get()
  @Authenticated({ permission: 'duplicates.review' })
  @ApiOperation({ summary: 'Pairs of child records flagged at registration, for review. Social workers see pairs whose two children are both in their scope.' })
  @ApiOkResponse({ type: PossibleDuplicatePage })
  @ApiValidationErrors()
  list(@CurrentCaller() caller: Acting, @Query() query: PossibleDuplicateListQuery): Promise<PossibleDuplicatePage> {
    return this.duplicates.list(caller, query);
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  @Authenticated({ permission: 'duplicates.review' })
  @ApiOperation({ summary: 'open → dismissed: the two records are different children.' })
  @ApiOkResponse({ type: PossibleDuplicateView })
  @ApiTransitionErrors(guardCodes(possibleDuplicateTransitions, 'dismiss'))
  dismiss(@CurrentCaller() caller: Acting, @Param('id', UuidParam) id: string, @Body() body: DismissDuplicateRequest, @IfMatch() ifMatch?: string) {
    return this.duplicates.dismiss(caller, id, body, ifMatch);
  }
}
