import { applyDecorators, Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller } from '../../common/auth/authenticated.decorator';
import type { Acting } from '../../common/database/unit-of-work';
import { ApiTransitionErrors } from '../../common/http/api-errors.decorator';
import { IfMatch } from '../../common/http/request-headers';
import { UuidParam } from '../../common/http/uuid-param';
import { guardCodes } from '../../common/state-machine/transition-table';
import { handoverTransitions, type HandoverAction } from '../domain/handover.transitions';
import { EpisodeView } from '../dto/episode-views.dto';
import { HandoverDecisionRequest, RequestHandoverRequest } from './handover.dto';
import { HandoversService } from './handovers.service';

const HandoverRoute = (action: HandoverAction, summary: string, description: string) =>
  applyDecorators(
    Post(`:id/${action}`),
    HttpCode(200),
    Authenticated({ permission: 'episodes.write' }),
    ApiOperation({ operationId: `CareEpisodes_${action}`, summary, description: `${description} A 403 names who may act instead. Every step is an event of the episode.` }),
    ApiOkResponse({ type: EpisodeView }),
    ApiTransitionErrors(guardCodes(handoverTransitions, action)),
  );

@ApiTags('care-episodes')
@Controller('care-episodes')
export class HandoversController {
  constructor(private readonly handovers: HandoversService) {}

  @HandoverRoute('requestHandover', 'Ask another agency to take over the case.', 'The responsible agency’s ngo_worker, or a social worker.')
  requestHandover(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() b: RequestHandoverRequest, @IfMatch() m?: string) {
    return this.handovers.request(c, id, b, m);
  }

  @HandoverRoute('acceptHandover', 'Take over the case: your agency is responsible from now on.', 'The receiving agency’s ngo_worker, or a social worker.')
  acceptHandover(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() b: HandoverDecisionRequest, @IfMatch() m?: string) {
    return this.handovers.decide(c, id, 'acceptHandover', b, m);
  }

  @HandoverRoute('declineHandover', 'Decline the case, with a reason.', 'The receiving agency’s ngo_worker, or a social worker.')
  declineHandover(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() b: HandoverDecisionRequest, @IfMatch() m?: string) {
    return this.handovers.decide(c, id, 'declineHandover', b, m);
  }

  @HandoverRoute('cancelHandover', 'Withdraw the request before it is answered.', 'The responsible agency’s ngo_worker, or a social worker.')
  cancelHandover(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() b: HandoverDecisionRequest, @IfMatch() m?: string) {
    return this.handovers.decide(c, id, 'cancelHandover', b, m);
  }
}
