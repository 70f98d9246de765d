import type { Browser } from 'playwright-core';
import { launchBrowser, watch } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

describe('the Swagger UI works under the Content-Security-Policy, in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    origin = await t.app.getUrl();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('renders the operations and tries one, with no CSP violation, console error or outside request', async () => {
    const page = await browser.newPage();
    const problems = watch(page, origin);
    const response = await page.goto(`${origin}/docs`, { waitUntil: 'networkidle' });
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForSelector('.swagger-ui .information-container .title');
    expect(await page.textContent('.swagger-ui .information-container .title')).toContain('RCF registry');
    await page.click('#operations-health-Health_live');
    await page.click('#operations-health-Health_live .try-out__btn');
    await page.click('#operations-health-Health_live .execute');
    const status = '#operations-health-Health_live .live-responses-table tbody .response-col_status';
    await page.waitForSelector(status);
    expect(await page.textContent(status)).toContain('200');
    expect(problems).toEqual([]);
  });
});
