import { Injectable } from '@nestjs/common';
import type { Caller } from '../common/auth/caller';
import { Database } from '../common/database/database.service';
import { ValidationFailed } from '../common/errors/domain-errors';
import { checkedPeriods } from './domain/checked-periods';
import { today } from '../common/time/calendar';
import { FACILITY_COUNTS, FLOW_COUNTS } from './domain/dimensions';
import { addCells, type Cell } from './domain/disclosure-control';
import { FigurePublisher } from './domain/publisher';
import {
  ChildrenFiguresQuery,
  DeinstitutionalisationFigures,
  DeinstitutionalisationQuery,
  FacilityFigureRow,
  FacilityFigures,
  FacilityFiguresQuery,
  FlowFigureRow,
  FlowFigures,
  FlowFiguresQuery,
} from './dto/figures.dto';
import { StockAnswer } from './stock-answer';
import { withProvinceNames } from './stock-rows';
import { CARE_SPLIT_SQL, childrenStockSql, CLOSE_REASON_CODES, facilitiesSql, flowsSql, GATEKEEPING_SQL } from './figures.queries';

const cellOf = (count: unknown, keySum: unknown): Cell => ({ count: Number(count), keySum: Number(keySum) });

/** Aggregates only, each count of children published through the caller's disclosure control. */
@Injectable()
export class FiguresService {
  constructor(private readonly db: Database) {}

  async children(caller: Caller, query: ChildrenFiguresQuery): Promise<StockAnswer> {
    const groupBy = query.groupBy ?? [];
    const answer = new StockAnswer(query.asOf ?? today(), groupBy, FigurePublisher.for(caller.role));
    await this.db.eachRow(childrenStockSql(groupBy), [answer.asOf, query.provinceCode ?? null], (row) => answer.add(row));
    return answer;
  }

  async flows(caller: Caller, query: FlowFiguresQuery): Promise<FlowFigures> {
    if (query.from > query.to) throw new ValidationFailed([{ field: 'from', messages: ['from must not be after to'] }]);
    const periods = query.interval ? checkedPeriods(query.from, query.to, query.interval) : [];
    const byProvince = (query.groupBy ?? []).includes('provinceCode');
    const publisher = FigurePublisher.for(caller.role);
    const raw = await this.db.dataSource.query<Record<string, number | string>[]>(flowsSql(byProvince, query.interval), [query.from, query.to, query.provinceCode ?? null]);
    const rowOf = (r: Record<string, number | string>) => {
      const suppressedFields: string[] = [];
      const shown = (name: string, field = name) => {
        const published = publisher.children(cellOf(r[name] ?? 0, r[`${name}Key`] ?? 0));
        if (published.suppressed) suppressedFields.push(field);
        return published.value;
      };
      const counts = Object.fromEntries(FLOW_COUNTS.map((name) => [name, shown(name)]));
      const closuresByReason = Object.fromEntries(CLOSE_REASON_CODES.map((reason) => [reason, shown(`close_${reason}`, `closuresByReason.${reason}`)]));
      const row = { ...(byProvince ? { provinceCode: String(r.provinceCode) } : {}), ...counts, closuresByReason, suppressed: suppressedFields.length > 0, suppressedFields };
      return withProvinceNames(row) as unknown as FlowFigureRow;
    };
    if (!query.interval) return { from: query.from, to: query.to, interval: null, rows: raw.map(rowOf), disclosureControl: publisher.control };
    // One row per interval (per province in it), an interval without events included as zeros.
    const byPeriod = new Map<string, Record<string, number | string>[]>();
    for (const r of raw) byPeriod.set(String(r.period), [...(byPeriod.get(String(r.period)) ?? []), r]);
    const rows = periods.flatMap((p) =>
      (byPeriod.get(p.start) ?? (byProvince ? [] : [{}])).map((r) => ({ periodFrom: p.from, periodTo: p.to, ...rowOf(r) })),
    );
    return { from: query.from, to: query.to, interval: query.interval, rows, disclosureControl: publisher.control };
  }

  async facilities(caller: Caller, query: FacilityFiguresQuery): Promise<FacilityFigures> {
    const asOf = query.asOf ?? today();
    const publisher = FigurePublisher.for(caller.role);
    const raw = await this.db.dataSource.query<Record<string, unknown>[]>(facilitiesSql(query.groupBy ?? []), [asOf]);
    const rows = raw.map((r) => {
      const { residentsKey, ...counts } = r;
      const residents = publisher.children(cellOf(r.residents, residentsKey));
      for (const field of FACILITY_COUNTS) counts[field] = Number(counts[field]);
      const row = { ...counts, residents: residents.value, suppressed: residents.suppressed, suppressedFields: residents.suppressed ? ['residents'] : [] };
      return withProvinceNames(row) as unknown as FacilityFigureRow;
    });
    return { asOf, rows, disclosureControl: publisher.control };
  }

  async deinstitutionalisation(caller: Caller, query: DeinstitutionalisationQuery): Promise<DeinstitutionalisationFigures> {
    const asOf = query.asOf ?? today();
    if (query.baseline > asOf) throw new ValidationFailed([{ field: 'baseline', messages: ['baseline must not be after asOf'] }]);
    const province = query.provinceCode ?? null;
    const publisher = FigurePublisher.for(caller.role);
    // Three independent reads: run side by side on pooled connections.
    const pool = this.db.dataSource;
    type Split = { residential: number; residential_key: string; family: number; family_key: string };
    const [[base], [now], [gate]] = await Promise.all([
      pool.query<Split[]>(CARE_SPLIT_SQL, [query.baseline, province]),
      pool.query<Split[]>(CARE_SPLIT_SQL, [asOf, province]),
      pool.query<{ admitted: number; admitted_key: string; diverted: number; diverted_key: string }[]>(GATEKEEPING_SQL, [query.baseline, asOf, province]),
    ]);
    const atBaseline = publisher.children(cellOf(base.residential, base.residential_key));
    const residentialNow = publisher.children(cellOf(now.residential, now.residential_key));
    const familyNow = publisher.children(cellOf(now.family, now.family_key));
    const diverted = cellOf(gate.diverted, gate.diverted_key);
    const decisions = addCells(diverted, cellOf(gate.admitted, gate.admitted_key));
    const gatekept = publisher.percent(publisher.children(diverted), publisher.children(decisions));
    const values = {
      residentialAtBaseline: atBaseline.value,
      residentialNow: residentialNow.value,
      reductionPercent: publisher.reductionPercent(atBaseline, residentialNow),
      residentialToFamilyRatio: publisher.ratio(residentialNow, familyNow),
      gatekeptAdmissionsPercent: gatekept,
    };
    const withheld = [
      ['residentialAtBaseline', atBaseline.suppressed],
      ['residentialNow', residentialNow.suppressed],
      ['reductionPercent', atBaseline.suppressed || residentialNow.suppressed],
      ['residentialToFamilyRatio', residentialNow.suppressed || familyNow.suppressed],
      ['gatekeptAdmissionsPercent', publisher.children(diverted).suppressed || publisher.children(decisions).suppressed],
    ] as const;
    const suppressedFields: string[] = withheld.filter(([, w]) => w).map(([field]) => field);
    return {
      baseline: query.baseline,
      asOf,
      ...withProvinceNames({ provinceCode: province }),
      ...values,
      gatekeptAdmissionsShare: gatekept,
      suppressed: suppressedFields.length > 0,
      suppressedFields,
      disclosureControl: publisher.control,
    };
  }
}
