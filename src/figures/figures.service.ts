import { Injectable } from '@nestjs/common';
import type { Caller } from '../common/auth/caller';
import { Database } from '../common/database/database.service';
import { ValidationFailed } from '../common/errors/domain-errors';
import { today } from '../common/time/calendar';
import { PROVINCES } from '../provinces/provinces.data';
import { AGE_BANDS, FACILITY_COUNTS, FLOW_COUNTS, type ChildDimension } from './domain/dimensions';
import { addCells, emptyCell, type Cell } from './domain/disclosure-control';
import { FigurePublisher } from './domain/publisher';
import {
  ChildrenFigureRow,
  ChildrenFigures,
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
import { CARE_SPLIT_SQL, childrenStockSql, CLOSE_REASON_CODES, facilitiesSql, flowsSql, GATEKEEPING_SQL } from './figures.queries';

const PROVINCE_NAMES = new Map(PROVINCES.map((p) => [p.code, p]));

/** Province names in both scripts beside a province code, for JSON and CSV alike. */
export function withProvinceNames<T extends object>(row: T): T & { provinceNameEn?: string; provinceNameKm?: string } {
  const code = (row as { provinceCode?: unknown }).provinceCode;
  if (typeof code !== 'string') return row;
  const province = PROVINCE_NAMES.get(code);
  // Right after the code, so CSV columns read code, English name, Khmer name.
  const named: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    named[key] = value;
    if (key === 'provinceCode') Object.assign(named, { provinceNameEn: province?.nameEn, provinceNameKm: province?.nameKm });
  }
  return named as T & { provinceNameEn?: string; provinceNameKm?: string };
}

const rank = (dimension: ChildDimension, value: unknown): string => {
  if (value === null || value === undefined) return '\uffff';
  if (dimension === 'ageBand') return String(AGE_BANDS.indexOf(value as (typeof AGE_BANDS)[number])).padStart(2, '0');
  return typeof value === 'string' ? value : JSON.stringify(value);
};

const cellOf = (count: unknown, keySum: unknown): Cell => ({ count: Number(count), keySum: Number(keySum) });

/** Aggregates only, each count of children published through the caller's disclosure control. */
@Injectable()
export class FiguresService {
  constructor(private readonly db: Database) {}

  async children(caller: Caller, query: ChildrenFiguresQuery): Promise<ChildrenFigures> {
    const asOf = query.asOf ?? today();
    const groupBy = query.groupBy ?? [];
    const publisher = FigurePublisher.for(caller.role);
    const raw = await this.db.dataSource.query<Record<string, unknown>[]>(childrenStockSql(groupBy), [asOf, query.provinceCode ?? null]);
    // Sorted here, not in SQL: sorting ~40,000 rows by seven collated keys cost PostgreSQL more than
    // the rest of the query, while a few thousand groups sort in JavaScript in a few milliseconds.
    const columns = groupBy.map((_, i) => `d${i}`);
    const sortKeys = raw.map((r) => columns.map((c, i) => rank(groupBy[i], r[c])).join('\u0000'));
    const order = raw.map((_, i) => i).sort((a, b) => (sortKeys[a] < sortKeys[b] ? -1 : sortKeys[a] > sortKeys[b] ? 1 : 0));
    const total = emptyCell();
    const rows = new Array<ChildrenFigureRow>(order.length);
    for (let n = 0; n < order.length; n++) {
      const r = raw[order[n]];
      // Built key by key, in the answer's order: thousands of rows, so no copies.
      const row: Record<string, unknown> = {};
      for (let i = 0; i < groupBy.length; i++) {
        const value = r[columns[i]] ?? null;
        row[groupBy[i]] = value;
        if (groupBy[i] === 'provinceCode') {
          const province = PROVINCE_NAMES.get(value as string);
          row.provinceNameEn = province?.nameEn;
          row.provinceNameKm = province?.nameKm;
        }
      }
      const cell = cellOf(r.count, r.key_sum);
      total.count += cell.count;
      total.keySum += cell.keySum;
      const shown = publisher.children(cell);
      row.count = shown.value;
      row.suppressed = shown.suppressed;
      rows[n] = row as unknown as ChildrenFigureRow;
    }
    // The total is a cell of its own, perturbed from all its records: not the sum of published rows.
    const shownTotal = publisher.children(total);
    return { asOf, groupBy, rows, total: shownTotal.value, totalSuppressed: shownTotal.suppressed, disclosureControl: publisher.control };
  }

  async flows(caller: Caller, query: FlowFiguresQuery): Promise<FlowFigures> {
    if (query.from > query.to) throw new ValidationFailed([{ field: 'from', messages: ['from must not be after to'] }]);
    const byProvince = (query.groupBy ?? []).includes('provinceCode');
    const publisher = FigurePublisher.for(caller.role);
    const raw = await this.db.dataSource.query<Record<string, number | string>[]>(flowsSql(byProvince), [query.from, query.to]);
    const rows = raw.map((r) => {
      const suppressedFields: string[] = [];
      const shown = (name: string, field = name) => {
        const published = publisher.children(cellOf(r[name], r[`${name}Key`]));
        if (published.suppressed) suppressedFields.push(field);
        return published.value;
      };
      const counts = Object.fromEntries(FLOW_COUNTS.map((name) => [name, shown(name)]));
      const closuresByReason = Object.fromEntries(CLOSE_REASON_CODES.map((reason) => [reason, shown(`close_${reason}`, `closuresByReason.${reason}`)]));
      const row = { ...(byProvince ? { provinceCode: String(r.provinceCode) } : {}), ...counts, closuresByReason, suppressed: suppressedFields.length > 0, suppressedFields };
      return withProvinceNames(row) as unknown as FlowFigureRow;
    });
    return { from: query.from, to: query.to, rows, disclosureControl: publisher.control };
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
