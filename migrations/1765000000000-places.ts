import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The official places: Cambodia's 25 provinces, 210 districts, 1,652 communes and 14,578 villages,
 * from the NCDD gazetteer as published by the MIT-licensed pumi project (docs/reference-data.md),
 * kept as data files beside the migrations. Codes nest: a district's is its province's plus 2 digits.
 */
const LEVELS = [
  ['provinces', 'province'],
  ['districts', 'district'],
  ['communes', 'commune'],
  ['villages', 'village'],
] as const;

/** The gazetteer's CSV: a header row, fields quoted when they hold a comma. */
function rows(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
  const names = header.split(',');
  return lines.map((line) => {
    const fields = [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].slice(0, names.length).map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"'));
    return Object.fromEntries(names.map((n, i) => [n, fields[i] ?? '']));
  });
}

export class Places1765000000000 implements MigrationInterface {
  name = 'Places1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE places (
      code text PRIMARY KEY, parent_code text REFERENCES places(code), level text NOT NULL CHECK (level IN ('province', 'district', 'commune', 'village')),
      unit_latin text NOT NULL, unit_en text NOT NULL, name_latin text NOT NULL, name_km text NOT NULL, lat double precision, long double precision,
      CHECK ((level = 'province') = (parent_code IS NULL)))`);
    await db.query(`CREATE INDEX places_parent_idx ON places (parent_code)`);
    // Where a facility is, as official codes beside the free text it had (kept for what the codes do not name).
    await db.query(`ALTER TABLE "facilities" ADD "district_code" text, ADD "commune_code" text, ADD "village_code" text`);
    await db.query(`ALTER TABLE "children" ADD "home_district_code" text, ADD "home_commune_code" text, ADD "home_village_code" text`);
    await db.query(`ALTER TABLE "care_episodes" ADD "placement_district_code" text, ADD "placement_commune_code" text, ADD "placement_village_code" text`);
    for (const [file, level] of LEVELS) {
      const data = rows(path.join(__dirname, 'data', `gazetteer-${file}.csv`));
      for (let i = 0; i < data.length; i += 2000) {
        const batch = data.slice(i, i + 2000);
        const column = (name: string) => batch.map((r) => r[name] || null);
        await db.query(
          `INSERT INTO places (code, parent_code, level, unit_latin, unit_en, name_latin, name_km, lat, long)
           SELECT code, parent, $3, unit_latin, unit_en, name_latin, name_km, lat::double precision, long::double precision
           FROM unnest($1::text[], $2::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) AS r(code, parent, unit_latin, unit_en, name_latin, name_km, lat, long)`,
          [column('code'), column('parent_code'), level, column('unit_latin'), column('unit_en'), column('name_latin'), column('name_km'), column('lat'), column('long')],
        );
      }
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "care_episodes" DROP "placement_district_code", DROP "placement_commune_code", DROP "placement_village_code"`);
    await db.query(`ALTER TABLE "children" DROP "home_district_code", DROP "home_commune_code", DROP "home_village_code"`);
    await db.query(`ALTER TABLE "facilities" DROP "district_code", DROP "commune_code", DROP "village_code"`);
    await db.query(`DROP TABLE places`);
  }
}
