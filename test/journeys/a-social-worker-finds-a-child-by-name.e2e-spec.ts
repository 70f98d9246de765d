import { createChild } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

/** A social worker looks a child up by name as people write it: any order, case, accents, spacing, script, small slips. */
describe('a social worker finds a child by name', () => {
  let t: TestApp;
  let social: ApiClient;
  let elsewhere: ApiClient;
  let sokha: string;
  let sreyNeang: string;
  let kandal: string;
  let systemCode: string;

  beforeAll(async () => {
    t = await startTestApp();
    social = await t.asUser('social_worker', { provinceCodes: ['02'] });
    elsewhere = await t.asUser('social_worker', { provinceCodes: ['17'] });
    sokha = await createChild(social, { givenName: 'Sokha', familyName: 'Chan', givenNameKm: 'សុខា', familyNameKm: 'ចាន់' });
    sreyNeang = await createChild(social, { givenName: 'Srey Néang', familyName: 'Mao', givenNameKm: 'ស្រីនាង', familyNameKm: 'ម៉ៅ' });
    // Written with the subscript DA, as the ministry's list writes Kandal.
    kandal = await createChild(social, { givenName: 'Dara', familyName: 'Kong', givenNameKm: 'ដារ៉ា', familyNameKm: 'កណ្ដាល' });
    await createChild(social, { givenName: 'Bopha', familyName: 'Keo' });
    systemCode = (await social.get(`/children/${sokha}`)).body.systemCode;
  });
  afterAll(() => t.close());

  const found = async (q: string, client = social) => {
    const response = await client.get(`/children?q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(200);
    return (response.body.items as { id: string }[]).map((c) => c.id);
  };

  it.each([
    ['Sokha', 'one name'],
    ['chan sokha', 'family name first, any case'],
    ['SOKHA CHAN', 'capitals'],
    ['Sokah', 'a small misspelling'],
    ['Sokha  Chan', 'extra spaces'],
    ['So\u200Bkha', 'a zero-width space'],
  ])('finds Sokha Chan by %s (%s)', async (q) => {
    expect(await found(q)).toEqual([sokha]);
  });

  it('finds by accents, spacing, script and system code', async () => {
    expect(await found('srey neang')).toEqual([sreyNeang]);
    expect(await found('sreyneang mao')).toEqual([sreyNeang]);
    expect(await found('ស្រី នាង')).toEqual([sreyNeang]);
    expect(await found('ចាន់ សុខា')).toEqual([sokha]);
    // Kandal with the subscript TA finds the name written with the subscript DA.
    expect(await found('កណ្តាល')).toEqual([kandal]);
    expect(await found(systemCode.toLowerCase())).toEqual([sokha]);
    expect(await found('Vanna')).toEqual([]);
  });

  it('finds nobody outside the caller’s scope, and refuses a query with no name in it', async () => {
    expect(await found('Sokha', elsewhere)).toEqual([]);
    expect(await found(systemCode, elsewhere)).toEqual([]);
    const refused = await social.get('/children?q=%25%25');
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe('q');
    expect((await social.get(`/children?q=${'a'.repeat(101)}`)).status).toBe(400);
  });

  it('audits each search without its text', async () => {
    await found('Sokha');
    const rows = await t.db.query(`SELECT changes FROM audit_events WHERE action = 'child.list' ORDER BY seq DESC LIMIT 1`);
    expect(rows[0].changes).toEqual({ childIds: [sokha], search: true });
    const all = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE changes::text ILIKE '%sokah%' OR changes::text ILIKE '%chan sokha%'`);
    expect(all[0].n).toBe(0);
  });

  it('pages through many near matches newest first, each child once', async () => {
    // Every name that starts as "Sokah" does is a near match; the list walks the newest children first.
    const near: string[] = [];
    for (const givenName of ['Sokun', 'Sokunthea', 'Sokny', 'Sokhim', 'Sokleap']) near.push(await createChild(social, { givenName, familyName: 'Lim' }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await social.get(`/children?q=Sokah&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...(response.body.items as { id: string }[]).map((c) => c.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...near].reverse().concat(sokha));
  });

  it('finds a facility by the registry code printed on paper forms', async () => {
    const inspector = await t.asUser('inspector');
    const agency = (await t.admin.post('/agencies', { name: 'Hope Foundation', type: 'ngo' })).body.id;
    const facility = (await inspector.post('/facilities', { name: 'Lotus House', type: 'group_home', operatorAgencyId: agency, provinceCode: '02', capacity: 20 })).body;
    const byCode = await inspector.get(`/facilities?q=${facility.registryCode.toLowerCase()}`);
    expect(byCode.body.items.map((f: { id: string }) => f.id)).toEqual([facility.id]);
  });
});
