import { Injectable } from '@nestjs/common';
import { CLOSE_REASONS, PLACEMENT_TYPES } from '../../care-episodes/domain/care-episode';
import type { Caller } from '../../common/auth/caller';
import { Database } from '../../common/database/database.service';
import { today } from '../../common/time/calendar';
import { checkedPeriods } from '../domain/checked-periods';
import { addCells, emptyCell, type Cell, type Published } from '../domain/disclosure-control';
import { FigurePublisher } from '../domain/publisher';
import type { IndicatorRow, Indicators, IndicatorsQuery } from '../dto/indicators.dto';
import { childrenStockSql, flowsSql } from '../figures.queries';
import { withProvinceNames } from '../stock-rows';
import { CHILD_POPULATION_SQL, COMPLIANCE_TODAY_SQL, RESIDENTIAL_EXITS_SQL, REVIEWS_ON_TIME_SQL, VISITS_ON_TIME_SQL } from './indicators.queries';

/** Where a child went on leaving residential care: a family placement, or the reason the case closed. */
export const EXIT_DESTINATIONS = [...PLACEMENT_TYPES, ...CLOSE_REASONS.map((reason) => `closed_${reason}`)] as const;
export const CARE_SETTINGS = ['residential_care', 'kinship_care', 'foster_care', 'parental_care', 'independent_living'] as const;

const AVERAGE_MONTH_DAYS = 365.25 / 12;
type Row = Record<string, unknown>;
/** The one-pass row of today's compliance as the two rows the recomputation answers. */
export const splitCompliance = (row: Row): Row[] =>
  ['review_', 'visit_'].map((prefix) => Object.fromEntries(['n', 'k', 'on_time', 'on_time_k'].map((column) => [column, row[`${prefix}${column}`]])));
const cell = (count: unknown, keySum: unknown): Cell => ({ count: Number(count ?? 0), keySum: Number(keySum ?? 0) });

/**
 * The formal-care indicators of the Better Care Network / UNICEF manual that the data supports, for
 * a period and optionally one province. Every count goes through the caller's disclosure control;
 * shares, ratios, rates and the median come from published counts and are withheld with them.
 */
@Injectable()
export class IndicatorsService {
  constructor(private readonly db: Database) {}

  async indicators(caller: Caller, query: IndicatorsQuery): Promise<Indicators> {
    const to = query.to ?? today();
    checkedPeriods(query.from, to, 'year');
    const province = query.provinceCode ?? null;
    const params = [query.from, to, province];
    const pool = this.db.dataSource;
    // Today's compliance from the schedules episodes keep; an earlier day's recomputed from the records.
    const onToday = to === today();
    // Independent reads, side by side on pooled connections.
    const [[flows], stock, exits, [reviews, visits], [population]] = await Promise.all([
      pool.query<Row[]>(flowsSql(false), params),
      pool.query<Row[]>(childrenStockSql(['careSetting']), [to, province]),
      pool.query<Row[]>(RESIDENTIAL_EXITS_SQL, params),
      onToday ? pool.query<Row[]>(COMPLIANCE_TODAY_SQL, params).then(([r]) => splitCompliance(r)) : Promise.all([REVIEWS_ON_TIME_SQL, VISITS_ON_TIME_SQL].map(async (sql) => (await pool.query<Row[]>(sql, params))[0])),
      pool.query<Row[]>(CHILD_POPULATION_SQL, params),
    ]);
    const publisher = FigurePublisher.for(caller.role);
    const rows: IndicatorRow[] = [];
    const count = (indicator: string, c: Cell): Published => {
      const shown = publisher.children(c);
      rows.push({ indicator, unit: 'children', value: shown.value, suppressed: shown.suppressed });
      return shown;
    };
    const derived = (indicator: string, unit: IndicatorRow['unit'], value: number | null, uses: Published[]) =>
      rows.push({ indicator, unit, value, suppressed: uses.some((u) => u.suppressed) });
    const percent = (indicator: string, part: Cell, whole: Cell) => {
      const [p, w] = [publisher.children(part), publisher.children(whole)];
      rows.push({ indicator, unit: 'percent', value: publisher.percent(p, w), suppressed: p.suppressed || w.suppressed, numerator: p.value, denominator: w.value });
    };
    const flow = (name: string) => cell(flows[name], flows[`${name}Key`]);

    const entries = count('entriesIntoCare', addCells(flow('admissions'), flow('placedAtGatekeeping')));
    const bySetting = new Map(stock.map((r) => [String(r.d0), cell(r.count, r.key_sum)]));
    const settings = Object.fromEntries(CARE_SETTINGS.map((s) => [s, bySetting.get(s) ?? emptyCell()]));
    for (const s of CARE_SETTINGS) count(`inCare.${s}`, settings[s]);
    const inCare = count('inCare', addCells(...Object.values(settings)));
    const residential = publisher.children(settings.residential_care);
    const family = publisher.children(addCells(settings.kinship_care, settings.foster_care, settings.parental_care, settings.independent_living));
    derived('residentialToFamilyRatio', 'ratio', publisher.ratio(residential, family), [residential, family]);
    count('exitsResidentialToFamily', flow('reintegrations'));
    percent('gatekeptPercent', flow('diverted'), addCells(flow('diverted'), flow('admissions')));
    count('deathsInCare', flow('close_died'));

    const byDestination = new Map(exits.map((r) => [(r.destination as string | null) ?? 'all', r]));
    const leavers = count('exitsFromResidentialCare', cell(byDestination.get('all')?.n, byDestination.get('all')?.k));
    for (const d of EXIT_DESTINATIONS) count(`exitsFromResidentialCare.${d}`, cell(byDestination.get(d)?.n, byDestination.get(d)?.k));
    const medianDays = byDestination.get('all')?.median_days;
    const median = leavers.value && medianDays !== null && medianDays !== undefined ? Math.round((Number(medianDays) / AVERAGE_MONTH_DAYS) * 10) / 10 : null;
    derived('medianResidentialStayMonths', 'months', median, [leavers]);

    percent('reviewsOnTimePercent', cell(reviews.on_time, reviews.on_time_k), cell(reviews.n, reviews.k));
    percent('followUpVisitsOnTimePercent', cell(visits.on_time, visits.on_time_k), cell(visits.n, visits.k));

    // Rates need the child population of the province, or of all 25 provinces for the nation.
    const children = Number(population.provinces) === (province ? 1 : 25) ? Number(population.children) : null;
    const per100k = (p: Published) => (children && p.value !== null ? Math.round((p.value / children) * 100_000 * 10) / 10 : null);
    derived('entriesPer100k', 'per_100k', per100k(entries), [entries]);
    derived('inCarePer100k', 'per_100k', per100k(inCare), [inCare]);
    derived('residentialCarePer100k', 'per_100k', per100k(residential), [residential]);

    return {
      from: query.from,
      to,
      ...withProvinceNames({ provinceCode: province }),
      childPopulation: children,
      childPopulationYear: children ? Number(population.year) : null,
      indicators: rows,
      disclosureControl: publisher.control,
    };
  }
}
