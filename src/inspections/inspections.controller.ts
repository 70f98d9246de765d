import { applyDecorators, Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { listAsCsv, wantsCsv } from '../common/http/csv-lists';
import { Authenticated, CurrentCaller } from '../common/auth/authenticated.decorator';
import type { Acting } from '../common/database/unit-of-work';
import { ApiNotFoundInScope, ApiTransitionErrors, ApiValidationErrors } from '../common/http/api-errors.decorator';
import { IfMatch } from '../common/http/request-headers';
import { UuidParam } from '../common/http/uuid-param';
import { RegistryEventList } from '../registry-events/registry-event.view';
import { RegistryEventsService } from '../registry-events/registry-events.service';
import {
  SaveDraftRequest,
  ApproveInspectionRequest,
  CreateInspectionRequest,
  InspectionListQuery,
  InspectionPage,
  InspectionReasonRequest,
  InspectionView,
  SubmitInspectionRequest,
} from './dto/inspection.dto';
import { InspectionsService } from './inspections.service';
import { inspectionTransitions, type InspectionAction } from './domain/inspection.transitions';
import { guardCodes } from '../common/state-machine/transition-table';
import { ApiGuardErrors } from '../common/http/api-errors.decorator';

/** An action's route, its 422 documented from the table's guards. */
const ActionRoute = (action: InspectionAction, summary: string) =>
  applyDecorators(
    Post(`:id/${action}`),
    HttpCode(200),
    Authenticated({ permission: 'inspections.write' }),
    ApiOperation({ summary, description: 'Admins and inspectors (in their provinces).' }),
    ApiOkResponse({ type: InspectionView }),
    ApiTransitionErrors(guardCodes(inspectionTransitions, action)),
  );

@ApiTags('inspections')
@Controller('inspections')
export class InspectionsController {
  constructor(
    private readonly inspections: InspectionsService,
    private readonly events: RegistryEventsService,
  ) {}

  @Post()
  @Authenticated({ permission: 'inspections.write' })
  @ApiOperation({ summary: 'Schedule an inspection of a facility in your scope that is not closed.' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: InspectionView })
  @ApiGuardErrors(guardCodes(inspectionTransitions, 'schedule'))
  @ApiValidationErrors()
  @ApiNotFoundInScope()
  create(@CurrentCaller() caller: Acting, @Body() body: CreateInspectionRequest): Promise<InspectionView> {
    return this.inspections.create(caller, body);
  }

  @Get()
  @Authenticated({ permission: 'inspections.read' })
  @ApiOperation({ summary: 'Inspections in your scope, by facility, inspector, status, type or overdue. ngo_workers see approved results only.' })
  @ApiOkResponse({ type: InspectionPage })
  @ApiValidationErrors()
  @ApiProduces('application/json', 'text/csv')
  async list(
    @CurrentCaller() caller: Acting,
    @Query() query: InspectionListQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InspectionPage | string> {
    // Accept: text/csv answers every matching record (up to 20,000), not one page.
    if (wantsCsv(request)) return listAsCsv(reply, 'inspections', (p) => this.inspections.list(caller, { ...query, ...p }));
    return this.inspections.list(caller, query);
  }

  @Get(':id')
  @Authenticated({ permission: 'inspections.read' })
  @ApiOperation({ summary: 'One inspection with its ratings and corrective actions.' })
  @ApiOkResponse({ type: InspectionView })
  @ApiNotFoundInScope()
  get(@CurrentCaller() caller: Acting, @Param('id', UuidParam) id: string): Promise<InspectionView> {
    return this.inspections.get(caller, id);
  }

  @Patch(':id')
  @Authenticated({ permission: 'inspections.write' })
  @ApiOperation({
    summary: 'Save the checklist as far as it is filled in, while the inspection is scheduled (a draft): the areas sent replace those saved, the others stay. `missingAreas` lists what is left to rate. Send If-Match with the ETag you read.',
  })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: InspectionView })
  @ApiTransitionErrors(guardCodes(inspectionTransitions, 'saveDraft'))
  saveDraft(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() body: SaveDraftRequest, @IfMatch() m?: string): Promise<InspectionView> {
    return this.inspections.act(c, id, 'saveDraft', body, m);
  }

  @Get(':id/events')
  @Authenticated({ permission: 'inspections.read' })
  @ApiOperation({ summary: 'The inspection’s status history.' })
  @ApiOkResponse({ type: RegistryEventList })
  @ApiNotFoundInScope()
  async history(@CurrentCaller() caller: Acting, @Param('id', UuidParam) id: string): Promise<RegistryEventList> {
    await this.inspections.findInScope(caller, id);
    return { items: await this.events.list(caller.work, 'inspection', id) };
  }

  @ActionRoute('submit', 'scheduled → submitted: with what the draft saved, every checklist area rated (a refusal lists `missingAreas`), an outcome, conductedOn not in the future.')
  submit(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() body: SubmitInspectionRequest, @IfMatch() m?: string) {
    return this.inspections.act(c, id, 'submit', body, m);
  }

  @ActionRoute('approve', 'submitted → approved, by someone other than the submitter (four eyes).')
  approve(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() body: ApproveInspectionRequest, @IfMatch() m?: string) {
    return this.inspections.act(c, id, 'approve', body, m);
  }

  @ActionRoute('returnForCorrection', 'submitted → scheduled, with a reason.')
  returnForCorrection(
    @CurrentCaller() c: Acting,
    @Param('id', UuidParam) id: string,
    @Body() body: InspectionReasonRequest,
    @IfMatch() m?: string,
  ) {
    return this.inspections.act(c, id, 'returnForCorrection', body, m);
  }

  @ActionRoute('cancel', 'scheduled → cancelled, with a reason.')
  cancel(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() body: InspectionReasonRequest, @IfMatch() m?: string) {
    return this.inspections.act(c, id, 'cancel', body, m);
  }
}
