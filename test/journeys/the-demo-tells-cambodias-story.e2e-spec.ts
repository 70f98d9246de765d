import { addYears, today } from '../../src/common/time/calendar';
import { seedWorld } from '../../scripts/seed/seed';
import { SIZES } from '../../scripts/seed/simulate';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The demo seed tells the story the dashboard shows: children already in residential care when the
 * system starts, fewer each year as reintegration and gatekeeping take hold, provinces at their own
 * pace, facilities transitioning; most children have a living parent, as the 2015 mapping found.
 */
describe('the demo tells Cambodia’s story', () => {
  let t: TestApp;
  const baseline = addYears(today(), -5);

  beforeAll(async () => {
    t = await startTestApp();
    await seedWorld(t.url, SIZES.demo, () => undefined);
  });
  afterAll(() => t.close());

  it('has fewer children in residential care than five years ago, in every province', async () => {
    const nation = (await t.admin.get(`/figures/deinstitutionalisation?baseline=${baseline}`)).body;
    expect(nation.residentialAtBaseline).toBeGreaterThan(100);
    expect(nation.reductionPercent).toBeGreaterThan(40);
    const reductions: number[] = [];
    for (const provinceCode of ['02', '12', '17']) {
      const province = (await t.admin.get(`/figures/deinstitutionalisation?baseline=${baseline}&provinceCode=${provinceCode}`)).body;
      expect(province.reductionPercent).toBeGreaterThan(0);
      reductions.push(province.reductionPercent);
    }
    // Provinces move at different speeds.
    expect(Math.max(...reductions) - Math.min(...reductions)).toBeGreaterThan(5);
  });

  it('declines year after year while family-based care grows', async () => {
    const series = (await t.admin.get(`/figures/children/series?from=${baseline}&interval=year&groupBy=careSetting`)).body;
    const residential = series.points.map((p: { rows: { careSetting: string; count: number }[] }) => p.rows.find((r) => r.careSetting === 'residential_care')?.count ?? 0);
    for (let i = 1; i < residential.length; i++) expect(residential[i]).toBeLessThanOrEqual(residential[i - 1]);
    const family = (p: { rows: { careSetting: string; count: number }[] }) => p.rows.filter((r) => r.careSetting !== 'residential_care').reduce((n, r) => n + r.count, 0);
    expect(family(series.points.at(-1))).toBeGreaterThan(family(series.points[0]));
  });

  it('has facilities that transitioned, and most children with a living parent', async () => {
    const facilities = (await t.admin.get('/figures/facilities?groupBy=status')).body.rows as { status: string; facilities: number }[];
    expect(facilities.find((r) => r.status === 'transitioned')?.facilities).toBeGreaterThan(0);
    const parents = (await t.admin.get(`/figures/children?asOf=${addYears(today(), -4)}&groupBy=parentalStatus`)).body;
    const living = parents.rows.filter((r: { parentalStatus: string }) => r.parentalStatus.endsWith('_living')).reduce((n: number, r: { count: number }) => n + r.count, 0);
    expect(living / parents.total).toBeGreaterThan(0.7);
  });
});
