import { admission, authorizedFacility, createAgency, daysFromToday, goodVisit, referral } from '../support/builders';
import { COMPLIANCE_TODAY_SQL, REVIEWS_ON_TIME_SQL, VISITS_ON_TIME_SQL } from '../../src/figures/indicators/indicators.queries';
import { splitCompliance } from '../../src/figures/indicators/indicators.service';
import { actAs, restOfTheFiguresWorld } from '../support/figures-world';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

/**
 * Series, flows by interval and the formal-care indicators over a constructed world, every number
 * checked by hand:
 * - F1 (province 02): 6 children admitted 100 days ago; 2 of them start reintegration 60 days ago
 *   and are placed with kin 30 days ago, and visited 5 days ago. Two of those still in F1 had their
 *   care plan reviewed 20 days ago.
 * - F2 (province 17): 1 child admitted 50 days ago.
 * - 5 children placed in foster care at gatekeeping 40 days ago, never visited; 1 breaks down 10
 *   days ago. 1 child closed at assessment 20 days ago.
 */
describe('a planner follows the story over time', () => {
  let t: TestApp;
  let planner: ApiClient;
  let sw: ApiClient;
  const D = daysFromToday;
  const from = D(-130);

  beforeAll(async () => {
    t = await startTestApp();
    planner = await t.asUser('planner');
    sw = await t.asUser('social_worker');
    const inspector = await t.asUser('inspector');
    const agency = await createAgency(t.admin, { type: 'government' });
    const f1 = (await authorizedFacility(inspector, await createAgency(t.admin), { provinceCode: '02', capacity: 40 })).id;
    const f2 = (await authorizedFacility(inspector, await createAgency(t.admin), { provinceCode: '17', capacity: 10 })).id;
    const act = actAs(sw);
    for (let i = 0; i < 6; i++) {
      const e = await referral(sw, agency, { child: { sex: i % 2 ? 'male' : 'female' }, episode: { referredOn: D(-120) } });
      await act(e.id, 'startAssessment', { occurredOn: D(-110) });
      await act(e.id, 'admit', admission(f1, { occurredOn: D(-100) }));
      if (i < 2) {
        await act(e.id, 'startReintegration', { occurredOn: D(-60), targetPlacementType: 'kinship_care', familyTracedOn: D(-70) });
        await act(e.id, 'placeInFamily', { occurredOn: D(-30), placementType: 'kinship_care', carerName: 'Aunt', provinceCode: '02', familyAssessedOn: D(-40), planAgreedOn: D(-35) });
        await act(e.id, 'follow-up-visits', goodVisit(D(-5)));
      } else if (i < 4) {
        await act(e.id, 'reviews', { reviewedOn: D(-20), summary: 'Care plan reviewed with the child.' });
      }
    }
    await restOfTheFiguresWorld(sw, act, agency, f2);
  });
  afterAll(() => t.close());

  type Point = { date: string; rows: object[]; total: number | null; totalSuppressed: boolean };

  it.each([
    ['admin', 'careSetting,provinceCode'],
    ['planner', 'careSetting,provinceCode'],
    ['admin', 'sex,ageBand,facilityType'],
    ['planner', 'careSetting,sex'],
  ] as const)('answers each point of a monthly series (%s, by %s) as /figures/children answers that day', async (who, groupBy) => {
    const client = who === 'admin' ? t.admin : planner;
    const series = await client.get(`/figures/children/series?from=${from}&groupBy=${groupBy}`);
    expect(series.status).toBe(200);
    expect(series.body).toMatchObject({ from, to: D(0), interval: 'month', groupBy: groupBy.split(','), provinceCode: null });
    const points = series.body.points as Point[];
    expect(points.length).toBeGreaterThanOrEqual(5);
    expect(points[points.length - 1].date).toBe(D(0));
    for (const point of points) {
      const stock = (await client.get(`/figures/children?asOf=${point.date}&groupBy=${groupBy}`)).body;
      expect({ date: point.date, rows: point.rows, total: point.total, totalSuppressed: point.totalSuppressed }).toEqual({
        date: point.date,
        rows: stock.rows,
        total: stock.total,
        totalSuppressed: stock.totalSuppressed,
      });
    }
    // Before anyone was admitted the stock is empty; today it is the 11 children in care.
    expect(points[0]).toMatchObject({ rows: [], total: 0 });
    if (who === 'admin') expect(points[points.length - 1].total).toBe(11);
  });

  it('reads quarters and years too, one province at a time, and refuses too long a series', async () => {
    const quarters = (await t.admin.get(`/figures/children/series?from=${D(-400)}&interval=quarter&provinceCode=17`)).body;
    expect(quarters.points.at(-1)).toMatchObject({ date: D(0), total: 1 });
    expect(quarters.points.every((p: Point, i: number, all: Point[]) => i === all.length - 1 || /-(03-31|06-30|09-30|12-31)$/.test(p.date))).toBe(true);
    const years = (await t.admin.get(`/figures/children/series?from=${D(-800)}&interval=year`)).body;
    expect(years.points.slice(0, -1).every((p: Point) => p.date.endsWith('-12-31'))).toBe(true);
    const tooLong = await t.admin.get('/figures/children/series?from=1980-01-01&interval=month');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].field).toBe('interval');
    expect((await t.admin.get(`/figures/children/series?from=${D(0)}&to=${D(-1)}`)).status).toBe(400);
    expect((await t.admin.get(`/figures/children/series?from=${from}&interval=week`)).status).toBe(400);
  });

  it('counts flows per month that add up to the period, each interval a protected cell of its own', async () => {
    const whole = (await t.admin.get(`/figures/flows?from=${from}&to=${D(0)}`)).body.rows[0];
    const monthly = (await t.admin.get(`/figures/flows?from=${from}&to=${D(0)}&interval=month`)).body;
    expect(monthly.interval).toBe('month');
    expect(monthly.rows[0].periodFrom).toBe(from);
    expect(monthly.rows.at(-1).periodTo).toBe(D(0));
    for (const name of ['referrals', 'admissions', 'placedAtGatekeeping', 'reintegrations', 'breakdowns', 'closures']) {
      expect(monthly.rows.reduce((sum: number, r: Record<string, number>) => sum + r[name], 0)).toBe(whole[name]);
    }
    const byProvince = (await t.admin.get(`/figures/flows?from=${from}&to=${D(0)}&interval=quarter&provinceCode=17`)).body.rows;
    expect(byProvince.reduce((sum: number, r: { admissions: number }) => sum + r.admissions, 0)).toBe(1);
    const protectedMonthly = (await planner.get(`/figures/flows?from=${from}&to=${D(0)}&interval=month`)).body;
    expect(protectedMonthly.disclosureControl.method).toBe('cell_key');
    for (const row of protectedMonthly.rows) for (const name of ['referrals', 'admissions']) expect(row[name] === null || row[name] === 0 || row[name] >= 5).toBe(true);
  });

  const indicator = (body: { indicators: { indicator: string; value: number | null; suppressed: boolean }[] }, name: string) => body.indicators.find((i) => i.indicator === name);

  it('answers the formal-care indicators exactly for an admin', async () => {
    const answer = await t.admin.get(`/figures/indicators?from=${D(-365)}`);
    expect(answer.status).toBe(200);
    const body = answer.body;
    expect(body).toMatchObject({ from: D(-365), to: D(0), provinceCode: null, childPopulation: null, disclosureControl: { method: 'none' } });
    const value = (name: string) => indicator(body, name)?.value;
    expect(value('entriesIntoCare')).toBe(12);
    expect(value('inCare.residential_care')).toBe(5);
    expect(value('inCare.kinship_care')).toBe(2);
    expect(value('inCare.foster_care')).toBe(4);
    expect(value('inCare')).toBe(11);
    expect(value('residentialToFamilyRatio')).toBe(0.83);
    expect(value('exitsResidentialToFamily')).toBe(2);
    expect(indicator(body, 'gatekeptPercent')).toMatchObject({ value: 46.2, numerator: 6, denominator: 13, unit: 'percent' });
    expect(value('deathsInCare')).toBe(0);
    expect(value('exitsFromResidentialCare')).toBe(2);
    expect(value('exitsFromResidentialCare.kinship_care')).toBe(2);
    expect(value('exitsFromResidentialCare.closed_aged_out')).toBe(0);
    expect(value('medianResidentialStayMonths')).toBe(2.3);
    expect(indicator(body, 'reviewsOnTimePercent')).toMatchObject({ value: 60, numerator: 3, denominator: 5 });
    expect(indicator(body, 'followUpVisitsOnTimePercent')).toMatchObject({ value: 33.3, numerator: 2, denominator: 6 });
    expect(value('entriesPer100k')).toBeNull();
  });

  it('reads today’s compliance from the episodes’ schedules as it recomputes an earlier day’s from the records', async () => {
    for (const province of [null, '02', '17']) {
      const params = [D(-365), D(0), province];
      const [today] = await t.db.query(COMPLIANCE_TODAY_SQL, params);
      const recomputed = [...(await t.db.query(REVIEWS_ON_TIME_SQL, params)), ...(await t.db.query(VISITS_ON_TIME_SQL, params))];
      expect(splitCompliance(today)).toEqual(recomputed);
    }
  });

  it('gives planners protected counts, and withholds what uses a withheld count', async () => {
    const body = (await planner.get(`/figures/indicators?from=${D(-365)}`)).body;
    expect(body.disclosureControl.method).toBe('cell_key');
    for (const row of body.indicators.filter((i: { unit: string }) => i.unit === 'children')) {
      expect(row.value === null ? row.suppressed : row.value === 0 || row.value >= 5).toBe(true);
    }
    // 2 children left residential care: withheld (or perturbed to 0), and so no median of their stays.
    const leavers = indicator(body, 'exitsFromResidentialCare');
    expect(leavers?.value === null ? leavers.suppressed : leavers?.value === 0).toBe(true);
    expect(indicator(body, 'medianResidentialStayMonths')?.value).toBeNull();
    // 3 of 5 reviews on time: each count is withheld or published from 5, and the share follows them.
    const reviews = indicator(body, 'reviewsOnTimePercent') as unknown as { value: number | null; suppressed: boolean; numerator: number | null; denominator: number | null };
    if (reviews.numerator === null || reviews.denominator === null) expect(reviews).toMatchObject({ value: null, suppressed: true });
    else expect(reviews.value).toBe(Math.round(Math.min(100, (reviews.numerator / reviews.denominator) * 100) * 10) / 10);
    // Asked twice, the same answer.
    expect((await planner.get(`/figures/indicators?from=${D(-365)}`)).body).toEqual(body);
  });

  it('lets an admin set child populations, and then answers rates per 100,000', async () => {
    expect((await planner.put('/child-populations/02', { year: 2026, children: 300000 })).status).toBe(403);
    expect((await t.admin.put('/child-populations/99', { year: 2026, children: 300000 })).status).toBe(404);
    expect((await t.admin.put('/child-populations/02', { year: 2026, children: 0 })).status).toBe(400);
    expect((await t.admin.put('/child-populations/02', { year: 2026, children: 300000, extra: 1 })).status).toBe(400);
    const year = Number(D(0).slice(0, 4));
    const set = await t.admin.put('/child-populations/02', { year, children: 200000 });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ provinceCode: '02', provinceNameEn: 'Battambang', provinceNameKm: 'បាត់ដំបង', year, children: 200000 });
    const inBattambang = (await t.admin.get(`/figures/indicators?from=${D(-365)}&provinceCode=02`)).body;
    expect(inBattambang).toMatchObject({ provinceCode: '02', provinceNameEn: 'Battambang', childPopulation: 200000, childPopulationYear: year });
    // 11 entries in Battambang (the F2 child's case is managed in 17): 11 / 200,000 × 100,000 = 5.5.
    expect(indicator(inBattambang, 'entriesIntoCare')?.value).toBe(11);
    expect(indicator(inBattambang, 'entriesPer100k')?.value).toBe(5.5);
    // The nation's rate needs all 25 provinces.
    expect(indicator((await t.admin.get(`/figures/indicators?from=${D(-365)}`)).body, 'entriesPer100k')?.value).toBeNull();
    expect((await planner.get('/child-populations')).body.items).toEqual([set.body]);
    const trail = (await t.admin.get('/audit-events?action=childPopulation.set')).body;
    expect(trail.items?.length ?? trail.length).toBeGreaterThan(0);
  });

  it('answers series and indicators as CSV', async () => {
    const series = await planner.get(`/figures/children/series?from=${from}&groupBy=careSetting`).set('Accept', 'text/csv');
    expect(series.headers['content-type']).toMatch(/^text\/csv/);
    expect(series.text.split('\r\n')[0]).toBe('date,careSetting,count,suppressed');
    expect(series.text).toContain(`${D(0)},all,`);
    const indicators = await planner.get(`/figures/indicators?from=${D(-365)}`).set('Accept', 'text/csv');
    expect(indicators.text.split('\r\n')[0]).toBe('indicator,unit,value,suppressed,numerator,denominator');
  });
});
