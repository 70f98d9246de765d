import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AuditService } from '../../audit/audit.service';
import { isNational } from '../../common/auth/caller';
import type { Acting, UnitOfWork } from '../../common/database/unit-of-work';
import { ValidationFailed, type FieldError } from '../../common/errors/domain-errors';
import { parseCsv } from '../domain/csv-rows';
import { CreateFacilityRequest } from '../dto/facility.dto';
import { FacilitiesService } from '../facilities.service';
import { PlacesService } from '../../places/places.service';

export const MAX_IMPORT_ROWS = 5000;
const COLUMNS = ['name', 'nameKm', 'type', 'operatorAgencyId', 'operatorAgencyName', 'provinceCode', 'district', 'commune', 'village', 'districtCode', 'communeCode', 'villageCode', 'capacity'];

export interface ImportRowReport {
  row: number;
  status: 'created' | 'duplicate' | 'invalid';
  id?: string;
  registryCode?: string;
  existingId?: string;
  errors?: FieldError[];
}

export interface ImportReport {
  dryRun: boolean;
  /** The rows marked `created` were stored: false on a dry run, and when any row is invalid. */
  committed: boolean;
  rows: ImportRowReport[];
  totals: { rows: number; created: number; duplicate: number; invalid: number };
}

/**
 * The mapping spreadsheet, imported: each row checked as a registration is (fields, operator,
 * scope), matched against the registry and the rows above it for duplicates, and created only when
 * no row is invalid (all or nothing: the request's transaction). Sending the same file again finds
 * every row a duplicate and creates nothing.
 */
@Injectable()
export class FacilityImportsService {
  constructor(
    private readonly facilities: FacilitiesService,
    private readonly audit: AuditService,
    private readonly places: PlacesService,
  ) {}

  async import(caller: Acting, csv: string, dryRun: boolean): Promise<ImportReport> {
    let parsed: ReturnType<typeof parseCsv>;
    try {
      parsed = parseCsv(csv);
    } catch (error) {
      throw new ValidationFailed([{ field: 'body', messages: [`the CSV cannot be read: ${(error as Error).message}`] }]);
    }
    const unknown = parsed.header.filter((h) => !COLUMNS.includes(h));
    if (unknown.length > 0 || !parsed.header.includes('name')) {
      throw new ValidationFailed([{ field: 'body', messages: [`the header row names the columns of a registration (${COLUMNS.join(', ')}); unknown: ${unknown.join(', ') || 'none'}`] }]);
    }
    if (parsed.rows.length === 0) throw new ValidationFailed([{ field: 'body', messages: ['the CSV has no rows under its header'] }]);
    if (parsed.rows.length > MAX_IMPORT_ROWS) throw new ValidationFailed([{ field: 'body', messages: [`at most ${MAX_IMPORT_ROWS} rows in one import`] }]);

    const agencies = await this.agencyIdsByName(caller.work);
    const seen = new Map<string, number>();
    // One after the other: every query runs on the request's one transaction connection.
    const checked: Awaited<ReturnType<FacilityImportsService['check']>>[] = [];
    for (const [i, raw] of parsed.rows.entries()) checked.push(await this.check(caller, raw, i + 2, agencies));
    const reports: ImportRowReport[] = [];
    const toCreate: { report: ImportRowReport; request: CreateFacilityRequest }[] = [];
    for (const { row, request, errors } of checked) {
      if (errors.length > 0 || !request) {
        reports.push({ row, status: 'invalid', errors });
        continue;
      }
      const [existing] = await this.facilities.likelyDuplicates(caller.work, request);
      const key = `${request.provinceCode}|${(request.commune ?? '').toLowerCase()}|${request.name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '')}`;
      if (existing) reports.push({ row, status: 'duplicate', existingId: existing.id, registryCode: existing.registryCode });
      else if (seen.has(key)) reports.push({ row, status: 'duplicate', errors: [{ field: 'name', messages: [`the same facility as row ${seen.get(key)}`] }] });
      else {
        seen.set(key, row);
        const report: ImportRowReport = { row, status: 'created' };
        reports.push(report);
        toCreate.push({ report, request });
      }
    }
    const invalid = reports.filter((r) => r.status === 'invalid').length;
    const committed = !dryRun && invalid === 0;
    if (committed) {
      for (const { report, request } of toCreate) {
        const facility = await this.facilities.register(caller, { ...request, confirmNotDuplicate: true });
        Object.assign(report, { id: facility.id, registryCode: facility.registryCode });
      }
      this.audit.record(caller.work, { action: 'facility.import', entityType: 'facility', changes: { rows: reports.length, created: toCreate.length } });
    }
    const duplicate = reports.filter((r) => r.status === 'duplicate').length;
    return { dryRun, committed, rows: reports, totals: { rows: reports.length, created: toCreate.length, duplicate, invalid } };
  }

