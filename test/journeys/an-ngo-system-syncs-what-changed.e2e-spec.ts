import { Client } from 'pg';
import { aChild, authorizedFacility, createAgency, createFacility, daysFromToday, goodVisit, referral } from '../support/builders';
import { ChangesService } from '../../src/changes/changes.service';
import { Database } from '../../src/common/database/database.service';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

interface Change {
  cursor: string;
  entityType: string;
  entityId: string;
  action: string;
  version: number;
}

/** Reads the feed from `after` until a page comes back empty; answers what it saw and where to resume. */
async function drain(client: ApiClient, after?: string, query = 'limit=50'): Promise<{ items: Change[]; cursor: string }> {
  const items: Change[] = [];
  let cursor = after;
  for (;;) {
    const page = await client.get(`/changes?${query}${cursor ? `&after=${cursor}` : ''}`);
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
    if (page.body.items.length === 0) return { items, cursor: cursor! };
  }
}

const key = (c: { entityId: string; version: number }) => `${c.entityId}@${c.version}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An NGO's case system asks what changed since its last sync, and never misses a change. */
describe('an NGO system syncs what changed', () => {
  let t: TestApp;
  let ngo: ApiClient;
  let agency: string;
  let otherAgency: string;

  beforeAll(async () => {
    t = await startTestApp();
    agency = await createAgency(t.admin, { name: 'Friends of Battambang Children' });
    otherAgency = await createAgency(t.admin, { name: 'Another NGO' });
    ngo = await t.asUser('ngo_worker', { agencyId: agency });
  });
  afterAll(() => t.close());

  it('answers each change of the records the caller may read, in order, with the version to fetch', async () => {
    const start = await drain(ngo);
    const facility = (await authorizedFacility(t.admin, agency)).id;
    const episode = await referral(ngo, agency);
    const other = await referral(await t.asUser('ngo_worker', { agencyId: otherAgency }), otherAgency);
    const social = await t.asUser('social_worker', { provinceCodes: ['02'] });
    expect((await social.post(`/care-episodes/${episode.id}/startAssessment`, {})).status).toBe(200);

    const { items, cursor } = await drain(ngo, start.cursor);
    const mine = items.filter((c) => c.entityId === episode.id);
    expect(mine.map((c) => [c.action, c.version])).toEqual([['created', 1], ['updated', 2]]);
    expect(items.some((c) => c.entityType === 'child' && c.entityId === episode.childId && c.action === 'created')).toBe(true);
    expect(items.some((c) => c.entityType === 'facility' && c.entityId === facility)).toBe(true);
    // Another agency's case is not the caller's to know of.
    expect(items.some((c) => c.entityId === other.id || c.entityId === other.childId)).toBe(false);
    // What the feed names can be fetched at the version it names.
    const fetched = await ngo.get(`/care-episodes/${episode.id}`);
    expect(fetched.body.version).toBe(mine.at(-1)!.version);

    // Nothing new: an empty page, and a cursor that still works.
    const empty = await ngo.get(`/changes?after=${cursor}`);
    expect(empty.body.items).toEqual([]);
    expect((await ngo.get(`/changes?after=${empty.body.nextCursor}`)).status).toBe(200);

    // Resuming from any item's cursor answers what came after it.
    const resumed = await drain(ngo, items[0].cursor);
    expect(resumed.items.map(key)).toEqual(items.slice(1).map(key));

    const onlyEpisodes = await drain(ngo, start.cursor, 'types=care_episode');
    expect(new Set(onlyEpisodes.items.map((c) => c.entityType))).toEqual(new Set(['care_episode']));
    // As a comma list, or repeated as generated clients send an array.
    const repeated = await drain(ngo, start.cursor, 'types=care_episode&types=child');
    expect(new Set(repeated.items.map((c) => c.entityType))).toEqual(new Set(['care_episode', 'child']));
  });

  it('shows a record to whoever may read it now, and only the types their role reads', async () => {
    const social02 = await t.asUser('social_worker', { provinceCodes: ['02'] });
    const social12 = await t.asUser('social_worker', { provinceCodes: ['12'] });
    const from02 = await drain(social02);
    const from12 = await drain(social12);
    const episode = await referral(t.admin, agency, { episode: { provinceCode: '12' } });
    await createFacility(t.admin, agency, { provinceCode: '12' });
    expect((await drain(social02, from02.cursor)).items.some((c) => c.entityId === episode.id)).toBe(false);
    const seen12 = (await drain(social12, from12.cursor)).items;
    expect(seen12.some((c) => c.entityId === episode.id)).toBe(true);
    expect(seen12.some((c) => c.entityType === 'facility')).toBe(true);
    // Social workers read no MoUs or inspections, so the feed names none.
    expect((await drain(social12)).items.some((c) => c.entityType === 'mou' || c.entityType === 'inspection')).toBe(false);
  });

  it('refuses planners, unknown types and a cursor it did not issue', async () => {
    const planner = await t.asUser('planner');
    expect((await planner.get('/changes')).status).toBe(403);
    expect((await ngo.get('/changes?types=child,payroll')).body.errors[0].field).toBe('types');
    expect((await ngo.get('/changes?after=eyJ4aWQiOiIxIiwic2VxIjoiMSJ9.AAAA')).body.code).toBe('VALIDATION_FAILED');
    expect((await ngo.get('/changes?limit=1001')).status).toBe(400);
  });

  it('never misses a change while many transactions commit out of order, which a plain sequence would', async () => {
    const facilities = await Promise.all(Array.from({ length: 8 }, async () => (await createFacility(t.admin, agency)).id));
    const start = await drain(t.admin);
    const committed = new Set<string>();
    let writing = true;

    // Writers hold their transaction open a random while after the change, so later changes often commit first.
    const sqlWriter = async (facilityId: string) => {
      const client = new Client({ connectionString: t.url });
      await client.connect();
      for (let i = 0; i < 25; i++) {
        await client.query('BEGIN');
        const { rows } = await client.query('UPDATE facilities SET capacity = capacity + 1, version = version + 1 WHERE id = $1 RETURNING version', [facilityId]);
        await sleep(Math.random() * 25);
        await client.query('COMMIT');
        committed.add(`${facilityId}@${rows[0].version}`);
      }
      await client.end();
    };
    const apiWriter = async () => {
      for (let i = 0; i < 10; i++) {
        const child = await ngo.post('/children', aChild());
        expect(child.status).toBe(201);
        committed.add(`${child.body.id}@1`);
      }
    };

    // A naive reader trusting the sequence alone, for contrast.
    const naive = new Client({ connectionString: t.url });
    await naive.connect();
    let naiveAfter = (await naive.query('SELECT coalesce(max(seq), 0)::text AS seq FROM change_feed')).rows[0].seq as string;
    const naiveSeen = new Set<string>();

    const seen = new Set<string>();
    const reader = (async () => {
      let cursor = start.cursor;
      while (writing) {
        const page = await t.admin.get(`/changes?after=${cursor}&limit=7`);
        for (const item of page.body.items as Change[]) seen.add(key(item));
        cursor = page.body.nextCursor;
        const naivePage = await naive.query('SELECT seq::text, entity_id, version FROM change_feed WHERE seq > $1 ORDER BY seq LIMIT 7', [naiveAfter]);
        for (const row of naivePage.rows) naiveSeen.add(`${row.entity_id}@${row.version}`);
        naiveAfter = naivePage.rows.at(-1)?.seq ?? naiveAfter;
      }
      return cursor;
    })();

    try {
      await Promise.all([...facilities.map((id) => sqlWriter(id)), apiWriter(), apiWriter(), apiWriter()]);
    } finally {
      writing = false;
    }
    const rest = await drain(t.admin, await reader);
    for (const item of rest.items) seen.add(key(item));
    await naive.end();

    expect(committed.size).toBe(8 * 25 + 30);
    expect([...committed].filter((change) => !seen.has(change))).toEqual([]);
    // The hazard is real: the naive reader passed changes that had not committed yet, and missed them for good.
    expect([...committed].filter((change) => !naiveSeen.has(change)).length).toBeGreaterThan(0);
  });

  it('finds the caller’s change behind many it may not see, in one page', async () => {
    const from = await drain(ngo);
    // 12,000 changes of records the NGO cannot see (more than two scans' worth), then one of its own.
    await t.db.query(`INSERT INTO change_feed (entity_type, entity_id, action, version) SELECT 'facility', gen_random_uuid(), 'updated', 1 FROM generate_series(1, 12000)`);
    const child = await ngo.post('/children', aChild());
    const page = await ngo.get(`/changes?after=${from.cursor}`);
    expect(page.body.items.map((c: Change) => c.entityId)).toEqual([child.body.id]);
  });

  it('orders changes by number, not by their digits, within one large transaction', async () => {
    const facilities = await Promise.all(Array.from({ length: 30 }, async () => (await createFacility(t.admin, agency)).id));
    const from = await drain(t.admin);
    // The next changes are numbered 99,990 to 100,019, all in one transaction: 100,000 sorts before 99,990 as text.
    await t.db.query('ALTER TABLE change_feed ALTER COLUMN seq RESTART WITH 99990');
    await t.db.query('UPDATE facilities SET version = version + 1 WHERE id = ANY($1)', [facilities]);
    const { items } = await drain(t.admin, from.cursor, 'limit=7');
    expect(items.map((c) => c.entityId).sort()).toEqual([...facilities].sort());
    const seqs = items.map((c) => Number(JSON.parse(Buffer.from(c.cursor.split('.')[0], 'base64url').toString()).seq));
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => 99_990 + i));
    // A subscriber starting now starts after all of them, not among them.
    const [end] = await t.db.query(`SELECT seq::text FROM change_feed ORDER BY change_feed.xid DESC, change_feed.seq DESC LIMIT 1`);
    const changes = t.app.get(ChangesService);
    const database = t.app.get(Database);
    expect(await database.transaction((work) => changes.end(work))).toMatchObject({ seq: end.seq });
  });

  it('reports a follow-up visit recorded through the API as a new version of the case', async () => {
    const social = await t.asUser('social_worker', { provinceCodes: ['02'] });
    const episode = await referral(ngo, agency);
    const from = await drain(ngo);
    await social.post(`/care-episodes/${episode.id}/startAssessment`, { occurredOn: daysFromToday(-5) });
    const placed = await social.post(`/care-episodes/${episode.id}/placeInFamily`, { occurredOn: daysFromToday(-3), placementType: 'kinship_care', carerName: 'Sok Chea', provinceCode: '02' });
    expect(placed.status).toBe(200);
    expect((await ngo.post(`/care-episodes/${episode.id}/follow-up-visits`, goodVisit(daysFromToday(-1)))).status).toBe(201);
    const versions = (await drain(ngo, from.cursor)).items.filter((c) => c.entityId === episode.id).map((c) => c.version);
    expect(versions).toEqual([2, 3, 4]);
  });
});
