import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { PROVINCES } from '../../provinces/provinces.data';
import type { ChildPopulation, ChildPopulationBody } from '../dto/indicators.dto';
import type { UnitOfWork } from '../../common/database/unit-of-work';

const NAMES = new Map(PROVINCES.map((p) => [p.code, p]));
const view = (r: { province_code: string; year: number; children: number }): ChildPopulation => ({
  provinceCode: r.province_code,
  provinceNameEn: NAMES.get(r.province_code)!.nameEn,
  provinceNameKm: NAMES.get(r.province_code)!.nameKm,
  year: r.year,
  children: r.children,
});

/** The child population of each province by year, as an admin sets it: the denominator of rates per 100,000. */
@Injectable()
export class ChildPopulationsService {
  constructor(
    private readonly audit: AuditService,
  ) {}

  async list(work: UnitOfWork): Promise<ChildPopulation[]> {
    const rows = await work.manager.query<{ province_code: string; year: number; children: number }[]>(
      'SELECT province_code, year, children FROM child_populations ORDER BY province_code, year',
    );
    return rows.map(view);
  }

  async set(work: UnitOfWork, provinceCode: string, body: ChildPopulationBody): Promise<ChildPopulation> {
    const [before] = await work.manager.query<{ children: number }[]>(
      'SELECT children FROM child_populations WHERE province_code = $1 AND year = $2 FOR UPDATE',
      [provinceCode, body.year],
    );
    await work.manager.query(
      `INSERT INTO child_populations (province_code, year, children) VALUES ($1, $2, $3)
       ON CONFLICT (province_code, year) DO UPDATE SET children = EXCLUDED.children, updated_at = now()`,
      [provinceCode, body.year, body.children],
    );
    this.audit.record(work, {
      action: 'childPopulation.set',
      entityType: 'child_population',
      entityId: null,
      changes: { provinceCode, year: body.year, children: { from: before?.children ?? null, to: body.children } },
    });
    return view({ province_code: provinceCode, year: body.year, children: body.children });
  }
}
