/// <reference lib="dom" />
// Code inside page.evaluate runs in the browser, so this file also sees the DOM's types.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { addYears, today } from '../../src/common/time/calendar';
import { DEMO_PASSWORD, seedWorld } from '../../scripts/seed/seed';
import { SIZES } from '../../scripts/seed/simulate';
import { launchBrowser, watch } from '../support/browser';
import { ADMIN_PASSWORD, startTestApp, type ApiClient, type TestApp } from '../support/test-app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field, as a client would
type Json = Record<string, any>;

/** The dashboard, in a real browser, against the real app on the demo data, as a planner. */
describe('a planner reads the dashboard, in English and Khmer', () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  let page: Page;
  let problems: string[];
  const served: string[] = [];
  let planner: ApiClient;
  let en: Record<string, string>;
  let km: Record<string, string>;
  const now = today();
  const baseline = addYears(now, -5);
  const number = (n: number, digits = 0) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);

  beforeAll(async () => {
    t = await startTestApp();
    await seedWorld(t.url, SIZES.demo, () => undefined);
    planner = await t.login('demo.planner', DEMO_PASSWORD);
    // A count the dashboard must withhold, whatever day the demo is seeded on. Its smallest counts
    // move with the day, so when none is withheld, cases of children in residential care are
    // closed (by death, then other reasons) until a new cell of 1 to 4 is. Each event's record key
    // is random, so each close leaves the cell withheld with a chance of 70–90%.
    const withheld = async () =>
      ((await planner.get(`/figures/indicators?from=${baseline}&to=${now}`)).body as Json).indicators.some((i: Json) => i.suppressed && i.unit === 'children');
    const residents: string[] = (await t.db.query(`SELECT id FROM care_episodes WHERE status = 'residential_care' ORDER BY id LIMIT 12`)).map((r: { id: string }) => r.id);
    for (const reason of ['died', 'other', 'moved_or_untraceable']) {
      for (let n = 0; n < 4 && !(await withheld()); n++) expect((await t.admin.post(`/care-episodes/${residents.shift()}/close`, { reason })).status).toBe(200);
    }
    expect(await withheld()).toBe(true);
    en = (await t.anonymous.get('/labels?lang=en')).body.labels;
    km = (await t.anonymous.get('/labels?lang=km')).body.labels;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    origin = await t.app.getUrl();
    browser = await launchBrowser();
    page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    problems = watch(page, origin);
    page.on('response', (r) => served.push(`${r.status()} ${new URL(r.url()).pathname}`));
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  /** The text of each cell of a section's table, row by row. */
  const tableOf = (id: string) =>
    page.$$eval(`#${id} .table-wrap tbody tr`, (rows) => rows.map((row) => Array.from(row.querySelectorAll('td'), (td) => td.textContent ?? '')));
  const shown = (value: number | null, suppressed: boolean, unit = 'children') =>
    value === null ? (suppressed ? (unit === 'children' ? en['dashboard.fewerThan5'] : en['dashboard.withheld']) : '–') : `${number(value, unit === 'percent' || unit === 'months' || unit === 'per_100k' ? 1 : unit === 'ratio' ? 2 : 0)}${unit === 'percent' ? ' %' : ''}`;

  it('logs a planner in and renders every section with the numbers the API answers', async () => {
    const response = await page.goto(`${origin}/dashboard`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.fill('#username', 'demo.planner');
    await page.fill('#password', 'wrong password');
    await page.click('#login-submit');
    await page.waitForSelector('#login-error:not([hidden])');
    expect(await page.textContent('#login-error')).toBe(en['dashboard.loginFailed']);
    // The browser itself reports the refused login; nothing else may go wrong.
    expect(problems).toEqual(['console: Failed to load resource: the server responded with a status of 401 (Unauthorized)']);
    problems.length = 0;
    await page.fill('#password', DEMO_PASSWORD);
    await page.click('#login-submit');
    await page.waitForSelector('body[data-ready=true]');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
    expect(await page.evaluate(() => localStorage.getItem('rcf.dashboard.token'))).toBeNull();
    expect(await page.textContent('#legend')).toBe(en['dashboard.legend']);

    const headline = (await planner.get(`/figures/deinstitutionalisation?baseline=${baseline}&asOf=${now}`)).body as Json;
    for (const [field, unit] of [['residentialNow', 'children'], ['residentialAtBaseline', 'children'], ['reductionPercent', 'percent'], ['residentialToFamilyRatio', 'ratio']]) {
      expect(await page.textContent(`#headline [data-field=${field}] .value`)).toBe(shown(headline[field], headline.suppressedFields.includes(field), unit));
    }
    expect(headline.reductionPercent).toBeGreaterThan(0);

    const series = (await planner.get(`/figures/children/series?from=${baseline}&to=${now}&interval=month&groupBy=careSetting`)).body as Json;
    const bySetting = await tableOf('by-setting');
    expect(bySetting).toHaveLength(series.points.length);
    const last = series.points.at(-1);
    const residentialNow = last.rows.find((r: Json) => r.careSetting === 'residential_care');
    expect(bySetting.at(-1)![0]).toBe(now);
    expect(bySetting.at(-1)![1]).toBe(shown(residentialNow.count, residentialNow.suppressed));
    expect(bySetting.at(-1)!.at(-1)).toBe(shown(last.total, last.totalSuppressed));

    // Flows by month stop at the last whole month.
    const lastMonthEnd = new Date(Date.UTC(Number(now.slice(0, 4)), Number(now.slice(5, 7)) - 1, 0)).toISOString().slice(0, 10);
    const flows = (await planner.get(`/figures/flows?from=${baseline}&to=${lastMonthEnd}&interval=month`)).body as Json;
    const flowTable = await tableOf('flows');
    expect(flowTable).toHaveLength(flows.rows.length);
    flows.rows.forEach((row: Json, i: number) => {
      expect(flowTable[i]).toEqual([row.periodFrom.slice(0, 7), ...['admissions', 'placedAtGatekeeping', 'reintegrations', 'breakdowns'].map((f) => shown(row[f], row.suppressedFields.includes(f)))]);
    });

    const provinces = await tableOf('provinces');
    const nowByProvince = (await planner.get(`/figures/children?asOf=${now}&groupBy=provinceCode,careSetting`)).body as Json;
    const battambang = nowByProvince.rows.find((r: Json) => r.provinceCode === '02' && r.careSetting === 'residential_care');
    expect(provinces.find((row) => row[0] === 'Battambang')?.[2]).toBe(shown(battambang.count, battambang.suppressed));
    expect(provinces.map((row) => row[0]).sort()).toEqual(['Battambang', 'Phnom Penh', 'Siem Reap']);

    const facilities = (await planner.get(`/figures/facilities?asOf=${now}&groupBy=provinceCode,status`)).body as Json;
    const compliance = await tableOf('compliance');
    const inPhnomPenh = facilities.rows.filter((r: Json) => r.provinceCode === '12');
    expect(compliance.find((row) => row[0] === 'Phnom Penh')).toEqual([
      'Phnom Penh',
      number(inPhnomPenh.filter((r: Json) => r.status === 'authorized').reduce((n: number, r: Json) => n + r.facilities, 0)),
      ...['withActiveMou', 'inspectedLast12Months', 'overdueInspections'].map((f) => number(inPhnomPenh.reduce((n: number, r: Json) => n + r[f], 0))),
    ]);

    const indicators = (await planner.get(`/figures/indicators?from=${baseline}&to=${now}`)).body as Json;
    const indicatorTable = await tableOf('indicators');
    expect(indicatorTable).toEqual(indicators.indicators.map((i: Json) => [en[`indicator.${i.indicator}`], shown(i.value, i.suppressed, i.unit), en[`unit.${i.unit}`]]));
    // A withheld count is shown as "fewer than 5", never as 0.
    expect(indicators.indicators.some((i: Json) => i.suppressed && i.unit === 'children')).toBe(true);
    expect(indicatorTable.flat()).toContain('fewer than 5');
    expect(problems).toEqual([]);
  });

  it('shows a chart’s numbers as a table, and downloads them as CSV', async () => {
    expect(await page.isHidden('#flows .table-wrap')).toBe(true);
    await page.click('#flows .toggle-table');
    expect(await page.isVisible('#flows .table-wrap')).toBe(true);
    expect(await page.isHidden('#flows .chart')).toBe(true);
    expect(await page.$$eval('#by-setting .chart svg text', (texts) => texts.length)).toBeGreaterThan(5);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#by-setting .download-csv')]);
    expect(download.suggestedFilename()).toBe(`by-setting-national-${baseline}-${now}.csv`);
    const text = (await readFile((await download.path()), 'utf8')).replace(/^\ufeff/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(['Month', 'Residential care', 'Kinship care', 'Foster care', 'With parents', 'Living independently', 'Total'].join(','));
    expect(lines.slice(1)).toEqual((await tableOf('by-setting')).map((row) => row.map((cell) => (/[",]/.test(cell) ? `"${cell}"` : cell)).join(',')));
    expect(problems).toEqual([]);
  });

  it('switches to Khmer with a Khmer font served by the app, and keeps the choice', async () => {
    await page.click('[data-lang=km]');
    await page.waitForFunction((title) => document.querySelector('h1')?.textContent === title, km['dashboard.title']);
    // The language switch is written in Khmer, so the font came with the page, from the app.
    expect(served).toContain('200 /dashboard/fonts/noto-sans-khmer-khmer-400-normal.woff2');
    expect(served.every((line) => !line.startsWith('404'))).toBe(true);
    expect(await page.getAttribute('html', 'lang')).toBe('km');
    expect(await page.textContent('#indicators h2')).toBe(km['dashboard.indicators']);
    expect(await page.textContent('#legend')).toBe(km['dashboard.legend']);
    expect(await page.$$eval('#indicators thead th', (ths) => ths.map((th) => th.textContent))).toEqual([km['dashboard.indicator'], km['dashboard.value'], km['dashboard.unit']]);
    expect((await tableOf('indicators')).flat()).toContain(km['dashboard.fewerThan5']);
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans Khmer"', 'កុមារ'))).toBe(true);
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    expect(await page.textContent('h1')).toBe(km['dashboard.title']);
    expect(await page.textContent('#headline h2')).toBe(km['dashboard.headline']);
    await page.click('[data-lang=en]');
    await page.waitForFunction((title) => document.querySelector('h1')?.textContent === title, en['dashboard.title']);
    expect(problems).toEqual([]);
  });

  it('says when there is no data, and when a call fails', async () => {
    await page.selectOption('#province', '25');
    await page.waitForFunction((text) => document.querySelector('#by-setting .status')?.textContent === text, en['dashboard.empty']);
    await page.route('**/api/v1/figures/indicators**', (route) => route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{"status":500}' }));
    await page.selectOption('#province', '02');
    await page.waitForFunction((text) => document.querySelector('#indicators .status')?.textContent === text, en['dashboard.failed']);
    expect(await page.getAttribute('#indicators .status', 'role')).toBe('alert');
    // The other sections draw their own (real) answers, which may come after the refused one.
    await page.waitForFunction(() => document.querySelector('#by-setting .status')?.textContent === '');
    expect(await page.textContent('#by-setting .status')).toBe('');
    await page.unroute('**/api/v1/figures/indicators**');
    // The failed answer is the only console error: the browser reports the 500 it was given.
    expect(problems.filter((p) => !p.includes('500'))).toEqual([]);
  });

  it('ends the session when the token is refused, and logs out', async () => {
    await page.evaluate(() => sessionStorage.setItem('rcf.dashboard.token', 'not-a-token'));
    await page.reload();
    await page.waitForSelector('#login:not([hidden])');
    expect(await page.isHidden('#figures')).toBe(true);
    await page.fill('#username', 'demo.planner');
    await page.fill('#password', DEMO_PASSWORD);
    await page.click('#login-submit');
    await page.waitForSelector('body[data-ready=true]');
    await page.click('#logout');
    await page.waitForSelector('#login:not([hidden])');
    expect(await page.evaluate(() => sessionStorage.getItem('rcf.dashboard.token'))).toBeNull();
    expect(problems.filter((p) => !p.includes('500') && !p.includes('401'))).toEqual([]);
  });

  it('lets an admin in with exact numbers, and keeps other roles out', async () => {
    await page.fill('#username', 'demo.social');
    await page.fill('#password', DEMO_PASSWORD);
    await page.click('#login-submit');
    await page.waitForSelector('#login-error:not([hidden])');
    expect(await page.isHidden('#figures')).toBe(true);
    expect(await page.evaluate(() => sessionStorage.getItem('rcf.dashboard.token'))).toBeNull();
    await page.fill('#username', 'admin');
    await page.fill('#password', ADMIN_PASSWORD);
    await page.click('#login-submit');
    await page.waitForSelector('body[data-ready=true]');
    expect(await page.textContent('#legend')).toBe(en['dashboard.legendExact']);
    const exact = (await t.admin.get(`/figures/deinstitutionalisation?baseline=${baseline}&asOf=${now}`)).body as Json;
    expect(await page.textContent('#headline [data-field=residentialNow] .value')).toBe(number(exact.residentialNow));
    expect(problems.filter((p) => !p.includes('500') && !p.includes('401'))).toEqual([]);
  });
});
