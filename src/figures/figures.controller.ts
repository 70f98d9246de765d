import { applyDecorators, Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, CurrentCaller } from '../common/auth/authenticated.decorator';
import type { Caller } from '../common/auth/caller';
import { ApiValidationErrors } from '../common/http/api-errors.decorator';
import { WithoutTransaction } from '../common/http/unit-of-work.interceptor';
import { csvAnswer, wantsCsv } from '../common/http/csv-lists';
import {
  ChildrenFigures,
  ChildrenFiguresQuery,
  DeinstitutionalisationFigures,
  DeinstitutionalisationQuery,
  FacilityFigures,
  FacilityFiguresQuery,
  FlowFigures,
  FlowFiguresQuery,
} from './dto/figures.dto';
import { ChildrenSeries, ChildrenSeriesQuery } from './dto/series.dto';
import { Indicators, IndicatorsQuery } from './dto/indicators.dto';
import { FiguresService } from './figures.service';
import { IndicatorsService } from './indicators/indicators.service';
import { ChildrenSeriesService } from './series/children-series.service';

const FigureRoute = (path: string, summary: string, type: unknown) =>
  applyDecorators(
    Get(path),
    Authenticated({ permission: 'figures.read' }),
    WithoutTransaction(),
    ApiOperation({ summary, description: 'Planners and admins. For planners every count from 1 to 4 is null with `suppressed: true`. Send `Accept: text/csv` for CSV.' }),
    ApiProduces('application/json', 'text/csv'),
    ApiOkResponse({ type: type as never }),
    ApiValidationErrors(),
  );

type Reply = FastifyReply;

/** An answer already written as JSON bytes (the large figures: see JsonBuffer). */
function jsonBytes(reply: Reply, bytes: Buffer): Buffer {
  void reply.header('Content-Type', 'application/json; charset=utf-8');
  return bytes;
}

/** JSON by default; CSV with a header row when the client asks for text/csv. Only the one asked for is made. */
function respond<T>(request: FastifyRequest, reply: Reply, body: () => T, rows: () => Record<string, unknown>[], name: string): T | string {
  return wantsCsv(request) ? csvAnswer(reply, name, rows()) : body();
}

@ApiTags('figures')
@Controller('figures')
export class FiguresController {
  constructor(
    private readonly figures: FiguresService,
    private readonly seriesOf: ChildrenSeriesService,
    private readonly indicatorsOf: IndicatorsService,
  ) {}

  @FigureRoute('children', 'Children in care on a date, by care setting, province, facility type, sex, age band, disability, parental status.', ChildrenFigures)
  async children(@CurrentCaller() caller: Caller, @Query() query: ChildrenFiguresQuery, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: Reply) {
    const answer = await this.figures.children(caller, query);
    const rows = () => answer.toObject().rows as unknown as Record<string, unknown>[];
    return respond(req, reply, () => jsonBytes(reply, answer.toJson()), rows, `children-${answer.asOf}`);
  }

  @FigureRoute('children/series', 'Children in care at the end of each month, quarter or year (the last point on `to`), grouped as /figures/children groups.', ChildrenSeries)
  async childrenSeries(@CurrentCaller() caller: Caller, @Query() query: ChildrenSeriesQuery, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: Reply) {
    const answer = await this.seriesOf.series(caller, query);
    const rows = () => {
      const result = answer.toObject();
      const all = Object.fromEntries(result.groupBy.map((d) => [d, 'all']));
      return result.points.flatMap((p) => [
        ...p.rows.map((row) => ({ date: p.date, ...row })),
        { date: p.date, ...all, count: p.total, suppressed: p.totalSuppressed },
      ]) as unknown as Record<string, unknown>[];
    };
    return respond(req, reply, () => jsonBytes(reply, answer.toJson()), rows, `children-series-${answer.meta.from}-${answer.meta.to}`);
  }

  @FigureRoute('indicators', 'The formal-care indicators (Better Care Network / UNICEF) the data supports, for a period: entries, stock by setting, exits, ratios, shares, median stay, review and visit compliance, rates per 100,000.', Indicators)
  async indicators(@CurrentCaller() caller: Caller, @Query() query: IndicatorsQuery, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: Reply) {
    const result = await this.indicatorsOf.indicators(caller, query);
    return respond(req, reply, () => result, () => result.indicators as unknown as Record<string, unknown>[], `indicators-${result.from}-${result.to}`);
  }

  @FigureRoute('flows', 'Referrals, gatekeeping decisions, admissions, reintegrations, breakdowns, re-entries and closures over a period.', FlowFigures)
  async flows(@CurrentCaller() caller: Caller, @Query() query: FlowFiguresQuery, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: Reply) {
    const result = await this.figures.flows(caller, query);
    const rows = () =>
      result.rows.map(({ closuresByReason, suppressedFields, ...row }) => ({
        ...row,
        ...Object.fromEntries(Object.entries(closuresByReason).map(([reason, n]) => [`closures_${reason}`, n])),
        suppressedFields,
      }));
    return respond(req, reply, () => result, rows, `flows-${result.from}-${result.to}`);
  }

  @FigureRoute('facilities', 'Facilities on a date by status, type and province: capacity, residents, MoUs, inspections, transitions and closures.', FacilityFigures)
  async facilities(@CurrentCaller() caller: Caller, @Query() query: FacilityFiguresQuery, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: Reply) {
    const result = await this.figures.facilities(caller, query);
    return respond(req, reply, () => result, () => result.rows as unknown as Record<string, unknown>[], `facilities-${result.asOf}`);
  }

  @FigureRoute('deinstitutionalisation', 'Residential care at a baseline and now, the reduction, the residential to family ratio, the share of gatekeeping decisions that avoided residential care.', DeinstitutionalisationFigures)
  async deinstitutionalisation(
    @CurrentCaller() caller: Caller,
    @Query() query: DeinstitutionalisationQuery,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const result = await this.figures.deinstitutionalisation(caller, query);
    const { disclosureControl: _control, ...row } = result;
    return respond(req, reply, () => result, () => [row as unknown as Record<string, unknown>], `deinstitutionalisation-${result.asOf}`);
  }
}
