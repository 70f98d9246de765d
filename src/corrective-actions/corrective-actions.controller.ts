import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { listAsCsv, wantsCsv } from '../common/http/csv-lists';
import { Authenticated, CurrentCaller } from '../common/auth/authenticated.decorator';
import type { Acting } from '../common/database/unit-of-work';
import { ApiTransitionErrors, ApiValidationErrors } from '../common/http/api-errors.decorator';
import { IfMatch } from '../common/http/request-headers';
import { UuidParam } from '../common/http/uuid-param';
import { guardCodes } from '../common/state-machine/transition-table';
import { CorrectiveActionsService } from './corrective-actions.service';
import { correctiveActionTransitions } from './domain/corrective-action.transitions';
import { CorrectiveActionListQuery, CorrectiveActionPage, CorrectiveActionView, ResolveCorrectiveActionRequest } from './dto/corrective-action.dto';

@ApiTags('inspections')
@Controller('inspections')
export class CorrectiveActionResolutionController {
  constructor(private readonly correctiveActions: CorrectiveActionsService) {}

  @Post(':id/corrective-actions/:actionId/resolve')
  @HttpCode(200)
  @Authenticated({ permission: 'inspections.write' })
  @ApiOperation({ operationId: 'Inspections_resolve', summary: 'open → resolved, one corrective action at a time.' })
  @ApiOkResponse({ type: CorrectiveActionView })
  @ApiTransitionErrors(guardCodes(correctiveActionTransitions, 'resolve'))
  resolve(
    @CurrentCaller() c: Acting,
    @Param('id', UuidParam) id: string,
    @Param('actionId', UuidParam) actionId: string,
    @Body() body: ResolveCorrectiveActionRequest,
    @IfMatch() ifMatch?: string,
  ): Promise<CorrectiveActionView> {
    return this.correctiveActions.resolve(c, id, actionId, body, ifMatch);
  }
}

@ApiTags('inspections')
@Controller('corrective-actions')
export class CorrectiveActionsController {
  constructor(private readonly correctiveActions: CorrectiveActionsService) {}

  @Get()
  @Authenticated({ permission: 'inspections.read' })
  @ApiOperation({ summary: 'Corrective actions in your scope; `overdue=true` lists open ones past their due date.' })
  @ApiOkResponse({ type: CorrectiveActionPage })
  @ApiValidationErrors()
  @ApiProduces('application/json', 'text/csv')
  async list(
    @CurrentCaller() caller: Acting,
    @Query() query: CorrectiveActionListQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CorrectiveActionPage | string> {
    // Accept: text/csv answers every matching record (up to 20,000), not one page.
    if (wantsCsv(request)) return listAsCsv(reply, 'corrective-actions', (p) => this.correctiveActions.list(caller, { ...query, ...p }));
    return this.correctiveActions.list(caller, query);
  }
}
