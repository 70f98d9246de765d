import { Injectable } from '@nestjs/common';
import type { Caller } from '../common/auth/caller';
import { Database } from '../common/database/database.service';
import { ValidationFailed } from '../common/errors/domain-errors';
import { today } from '../common/time/calendar';
import { FACILITY_COUNTS, FLOW_COUNTS } from './domain/dimensions';
import { isSmall, suppressCount, suppressRow } from './domain/suppression';
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

/** Aggregates only. Planners get every count from 1 to 4 withheld; admins see exact numbers. */
@Injectable()
export class FiguresService {
  constructor(private readonly db: Database) {}

  private suppresses(caller: Caller): boolean {
    return caller.role !== 'admin';
  }

  async children(caller: Caller, query: ChildrenFiguresQuery): Promise<ChildrenFigures> {
    const asOf = query.asOf ?? today();
    const groupBy = query.groupBy ?? [];
    const raw = await this.db.dataSource.query<Record<string, unknown>[]>(childrenStockSql(groupBy), [asOf, query.provinceCode ?? null]);
    const apply = this.suppresses(caller);
    // Sorted here, not in SQL: sorting ~40,000 rows by seven collated keys cost PostgreSQL more than
    // the rest of the query, while a few thousand groups sort in JavaScript in a few milliseconds.
    const columns = groupBy.map((_, i) => `d${i}`);
    let total = 0;
    const sortKeys = raw.map((r) => columns.map((c) => (r[c] === null || r[c] === undefined ? '\uffff' : String(r[c] as string | boolean))).join('\u0000'));
    const order = raw.map((_, i) => i).sort((a, b) => (sortKeys[a] < sortKeys[b] ? -1 : sortKeys[a] > sortKeys[b] ? 1 : 0));
    const rows = order.map((index): ChildrenFigureRow => {
      const r = raw[index];
      const row: Record<string, unknown> = {};
      for (let i = 0; i < groupBy.length; i++) row[groupBy[i]] = r[columns[i]] ?? null;
      const count = Number(r.count);
      total += count;
      const shown = suppressCount(count, apply);
      row.count = shown.value;
      row.suppressed = shown.suppressed;
      return row as unknown as ChildrenFigureRow;
    });
    const shownTotal = suppressCount(total, apply);
    return { asOf, groupBy, rows, total: shownTotal.value, totalSuppressed: shownTotal.suppressed };
  }

  async flows(caller: Caller, query: FlowFiguresQuery): Promise<FlowFigures> {
    if (query.from > query.to) throw new ValidationFailed([{ field: 'from', messages: ['from must not be after to'] }]);
    const byProvince = (query.groupBy ?? []).includes('provinceCode');
    const raw = await this.db.dataSource.query<Record<string, number | string>[]>(flowsSql(byProvince), [query.from, query.to]);
    const apply = this.suppresses(caller);
    const rows = raw.map((r) => {
      const closuresByReason: Record<string, number | null> = {};
      const suppressedReasons: string[] = [];
      for (const reason of CLOSE_REASON_CODES) {
        const { value, suppressed } = suppressCount(Number(r[`close_${reason}`]), apply);
        closuresByReason[reason] = value;
        if (suppressed) suppressedReasons.push(`closuresByReason.${reason}`);
      }
      const counts = Object.fromEntries(FLOW_COUNTS.map((name) => [name, Number(r[name])]));
      const row = suppressRow({ ...(byProvince ? { provinceCode: String(r.provinceCode) } : {}), ...counts }, FLOW_COUNTS, apply);
      return {
        ...row,
        closuresByReason,
        suppressed: row.suppressed || suppressedReasons.length > 0,
        suppressedFields: [...row.suppressedFields, ...suppressedReasons],
      } as FlowFigureRow;
    });
    return { from: query.from, to: query.to, rows };
  }

  async facilities(caller: Caller, query: FacilityFiguresQuery): Promise<FacilityFigures> {
    const asOf = query.asOf ?? today();
    const raw = await this.db.dataSource.query<Record<string, unknown>[]>(facilitiesSql(query.groupBy ?? []), [asOf]);
    const apply = this.suppresses(caller);
    return { asOf, rows: raw.map((r) => suppressRow(r, FACILITY_COUNTS, apply) as unknown as FacilityFigureRow) };
  }

  async deinstitutionalisation(caller: Caller, query: DeinstitutionalisationQuery): Promise<DeinstitutionalisationFigures> {
    const asOf = query.asOf ?? today();
    if (query.baseline > asOf) throw new ValidationFailed([{ field: 'baseline', messages: ['baseline must not be after asOf'] }]);
    const province = query.provinceCode ?? null;
    // Three independent reads: run side by side on pooled connections.
    const pool = this.db.dataSource;
    const [[base], [now], [gate]] = await Promise.all([
      pool.query<{ residential: number; family: number }[]>(CARE_SPLIT_SQL, [query.baseline, province]),
      pool.query<{ residential: number; family: number }[]>(CARE_SPLIT_SQL, [asOf, province]),
      pool.query<{ admitted: number; diverted: number }[]>(GATEKEEPING_SQL, [query.baseline, asOf, province]),
    ]);
    const decisions = gate.admitted + gate.diverted;
    const exact = {
      residentialAtBaseline: base.residential,
      residentialNow: now.residential,
      reductionPercent: base.residential > 0 ? round1(((base.residential - now.residential) / base.residential) * 100) : null,
      residentialToFamilyRatio: now.family > 0 ? round2(now.residential / now.family) : null,
      gatekeptAdmissionsShare: decisions > 0 ? round1((gate.diverted / decisions) * 100) : null,
    };
    // A share or ratio built on a withheld count would reveal it, so it is withheld with it.
    const small = (...counts: number[]) => this.suppresses(caller) && counts.some(isSmall);
    const withheld = {
      residentialAtBaseline: small(base.residential),
      residentialNow: small(now.residential),
      reductionPercent: small(base.residential, now.residential),
      residentialToFamilyRatio: small(now.residential, now.family),
      gatekeptAdmissionsShare: small(gate.admitted, gate.diverted),
    };
    const suppressedFields = Object.entries(withheld).filter(([, w]) => w).map(([field]) => field);
    const shown = Object.fromEntries(Object.entries(exact).map(([field, value]) => [field, withheld[field as keyof typeof withheld] ? null : value]));
    return {
      baseline: query.baseline,
      asOf,
      provinceCode: province,
      ...(shown as typeof exact),
      suppressed: suppressedFields.length > 0,
      suppressedFields,
    };
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
