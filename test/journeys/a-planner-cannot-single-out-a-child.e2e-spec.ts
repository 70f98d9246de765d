import { admission, authorizedFacility, createAgency, daysFromToday, referral } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

const D = daysFromToday;
const MAX_NOISE = 2;

/** What a published count tells an attacker who knows the method: the true counts it may stand for. */
function candidates(published: number | null): [number, number] {
  if (published === null) return [1, 4 + MAX_NOISE]; // withheld: shown 1 to 4, so the truth is 1 to 6
  if (published === 0) return [0, MAX_NOISE];
  return [Math.max(0, published - MAX_NOISE), published + MAX_NOISE];
}

/**
 * The values of `whole − Σ parts` consistent with the published counts. An attack recovers a count
 * with certainty only when this holds a single value.
 */
function difference(whole: number | null, parts: (number | null)[]): number[] {
  const [wholeLow, wholeHigh] = candidates(whole);
  const low = parts.reduce<number>((sum, p) => sum + candidates(p)[1], 0);
  const high = parts.reduce<number>((sum, p) => sum + candidates(p)[0], 0);
  const values: number[] = [];
  for (let v = Math.max(0, wholeLow - low); v <= wholeHigh - high; v++) values.push(v);
  return values;
}

/**
 * A world with small counts, tried as an attacker would: 10 children in residential care and 1 in
 * kinship care in Battambang, 1 living independently there, 3 in Siem Reap; and a single referral
 * on day D-10 among others.
 */
