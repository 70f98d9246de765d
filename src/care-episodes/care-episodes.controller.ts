import { applyDecorators, Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller } from '../common/auth/authenticated.decorator';
import type { Acting } from '../common/database/unit-of-work';
import { ApiGuardErrors, ApiNotFoundInScope, ApiTransitionErrors, ApiValidationErrors } from '../common/http/api-errors.decorator';
import { IfMatch } from '../common/http/request-headers';
import { UuidParam } from '../common/http/uuid-param';
import { describeWho, guardCodes } from '../common/state-machine/transition-table';
import { CareEpisodesService } from './care-episodes.service';
import { careEpisodeTransitions, type EpisodeStep } from './domain/care-episode.transitions';
import { EpisodeListQuery } from './dto/episode-list.dto';
import {
  AdmitRequest,
  AmendReasonsRequest,
  ChangePlacementRequest,
  CloseEpisodeRequest,
  CreateEpisodeRequest,
  EpisodeReasonRequest,
  OccurredOnRequest,
  PlacementRequest,
  StartReintegrationRequest,
  TransferRequest,
} from './dto/episode-requests.dto';
import { EpisodeEventList, EpisodePage, EpisodeView } from './dto/episode-views.dto';

/** An action's route, documented from its table entry: who may take it and every guard code it can answer. */
const ActionRoute = (action: EpisodeStep, summary: string) =>
  applyDecorators(
    Post(`:id/${action}`),
    HttpCode(200),
    Authenticated({ permission: 'episodes.write' }),
    ApiOperation({ summary, description: `Who: ${describeWho(careEpisodeTransitions, action)}. Every action accepts occurredOn (default today).` }),
    ApiOkResponse({ type: EpisodeView }),
    ApiTransitionErrors(guardCodes(careEpisodeTransitions, action)),
  );

@ApiTags('care-episodes')
@Controller('care-episodes')
export class CareEpisodesController {
  constructor(private readonly episodes: CareEpisodesService) {}

  @Post()
  @Authenticated({ permission: 'episodes.write' })
  @ApiOperation({ summary: 'Refer a child: opens a care episode in `referred`. A child has at most one open episode.' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: EpisodeView })
  @ApiConflictResponse({ description: 'problem+json `OPEN_EPISODE_EXISTS`.' })
  @ApiGuardErrors(guardCodes(careEpisodeTransitions, 'refer'))
  @ApiValidationErrors()
  @ApiNotFoundInScope()
  refer(@CurrentCaller() caller: Acting, @Body() body: CreateEpisodeRequest): Promise<EpisodeView> {
    return this.episodes.refer(caller, body);
  }

  @Get()
  @Authenticated({ permission: 'episodes.read' })
  @ApiOperation({ summary: 'Episodes in your scope: by status, facility, province, agency, placement type, overdue review or visit.' })
  @ApiOkResponse({ type: EpisodePage })
  @ApiValidationErrors()
  list(@CurrentCaller() caller: Acting, @Query() query: EpisodeListQuery): Promise<EpisodePage> {
    return this.episodes.list(caller, query);
  }

  @Get(':id')
  @Authenticated({ permission: 'episodes.read' })
  @ApiOperation({ summary: 'One episode with its allowed actions and due dates. Every read is audited.' })
  @ApiOkResponse({ type: EpisodeView })
  @ApiNotFoundInScope()
  get(@CurrentCaller() caller: Acting, @Param('id', UuidParam) id: string): Promise<EpisodeView> {
    return this.episodes.get(caller, id);
  }

  @Get(':id/events')
  @Authenticated({ permission: 'episodes.read' })
  @ApiOperation({ summary: 'Every transition: action, from, to, actor, agency, when it happened and was recorded, reason, payload.' })
  @ApiOkResponse({ type: EpisodeEventList })
  @ApiNotFoundInScope()
  async events(@CurrentCaller() caller: Acting, @Param('id', UuidParam) id: string): Promise<EpisodeEventList> {
    return { items: await this.episodes.events(caller, id) };
  }

  @ActionRoute('startAssessment', 'referred → assessment: the gatekeeping assessment begins.')
  startAssessment(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() b: OccurredOnRequest, @IfMatch() m?: string) {
    return this.episodes.act(c, id, 'startAssessment', b, m);
  }

  @ActionRoute('amendReasons', 'referred or assessment: correct the referral’s reasons as the assessment found them (an event; guards read the current reasons).')
  amendReasons(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() b: AmendReasonsRequest, @IfMatch() m?: string) {
    return this.episodes.act(c, id, 'amendReasons', b, m);
  }

  @ActionRoute('admit', 'assessment → residential_care, as a last resort.')
  admit(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() b: AdmitRequest, @IfMatch() m?: string) {
    return this.episodes.act(c, id, 'admit', b, m);
  }

  @ActionRoute('placeInFamily', 'assessment or reintegration → family_based_care.')
  placeInFamily(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() b: PlacementRequest, @IfMatch() m?: string) {
    return this.episodes.act(c, id, 'placeInFamily', b, m);
  }

  @ActionRoute('closeAtAssessment', 'referred or assessment → closed: no protection need, or the child stays home with support.')
  closeAtAssessment(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() b: EpisodeReasonRequest, @IfMatch() m?: string) {
    return this.episodes.act(c, id, 'closeAtAssessment', b, m);
  }

  @ActionRoute('transfer', 'residential_care → residential_care in another facility.')
  transfer(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() b: TransferRequest, @IfMatch() m?: string) {
    return this.episodes.act(c, id, 'transfer', b, m);
  }

  @ActionRoute('startReintegration', 'residential_care → reintegration, once the family is traced.')
  startReintegration(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() b: StartReintegrationRequest, @IfMatch() m?: string) {
    return this.episodes.act(c, id, 'startReintegration', b, m);
  }

  @ActionRoute('abandonReintegration', 'reintegration → residential_care, with a reason.')
  abandonReintegration(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() b: EpisodeReasonRequest, @IfMatch() m?: string) {
    return this.episodes.act(c, id, 'abandonReintegration', b, m);
  }

  @ActionRoute('changePlacement', 'family_based_care → family_based_care with a new carer; the old placement ends with a reason.')
  changePlacement(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() b: ChangePlacementRequest, @IfMatch() m?: string) {
    return this.episodes.act(c, id, 'changePlacement', b, m);
  }

  @ActionRoute('reportBreakdown', 'family_based_care → assessment: the placement broke down (counts as a breakdown and a re-entry).')
  reportBreakdown(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() b: EpisodeReasonRequest, @IfMatch() m?: string) {
    return this.episodes.act(c, id, 'reportBreakdown', b, m);
  }

  @ActionRoute('close', 'family_based_care or residential_care → closed, with a reason.')
  close(@CurrentCaller() c: Acting, @Param('id', UuidParam) id: string, @Body() b: CloseEpisodeRequest, @IfMatch() m?: string) {
    return this.episodes.act(c, id, 'close', b, m);
  }
}