  private async agencyIdsByName(work: UnitOfWork): Promise<Map<string, string[]>> {
    const rows = await work.manager.query<{ id: string; name: string }[]>('SELECT id, name FROM agencies');
    const byName = new Map<string, string[]>();
    for (const r of rows) byName.set(r.name.trim().toLowerCase(), [...(byName.get(r.name.trim().toLowerCase()) ?? []), r.id]);
    return byName;
  }

  /** One row as a registration body, checked by the same rules as POST /facilities. */
  private async check(caller: Acting, raw: Record<string, string>, row: number, agencies: Map<string, string[]>) {
    const errors: FieldError[] = [];
    const values: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(raw)) if (value !== '' && column !== 'operatorAgencyName') values[column] = value;
    if (raw.capacity !== undefined && raw.capacity !== '') values.capacity = /^\d+$/.test(raw.capacity) ? Number(raw.capacity) : raw.capacity;
    if (!values.operatorAgencyId && raw.operatorAgencyName) {
      const ids = agencies.get(raw.operatorAgencyName.trim().toLowerCase()) ?? [];
      if (ids.length === 1) values.operatorAgencyId = ids[0];
      else errors.push({ field: 'operatorAgencyName', messages: [ids.length ? 'more than one agency has this name: give operatorAgencyId' : 'no agency has this name'] });
    }
    const request = plainToInstance(CreateFacilityRequest, values);
    for (const e of await validate(request, { whitelist: true, forbidNonWhitelisted: true })) {
      // An operator named but not found is already said; its missing id would say it twice.
      if (e.property === 'operatorAgencyId' && errors.some((x) => x.field === 'operatorAgencyName')) continue;
      errors.push({ field: e.property, messages: e.value === undefined ? [`${e.property} is required`] : Object.values(e.constraints ?? {}) });
    }
    if (typeof request.provinceCode === 'string' && !isNational(caller) && !caller.provinceCodes.includes(request.provinceCode)) {
      errors.push({ field: 'provinceCode', messages: ['you may only register facilities in your provinces'] });
    }
    // District, commune and village are the gazetteer's, as at registration.
    if (typeof request.provinceCode === 'string' && errors.length === 0) {
      try {
        await this.places.resolve(request.provinceCode, request);
        await this.places.check(request);
      } catch (error) {
        if (!(error instanceof ValidationFailed)) throw error;
        errors.push(...(error.extra.errors as FieldError[]));
      }
    }
    if (typeof request.operatorAgencyId === 'string' && errors.length === 0) {
      const [{ exists }] = await caller.work.manager.query<{ exists: boolean }[]>('SELECT EXISTS (SELECT 1 FROM agencies WHERE id = $1) AS exists', [request.operatorAgencyId]);
      if (!exists) errors.push({ field: 'operatorAgencyId', messages: ['no agency has this id'] });
    }
    return { row, request: errors.length ? null : request, errors };
  }
}
