import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { listAsCsv, wantsCsv } from '../common/http/csv-lists';
import { Authenticated, CurrentCaller } from '../common/auth/authenticated.decorator';
import type { Acting } from '../common/database/unit-of-work';
import { ApiGuardErrors, ApiNotFoundInScope, ApiTransitionErrors, ApiValidationErrors } from '../common/http/api-errors.decorator';
import { IfMatch } from '../common/http/request-headers';
import { UuidParam } from '../common/http/uuid-param';
import { RegistryEventList } from '../registry-events/registry-event.view';
import { RegistryEventsService } from '../registry-events/registry-events.service';
import { ActivateMouRequest, CreateMouRequest, MouListQuery, MouPage, MouView, RenewMouRequest, TerminateMouRequest } from './dto/mou.dto';
import { MousService } from './mous.service';
import { mouTransitions } from './domain/mou.transitions';
import { guardCodes } from '../common/state-machine/transition-table';

@ApiTags('mous')
@Controller('mous')
export class MousController {
  constructor(
    private readonly mous: MousService,
    private readonly events: RegistryEventsService,
  ) {}

  @Post()
  @Authenticated({ permission: 'mous.write' })
  @ApiOperation({ summary: 'Draft an MoU between the ministry and a facility’s operator.' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: MouView })
  @ApiGuardErrors(guardCodes(mouTransitions, 'draft'))
  @ApiValidationErrors()
  @ApiNotFoundInScope()
  create(@CurrentCaller() caller: Acting, @Body() body: CreateMouRequest): Promise<MouView> {
    return this.mous.create(caller, body);
  }

  @Get()
  @Authenticated({ permission: 'mous.read' })
  @ApiOperation({ summary: 'MoUs in your scope; `expiringWithinDays` lists those in force that end soon.' })
  @ApiOkResponse({ type: MouPage })
  @ApiValidationErrors()
  @ApiProduces('application/json', 'text/csv')
  async list(
    @CurrentCaller() caller: Acting,
    @Query() query: MouListQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MouPage | string> {
    // Accept: text/csv answers every matching record (up to 20,000), not one page.
    if (wantsCsv(request)) return listAsCsv(reply, 'mous', (p) => this.mous.list(caller, { ...query, ...p }));
    return this.mous.list(caller, query);
  }

  @Get(':id')
  @Authenticated({ permission: 'mous.read' })
  @ApiOperation({ summary: 'One MoU. An active MoU whose end date has come is reported `expired`.' })
  @ApiOkResponse({ type: MouView })
  @ApiNotFoundInScope()
  get(@CurrentCaller() caller: Acting, @Param('id', UuidParam) id: string): Promise<MouView> {
    return this.mous.get(caller, id);
  }

  @Get(':id/events')
  @Authenticated({ permission: 'mous.read' })
  @ApiOperation({ summary: 'The MoU’s status history.' })
  @ApiOkResponse({ type: RegistryEventList })
  @ApiNotFoundInScope()
  async history(@CurrentCaller() caller: Acting, @Param('id', UuidParam) id: string): Promise<RegistryEventList> {
    await this.mous.findInScope(caller, id);
    return { items: await this.events.list(caller.work, 'mou', id) };
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Authenticated({ permission: 'mous.write' })
  @ApiOperation({ summary: 'draft → active. Activating a renewal supersedes the MoU it renews.' })
  @ApiOkResponse({ type: MouView })
  @ApiTransitionErrors(guardCodes(mouTransitions, 'activate'))
  activate(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() body: ActivateMouRequest, @IfMatch() m?: string) {
    return this.mous.activate(c, id, body, m);
  }

  @Post(':id/terminate')
  @HttpCode(200)
  @Authenticated({ permission: 'mous.write' })
  @ApiOperation({ summary: 'active → terminated, with a reason.' })
  @ApiOkResponse({ type: MouView })
  @ApiTransitionErrors(guardCodes(mouTransitions, 'terminate'))
  terminate(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() body: TerminateMouRequest, @IfMatch() m?: string) {
    return this.mous.terminate(c, id, body, m);
  }

  @Post(':id/renew')
  @Authenticated({ permission: 'mous.write' })
  @ApiOperation({ summary: 'From active or expired: draft the renewal, linked to this MoU. Answers the new draft.' })
  @ApiCreatedResponse({ type: MouView })
  @ApiTransitionErrors(guardCodes(mouTransitions, 'renew'))
  renew(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() body: RenewMouRequest, @IfMatch() m?: string) {
    return this.mous.renew(c, id, body, m);
  }
}
