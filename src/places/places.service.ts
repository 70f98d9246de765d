import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ValidationFailed, type FieldError } from '../common/errors/domain-errors';

export const PLACE_LEVELS = ['province', 'district', 'commune', 'village'] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

export interface Place {
  code: string;
  parentCode: string | null;
  level: PlaceLevel;
  unitLatin: string;
  unitEn: string;
  nameEn: string;
  nameKm: string;
  centre: [number, number] | null;
}

/** Where a record is: codes of the official places, each inside the one before it. */
export interface PlaceCodes {
  provinceCode: string;
  districtCode?: string | null;
  communeCode?: string | null;
  villageCode?: string | null;
}

/**
 * The official gazetteer (migration 1765000000000): read once, it never changes while the app runs
 * (a new gazetteer comes with a migration, and a restart).
 */
@Injectable()
export class PlacesService {
  private places?: Promise<Map<string, Place>>;

  constructor(private readonly dataSource: DataSource) {}

  private all(): Promise<Map<string, Place>> {
    this.places ??= this.dataSource
      .query<Record<string, unknown>[]>('SELECT code, parent_code, level, unit_latin, unit_en, name_latin, name_km, lat, long FROM places ORDER BY code')
      .then(
        (rows) =>
          new Map(
            rows.map((r) => [
              String(r.code),
              {
                code: String(r.code),
                parentCode: (r.parent_code as string | null) ?? null,
                level: r.level as PlaceLevel,
                unitLatin: String(r.unit_latin),
                unitEn: String(r.unit_en),
                nameEn: String(r.name_latin),
                nameKm: String(r.name_km),
                centre: r.lat === null ? null : [Number(r.lat), Number(r.long)],
              },
            ]),
          ),
      );
    return this.places;
  }

  async list(query: { level?: PlaceLevel; parentCode?: string; q?: string; limit?: number }): Promise<Place[]> {
    const q = query.q?.trim().toLowerCase();
    const found: Place[] = [];
    for (const place of (await this.all()).values()) {
      if (query.level && place.level !== query.level) continue;
      if (query.parentCode && place.parentCode !== query.parentCode) continue;
      if (q && !place.nameEn.toLowerCase().includes(q) && !place.nameKm.includes(query.q!.trim()) && !place.code.startsWith(q)) continue;
      found.push(place);
      if (found.length >= (query.limit ?? 100)) break;
    }
    return found;
  }

  async get(code: string): Promise<Place | undefined> {
    return (await this.all()).get(code);
  }

  /**
   * 400 unless each code is a place of its level inside the one before it (and inside the
   * province); `fields` names them as the request does (a child's `homeDistrictCode`).
   */
  async check(codes: PlaceCodes, fields: Record<'districtCode' | 'communeCode' | 'villageCode', string> = { districtCode: 'districtCode', communeCode: 'communeCode', villageCode: 'villageCode' }): Promise<void> {
    const places = await this.all();
    const errors: FieldError[] = [];
    let inside = codes.provinceCode;
    for (const [key, level] of [
      ['districtCode', 'district'],
      ['communeCode', 'commune'],
      ['villageCode', 'village'],
    ] as const) {
      const code = codes[key];
      const field = fields[key];
      if (!code) continue;
      const place = places.get(code);
      if (!place || place.level !== level) errors.push({ field, messages: [`${field} is not a ${level} of the gazetteer (GET /places?level=${level})`] });
      else if (!code.startsWith(inside)) errors.push({ field, messages: [`${field} ${code} (${place.nameEn}) is not in ${inside}`] });
      else inside = code;
    }
    if (errors.length > 0) throw new ValidationFailed(errors);
  }

  /**
   * Free-text district, commune and village names resolved to the gazetteer's places inside the
   * province (each inside the one before it), compared without case, accents or spacing, in either
   * script. 400 for a name that is no such place; the codes of those found.
   */
  async resolve(provinceCode: string, names: { district?: string | null; commune?: string | null; village?: string | null }): Promise<Partial<Record<'districtCode' | 'communeCode' | 'villageCode', string>>> {
    const places = await this.all();
    const key = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9\u1780-\u17ff]/g, '');
    const found: Partial<Record<'districtCode' | 'communeCode' | 'villageCode', string>> = {};
    const errors: FieldError[] = [];
    let inside = provinceCode;
    for (const [field, level, codeField] of [
      ['district', 'district', 'districtCode'],
      ['commune', 'commune', 'communeCode'],
      ['village', 'village', 'villageCode'],
    ] as const) {
      const name = names[field];
      if (!name) continue;
      const wanted = key(name);
      const matches = [...places.values()].filter((p) => p.level === level && p.code.startsWith(inside) && (key(p.nameEn) === wanted || key(p.nameKm) === wanted));
      if (matches.length === 1) {
        found[codeField] = matches[0].code;
        inside = matches[0].code;
      } else {
        errors.push({ field, messages: [matches.length ? `${field} names more than one ${level} here: send ${codeField}` : `${field} is not a ${level} of ${inside} in the gazetteer (GET /places?parentCode=${inside})`] });
      }
    }
    if (errors.length > 0) throw new ValidationFailed(errors);
    return found;
  }

  /** The codes a request sent, and for those it did not, the codes of the places its typed names name. */
  async withNamedCodes<T extends { districtCode?: string | null; communeCode?: string | null; villageCode?: string | null }>(
    provinceCode: string,
    names: { district?: string | null; commune?: string | null; village?: string | null },
    request: T,
  ): Promise<T> {
    const named = await this.resolve(provinceCode, names);
    return { ...request, districtCode: request.districtCode ?? named.districtCode, communeCode: request.communeCode ?? named.communeCode, villageCode: request.villageCode ?? named.villageCode };
  }

  /** The names of the places, for answers. */
  async named(codes: PlaceCodes): Promise<Record<string, { nameEn: string; nameKm: string } | null>> {
    // Most records name no place: answer them without touching (or loading) the gazetteer.
    if (!codes.districtCode && !codes.communeCode && !codes.villageCode) return { district: null, commune: null, village: null };
    const places = await this.all();
    const name = (code?: string | null) => (code && places.get(code) ? { nameEn: places.get(code)!.nameEn, nameKm: places.get(code)!.nameKm } : null);
    return { district: name(codes.districtCode), commune: name(codes.communeCode), village: name(codes.villageCode) };
  }
}
