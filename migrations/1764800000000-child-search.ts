import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finding a child by name: one search key per child, in both scripts and both name orders, indexed
 * by trigrams (pg_trgm, for small misspellings of Latin names). Latin is compared without case,
 * accents, spaces or punctuation; Khmer in NFC without spaces or zero-width characters, with the
 * subscript DA written as the subscript TA it is often used for (កណ្ដាល = កណ្តាល).
 */
export class ChildSearch1764800000000 implements MigrationInterface {
  name = 'ChildSearch1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await db.query(`CREATE FUNCTION rcf_latin_key(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN regexp_replace(lower(unaccent('unaccent'::regdictionary, coalesce(name, ''))), '[^a-z]', '', 'g')`);
    await db.query(`CREATE FUNCTION rcf_khmer_key(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN replace(regexp_replace(normalize(coalesce(name, ''), NFC), '[[:space:]\\u200B-\\u200D\\u2060\\uFEFF]', '', 'g'), U&'\\17D2\\178A', U&'\\17D2\\178F')`);
    await db.query(`CREATE FUNCTION rcf_child_search_key(given text, family text, given_km text, family_km text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN rcf_latin_key(given) || rcf_latin_key(family) || ' ' || rcf_latin_key(family) || rcf_latin_key(given)
        || ' ' || rcf_khmer_key(given_km) || rcf_khmer_key(family_km) || ' ' || rcf_khmer_key(family_km) || rcf_khmer_key(given_km)`);
    await db.query(`CREATE INDEX children_search_idx ON children USING gin (rcf_child_search_key(given_name, family_name, given_name_km, family_name_km) gin_trgm_ops)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX children_search_idx`);
    await db.query(`DROP FUNCTION rcf_child_search_key(text, text, text, text)`);
    await db.query(`DROP FUNCTION rcf_khmer_key(text)`);
    await db.query(`DROP FUNCTION rcf_latin_key(text)`);
  }
}