describe('a planner cannot single out a child from the figures, however the answers are combined', () => {
  let t: TestApp;
  let planner: ApiClient;
  let social: ApiClient;
  beforeAll(async () => {
    t = await startTestApp();
    planner = await t.asUser('planner');
    social = await t.asUser('social_worker');
    const inspector = await t.asUser('inspector');
    const agency = await createAgency(t.admin, { type: 'government' });
    const home02 = (await authorizedFacility(inspector, await createAgency(t.admin), { provinceCode: '02', capacity: 50 })).id;
    const home17 = (await authorizedFacility(inspector, await createAgency(t.admin), { provinceCode: '17', capacity: 50 })).id;
    const act = async (id: string, action: string, body: object) => {
      const done = await social.post(`/care-episodes/${id}/${action}`, body);
      if (done.status !== 200) throw new Error(`${action}: ${JSON.stringify(done.body)}`);
    };
    const child = async (province: string, referredOn: string) => {
      const e = await referral(social, agency, { episode: { referredOn, provinceCode: province } });
      await act(e.id, 'startAssessment', { occurredOn: referredOn });
      return e.id;
    };
    for (let i = 0; i < 10; i++) await act(await child('02', D(-40)), 'admit', admission(home02, { occurredOn: D(-39) }));
    await act(await child('02', D(-40)), 'placeInFamily', { placementType: 'kinship_care', carerName: 'Grandmother', provinceCode: '02', occurredOn: D(-39) });
    await act(await child('02', D(-40)), 'placeInFamily', { placementType: 'independent_living', carerName: 'Self', provinceCode: '02', occurredOn: D(-39) });
    for (let i = 0; i < 3; i++) await act(await child('17', D(-30)), 'admit', admission(home17, { occurredOn: D(-29) }));
    await child('02', D(-10)); // the single referral of day D-10
  });
  afterAll(() => t.close());

  const get = async (client: ApiClient, path: string) => {
    const response = await client.get(path);
    if (response.status !== 200) throw new Error(`${path}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const count = (rows: { count: number | null }[], where: (r: Record<string, unknown>) => boolean) => rows.find((r) => where(r))?.count ?? 0;

  it('recovers nothing by subtracting the visible rows from the total', async () => {
    const shown = await get(planner, '/figures/children?groupBy=careSetting');
    const kinship = difference(shown.total, shown.rows.filter((r: { careSetting: string }) => r.careSetting !== 'kinship_care').map((r: { count: number | null }) => r.count));
    expect(kinship.length).toBeGreaterThan(1);
    expect(kinship).toContain(1);
    // An admin's exact answer does pin it down: the protection is what stands in the way.
    const exact = await get(t.admin, '/figures/children?groupBy=careSetting');
    expect(exact.total - exact.rows.filter((r: { careSetting: string }) => r.careSetting !== 'kinship_care').reduce((s: number, r: { count: number }) => s + r.count, 0)).toBe(1);
  });

  it('recovers nothing by setting a province’s answer against the national one, or one grouping against another', async () => {
    const national = await get(planner, '/figures/children?groupBy=careSetting');
    const battambang = await get(planner, '/figures/children?groupBy=careSetting&provinceCode=02');
    const residentialElsewhere = difference(count(national.rows, (r) => r.careSetting === 'residential_care'), [count(battambang.rows, (r) => r.careSetting === 'residential_care')]);
    expect(residentialElsewhere.length).toBeGreaterThan(1);
    const independent = difference(battambang.total, battambang.rows.filter((r: { careSetting: string }) => r.careSetting !== 'independent_living').map((r: { count: number | null }) => r.count));
    expect(independent.length).toBeGreaterThan(1);
    const bySex = await get(planner, '/figures/children?groupBy=sex');
    const byProvince = await get(planner, '/figures/children?groupBy=provinceCode');
    const siemReap = difference(bySex.rows.reduce((s: number, r: { count: number | null }) => s + (r.count ?? 0), 0), [count(byProvince.rows, (r) => r.provinceCode === '02')]);
    expect(siemReap.length).toBeGreaterThan(1);
  });

  it('recovers nothing from adjacent periods', async () => {
    const upTo10 = await get(planner, `/figures/flows?from=${D(-45)}&to=${D(-10)}`);
    const upTo11 = await get(planner, `/figures/flows?from=${D(-45)}&to=${D(-11)}`);
    const dayAlone = await get(planner, `/figures/flows?from=${D(-10)}&to=${D(-10)}`);
    expect(dayAlone.rows[0].referrals === null || dayAlone.rows[0].referrals <= MAX_NOISE).toBe(true);
    const singleDay = difference(upTo10.rows[0].referrals, [upTo11.rows[0].referrals]);
    expect(singleDay.length).toBeGreaterThan(1);
    expect(singleDay).toContain(1);
  });

  it('answers the same question the same way every time, so averaging repeats gains nothing', async () => {
    for (const path of ['/figures/children?groupBy=careSetting,provinceCode', `/figures/flows?from=${D(-45)}&to=${D(0)}&groupBy=provinceCode`, `/figures/deinstitutionalisation?baseline=${D(-35)}`]) {
      const answers = await Promise.all([1, 2, 3].map(() => get(planner, path)));
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
    }
  });

  it('keeps every published count of children within the method’s noise of the truth, and withholds 1 to 4', async () => {
    const paths = [
      '/figures/children?groupBy=careSetting,provinceCode,sex,ageBand',
      '/figures/children?groupBy=careSetting',
      '/figures/children?groupBy=provinceCode&asOf=' + D(-20),
      `/figures/flows?from=${D(-45)}&to=${D(0)}&groupBy=provinceCode`,
      '/figures/facilities?groupBy=provinceCode',
    ];
    for (const path of paths) {
      const [shown, exact] = [await get(planner, path), await get(t.admin, path)];
      expect(shown.disclosureControl).toEqual({ method: 'cell_key', suppressedBelow: 5, maxNoise: 2 });
      const numbers = (body: unknown, into: Map<string, number | null>, prefix = '') => {
        if (Array.isArray(body)) body.forEach((item, i) => numbers(item, into, `${prefix}[${i}]`));
        else if (body && typeof body === 'object') for (const [k, v] of Object.entries(body)) numbers(v, into, `${prefix}.${k}`);
        else if (typeof body === 'number' || body === null) into.set(prefix, body);
      };
      const a = new Map<string, number | null>();
      const b = new Map<string, number | null>();
      numbers(shown.rows, a);
      numbers(exact.rows, b);
      for (const [key, truth] of b) {
        const published = a.get(key) ?? null;
        // Counts of children only: facility counts are exact by design.
        if (truth === null || !/\.(count|residents|referrals|admissions|placedAtGatekeeping|reintegrations|breakdowns|reEntries|closures)$|closuresByReason/.test(key)) continue;
        expect([path, key, published === null || (published !== 1 && published !== 2 && published !== 3 && published !== 4)]).toEqual([path, key, true]);
        if (published !== null) expect([path, key, Math.abs(published - truth) <= 4]).toEqual([path, key, true]);
      }
    }
    // Facilities protect no child: their counts are exact for planners too.
    const facilities = await get(planner, '/figures/facilities?groupBy=provinceCode');
    expect(facilities.rows.map((r: { facilities: number; withActiveMou: number }) => [r.facilities, r.withActiveMou])).toEqual([[1, 1], [1, 1]]);
  });
});
