import { applyDecorators, Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller } from '../common/auth/authenticated.decorator';
import type { Caller } from '../common/auth/caller';
import { ApiNotFoundInScope, ApiTransitionErrors, ApiValidationErrors } from '../common/http/api-errors.decorator';
import { IfMatch } from '../common/http/request-headers';
import { UuidParam } from '../common/http/uuid-param';
import { CareEpisodesService } from './care-episodes.service';
import type { EpisodeAction } from './domain/care-episode.transitions';
import {
  AdmitRequest,
  ChangePlacementRequest,
  CloseEpisodeRequest,
  CreateEpisodeRequest,
  CreateReviewRequest,
  CreateVisitRequest,
  EpisodeEventList,
  EpisodeListQuery,
  EpisodePage,
  EpisodeReasonRequest,
  EpisodeView,
  OccurredOnRequest,
  PlacementRequest,
  ReviewList,
  ReviewView,
  StartReintegrationRequest,
  TransferRequest,
  VisitList,
  VisitView,
} from './dto/care-episode.dto';

const TIMING = ['occurred_on_not_in_future', 'occurred_on_not_before_previous_event'];
const ActionRoute = (action: EpisodeAction, summary: string, who: string, guards: string[] = []) =>
  applyDecorators(
    Post(`:id/${action}`),
    HttpCode(200),
    Authenticated({ permission: 'episodes.write' }),
    ApiOperation({ summary, description: `Who: ${who}. Every action accepts occurredOn (default today).` }),
    ApiOkResponse({ type: EpisodeView }),
    ApiTransitionErrors([...TIMING, ...guards]),
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
  @ApiValidationErrors()
  @ApiNotFoundInScope()
  refer(@CurrentCaller() caller: Caller, @Body() body: CreateEpisodeRequest): Promise<EpisodeView> {
    return this.episodes.refer(caller, body);
  }

  @Get()
  @Authenticated({ permission: 'episodes.read' })
  @ApiOperation({ summary: 'Episodes in your scope: by status, facility, province, agency, placement type, overdue review or visit.' })
  @ApiOkResponse({ type: EpisodePage })
  @ApiValidationErrors()
  list(@CurrentCaller() caller: Caller, @Query() query: EpisodeListQuery): Promise<EpisodePage> {
    return this.episodes.list(caller, query);
  }

  @Get(':id')
  @Authenticated({ permission: 'episodes.read' })
  @ApiOperation({ summary: 'One episode with its allowed actions and due dates. Every read is audited.' })
  @ApiOkResponse({ type: EpisodeView })
  @ApiNotFoundInScope()
  get(@CurrentCaller() caller: Caller, @Param('id', UuidParam) id: string): Promise<EpisodeView> {
    return this.episodes.get(caller, id);
  }

  @Get(':id/events')
  @Authenticated({ permission: 'episodes.read' })
  @ApiOperation({ summary: 'Every transition: action, from, to, actor, agency, when it happened and was recorded, reason, payload.' })
  @ApiOkResponse({ type: EpisodeEventList })
  @ApiNotFoundInScope()
  async events(@CurrentCaller() caller: Caller, @Param('id', UuidParam) id: string): Promise<EpisodeEventList> {
    return { items: await this.episodes.events(caller, id) };
  }

  @ActionRoute('startAssessment', 'referred → assessment: the gatekeeping assessment begins.', 'social_worker')
  startAssessment(@CurrentCaller() c: Caller, @Param('id', UuidParam) id: string, @Body() b: OccurredOnRequest, @IfMatch() m?: string) {
    return this.episodes.act(c, id, 'startAssessment', b, m);
  }

  @ActionRoute('admit', 'assessment → residential_care, as a last resort.', 'social_worker', [
    'facility_authorized',
    'facility_below_capacity',
    'poverty_alone_is_not_a_reason',
    'under_3_exceptional_justification',
    'family_based_options_considered',
  ])
  admit(@CurrentCaller() c: Caller, @Param('id', UuidParam) id: string, @Body() b: AdmitRequest, @IfMatch() m?: string) {
    return this.episodes.act(c, id, 'admit', b, m);
  }

  @ActionRoute('placeInFamily', 'assessment or reintegration → family_based_care.', 'social_worker; ngo_worker from reintegration', [
    'family_assessed_and_plan_agreed',
    'preparation_before_placement',
  ])
  placeInFamily(@CurrentCaller() c: Caller, @Param('id', UuidParam) id: string, @Body() b: PlacementRequest, @IfMatch() m?: string) {
    return this.episodes.act(c, id, 'placeInFamily', b, m);
  }

  @ActionRoute('closeAtAssessment', 'referred or assessment → closed: no protection need, or the child stays home with support.', 'social_worker')
  closeAtAssessment(@CurrentCaller() c: Caller, @Param('id', UuidParam) id: string, @Body() b: EpisodeReasonRequest, @IfMatch() m?: string) {
    return this.episodes.act(c, id, 'closeAtAssessment', b, m);
  }

  @ActionRoute('transfer', 'residential_care → residential_care in another facility.', 'social_worker', [
    'transfer_to_another_facility',
    'facility_authorized',
    'facility_below_capacity',
  ])
  transfer(@CurrentCaller() c: Caller, @Param('id', UuidParam) id: string, @Body() b: TransferRequest, @IfMatch() m?: string) {
    return this.episodes.act(c, id, 'transfer', b, m);
  }

  @ActionRoute('startReintegration', 'residential_care → reintegration, once the family is traced.', 'ngo_worker, social_worker', ['family_traced'])
  startReintegration(@CurrentCaller() c: Caller, @Param('id', UuidParam) id: string, @Body() b: StartReintegrationRequest, @IfMatch() m?: string) {
    return this.episodes.act(c, id, 'startReintegration', b, m);
  }

  @ActionRoute('abandonReintegration', 'reintegration → residential_care, with a reason.', 'ngo_worker, social_worker')
  abandonReintegration(@CurrentCaller() c: Caller, @Param('id', UuidParam) id: string, @Body() b: EpisodeReasonRequest, @IfMatch() m?: string) {
    return this.episodes.act(c, id, 'abandonReintegration', b, m);
  }

  @ActionRoute('changePlacement', 'family_based_care → family_based_care with a new carer; the old placement ends with a reason.', 'social_worker')
  changePlacement(@CurrentCaller() c: Caller, @Param('id', UuidParam) id: string, @Body() b: ChangePlacementRequest, @IfMatch() m?: string) {
    return this.episodes.act(c, id, 'changePlacement', b, m);
  }

  @ActionRoute('reportBreakdown', 'family_based_care → assessment: the placement broke down (counts as a breakdown and a re-entry).', 'ngo_worker, social_worker')
  reportBreakdown(@CurrentCaller() c: Caller, @Param('id', UuidParam) id: string, @Body() b: EpisodeReasonRequest, @IfMatch() m?: string) {
    return this.episodes.act(c, id, 'reportBreakdown', b, m);
  }

  @ActionRoute('close', 'family_based_care or residential_care → closed, with a reason.', 'social_worker', [
    'goals_met_only_from_family_based_care',
    'goals_met_after_6_months_in_family',
    'goals_met_after_4_follow_up_visits',
    'goals_met_last_visit_rated_well',
    'aged_out_at_18',
  ])
  close(@CurrentCaller() c: Caller, @Param('id', UuidParam) id: string, @Body() b: CloseEpisodeRequest, @IfMatch() m?: string) {
    return this.episodes.act(c, id, 'close', b, m);
  }

  @Post(':id/reviews')
  @Authenticated({ permission: 'episodes.write' })
  @ApiOperation({ summary: 'Record a care plan review (residential care or reintegration); the next is due 3 months later.' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: ReviewView })
  @ApiConflictResponse({ description: 'problem+json `TRANSITION_NOT_ALLOWED`: the child is not in residential care.' })
  @ApiValidationErrors()
  @ApiNotFoundInScope()
  addReview(@CurrentCaller() c: Caller, @Param('id', UuidParam) id: string, @Body() b: CreateReviewRequest): Promise<ReviewView> {
    return this.episodes.addReview(c, id, b);
  }

  @Get(':id/reviews')
  @Authenticated({ permission: 'episodes.read' })
  @ApiOperation({ summary: 'The episode’s care plan reviews.' })
  @ApiOkResponse({ type: ReviewList })
  @ApiNotFoundInScope()
  async reviews(@CurrentCaller() c: Caller, @Param('id', UuidParam) id: string): Promise<ReviewList> {
    return { items: await this.episodes.reviews(c, id) };
  }

  @Post(':id/follow-up-visits')
  @Authenticated({ permission: 'episodes.write' })
  @ApiOperation({ summary: 'Record a follow-up visit in family-based care; visits are due 1, 2, 3 months after placement, then every 3 months.' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: VisitView })
  @ApiConflictResponse({ description: 'problem+json `TRANSITION_NOT_ALLOWED`: the child is not in family-based care.' })
  @ApiValidationErrors()
  @ApiNotFoundInScope()
  addVisit(@CurrentCaller() c: Caller, @Param('id', UuidParam) id: string, @Body() b: CreateVisitRequest): Promise<VisitView> {
    return this.episodes.addVisit(c, id, b);
  }

  @Get(':id/follow-up-visits')
  @Authenticated({ permission: 'episodes.read' })
  @ApiOperation({ summary: 'The episode’s follow-up visits.' })
  @ApiOkResponse({ type: VisitList })
  @ApiNotFoundInScope()
  async visits(@CurrentCaller() c: Caller, @Param('id', UuidParam) id: string): Promise<VisitList> {
    return { items: await this.episodes.visits(c, id) };
  }
}
