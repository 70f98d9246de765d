import type { Browser } from 'playwright-core';
import { launchBrowser, watch } from '../support/browser';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/test-app';

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

  it('signs in from the Authorize dialog with a username and password, and calls as that user', async () => {
    const page = await browser.newPage();
    const problems = watch(page, origin);
    await page.goto(`${origin}/docs`, { waitUntil: 'networkidle' });
    await page.click('.swagger-ui .auth-wrapper .btn.authorize');
    const passwordFlow = page.locator('.modal-ux .auth-container', { hasText: 'password' }).first();
    await passwordFlow.locator('#oauth_username').fill('admin');
    await passwordFlow.locator('#oauth_password').fill(ADMIN_PASSWORD);
    const token = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/token'));
    await passwordFlow.locator('.btn.modal-btn.auth.authorize').click();
    expect((await token).status()).toBe(200);
    await passwordFlow.locator('.btn.modal-btn.auth', { hasText: 'Logout' }).waitFor();
    await page.click('.modal-ux .btn-done, .modal-ux .close-modal');

    await page.click('#operations-auth-Auth_me');
    await page.click('#operations-auth-Auth_me .try-out__btn');
    await page.click('#operations-auth-Auth_me .execute');
    const status = '#operations-auth-Auth_me .live-responses-table tbody .response-col_status';
    await page.waitForSelector(status);
    expect(await page.textContent(status)).toContain('200');
    expect(await page.textContent('#operations-auth-Auth_me .live-responses-table tbody .response-col_description')).toContain('"role": "admin"');
    expect(problems).toEqual([]);
  });
});
