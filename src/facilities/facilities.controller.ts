import { applyDecorators, Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { listAsCsv, wantsCsv } from '../common/http/csv-lists';
import { Authenticated, CurrentCaller } from '../common/auth/authenticated.decorator';
import type { Acting } from '../common/database/unit-of-work';
import { ApiIfMatch, ApiNotFoundInScope, ApiTransitionErrors, ApiValidationErrors } from '../common/http/api-errors.decorator';
import { IfMatch } from '../common/http/request-headers';
import { UuidParam } from '../common/http/uuid-param';
import { RegistryEventList } from '../registry-events/registry-event.view';
import { RegistryEventsService } from '../registry-events/registry-events.service';
import { facilityTransitions, type FacilityAction } from './domain/facility.transitions';
import { guardCodes } from '../common/state-machine/transition-table';
import { BeginTransitionRequest, NoteRequest, ReasonRequest, RequireRemediationRequest } from './dto/facility-actions.dto';
import { CreateFacilityRequest, FacilityListQuery, FacilityPage, FacilityView, UpdateFacilityRequest } from './dto/facility.dto';
import { FacilitiesService } from './facilities.service';

/** An action's route, its 422 documented from the table's guards. */
const ActionRoute = (action: FacilityAction, summary: string) =>
  applyDecorators(
    Post(`:id/${action}`),
    HttpCode(200),
    Authenticated({ permission: 'facilities.write' }),
    ApiOperation({ summary, description: 'Admins and inspectors (in their provinces).' }),
    ApiOkResponse({ type: FacilityView }),
    ApiTransitionErrors(guardCodes(facilityTransitions, action)),
  );

@ApiTags('facilities')
@Controller('facilities')
export class FacilitiesController {
  constructor(
    private readonly facilities: FacilitiesService,
    private readonly events: RegistryEventsService,
  ) {}

  @Post()
  @Authenticated({ permission: 'facilities.write' })
  @ApiOperation({ summary: 'Register a facility found by mapping or by report. It starts `identified`, with a registry code.' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: FacilityView })
  @ApiValidationErrors()
  create(@CurrentCaller() caller: Acting, @Body() body: CreateFacilityRequest): Promise<FacilityView> {
    return this.facilities.create(caller, body);
  }

  @Get()
  @Authenticated({ permission: 'facilities.read' })
  @ApiOperation({ summary: 'Facilities in your scope, filtered.' })
  @ApiOkResponse({ type: FacilityPage })
  @ApiValidationErrors()
  @ApiProduces('application/json', 'text/csv')
  async list(
    @CurrentCaller() caller: Acting,
    @Query() query: FacilityListQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FacilityPage | string> {
    // Accept: text/csv answers every matching record (up to 20,000), not one page.
    if (wantsCsv(request)) return listAsCsv(reply, 'facilities', (p) => this.facilities.list(caller, { ...query, ...p }));
    return this.facilities.list(caller, query);
  }

  @Get(':id')
  @Authenticated({ permission: 'facilities.read' })
  @ApiOperation({ summary: 'One facility, with its status, allowed actions, residents, current MoU and next inspection.' })
  @ApiOkResponse({ type: FacilityView })
  @ApiNotFoundInScope()
  get(@CurrentCaller() caller: Acting, @Param('id', UuidParam) id: string): Promise<FacilityView> {
    return this.facilities.get(caller, id);
  }

  @Patch(':id')
  @Authenticated({ permission: 'facilities.write' })
  @ApiOperation({ summary: 'Change descriptive fields. The status changes only through actions.' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: FacilityView })
  @ApiValidationErrors()
  @ApiNotFoundInScope()
  @ApiIfMatch()
  update(
    @CurrentCaller() caller: Acting,
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateFacilityRequest,
    @IfMatch() ifMatch?: string,
  ): Promise<FacilityView> {
    return this.facilities.update(caller, id, body, ifMatch);
  }

  @Get(':id/events')
  @Authenticated({ permission: 'facilities.read' })
  @ApiOperation({ summary: 'The status history: who did what, when and why.' })
  @ApiOkResponse({ type: RegistryEventList })
  @ApiNotFoundInScope()
  async history(@CurrentCaller() caller: Acting, @Param('id', UuidParam) id: string): Promise<RegistryEventList> {
    await this.facilities.findInScope(caller, id);
    return { items: await this.events.list(caller.work, 'facility', id) };
  }

  @ActionRoute('submitApplication', 'identified → application_pending: the operator applied for registration.')
  submitApplication(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() body: NoteRequest, @IfMatch() m?: string) {
    return this.facilities.act(c, id, 'submitApplication', body, m);
  }

  @ActionRoute('authorize', 'application_pending → authorized. Needs an MoU in force.')
  authorize(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() body: NoteRequest, @IfMatch() m?: string) {
    return this.facilities.act(c, id, 'authorize', body, m);
  }

  @ActionRoute('reject', 'application_pending → rejected, with a reason.')
  reject(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() body: ReasonRequest, @IfMatch() m?: string) {
    return this.facilities.act(c, id, 'reject', body, m);
  }

  @ActionRoute('requireRemediation', 'authorized → under_remediation, with a reason and a deadline (default 60 days).')
  requireRemediation(
    @CurrentCaller() c: Acting,
    @Param('id', UuidParam) id: string,
    @Body() body: RequireRemediationRequest,
    @IfMatch() m?: string,
  ) {
    return this.facilities.act(c, id, 'requireRemediation', body, m);
  }

  @ActionRoute('clearRemediation', 'under_remediation → authorized.')
  clearRemediation(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() body: NoteRequest, @IfMatch() m?: string) {
    return this.facilities.act(c, id, 'clearRemediation', body, m);
  }

  @ActionRoute('suspend', 'authorized or under_remediation → suspended, with a reason: no new admissions.')
  suspend(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() body: ReasonRequest, @IfMatch() m?: string) {
    return this.facilities.act(c, id, 'suspend', body, m);
  }

  @ActionRoute('reinstate', 'suspended → authorized. Needs an MoU in force.')
  reinstate(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() body: NoteRequest, @IfMatch() m?: string) {
    return this.facilities.act(c, id, 'reinstate', body, m);
  }

  @ActionRoute('beginTransition', 'authorized, under_remediation or suspended → transitioning, with a transition plan.')
  beginTransition(
    @CurrentCaller() c: Acting,
    @Param('id', UuidParam) id: string,
    @Body() body: BeginTransitionRequest,
    @IfMatch() m?: string,
  ) {
    return this.facilities.act(c, id, 'beginTransition', body, m);
  }

  @ActionRoute('completeTransition', 'transitioning → transitioned, once no child is resident.')
  completeTransition(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() body: NoteRequest, @IfMatch() m?: string) {
    return this.facilities.act(c, id, 'completeTransition', body, m);
  }

  @ActionRoute('close', 'Any status but closed or transitioned → closed, with a reason, once no child is resident.')
  close(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() body: ReasonRequest, @IfMatch() m?: string) {
    return this.facilities.act(c, id, 'close', body, m);
  }
}
