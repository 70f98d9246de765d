import { readFile, stat } from 'node:fs/promises';
import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { aChild, createAgency } from '../support/builders';
import { startTestApp, USER_PASSWORD, type ApiClient, type TestApp } from '../support/test-app';

const SECRET = 'a-test-secret-that-is-long-enough-to-pass';

describe('sessions and headers protect what they carry', () => {
  let t: TestApp;
  let social: ApiClient;
  beforeAll(async () => {
    t = await startTestApp({ JWT_SECRET: SECRET });
    social = await t.asUser('social_worker', { provinceCodes: ['02'] });
  });
  afterAll(() => t.close());

  it('sends security headers on every answer, and no-store on personal records and tokens', async () => {
    const child = await social.post('/children', aChild());
    for (const response of [child, await social.get(`/children/${child.body.id}`), await t.anonymous.get('/docs'), await t.anonymous.get('/health/live')]) {
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'x-frame-options': 'DENY',
        'content-security-policy': expect.stringContaining("default-src 'self'"),
      });
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
    for (const path of [`/children/${child.body.id}`, '/care-episodes', '/users', '/auth/me']) {
      expect([path, (await social.get(path)).headers['cache-control']]).toEqual([path, 'no-store']);
    }
    const login = await t.anonymous.post('/auth/login', { username: 'nobody', password: 'not-the-password' });
    expect(login.headers['cache-control']).toBe('no-store');
  });

  it('refuses common passwords and passwords that contain the username', async () => {
    const attempt = (username: string, password: string) =>
      t.admin.post('/users', { username, password, displayName: 'Sophea', role: 'planner' });
    for (const password of ['password1234', 'qwertyuiop123', 'iloveyou12345']) {
      const refused = await attempt('sophea.k', password);
      expect(refused.body).toMatchObject({ status: 400, errors: [{ field: 'password', messages: [expect.stringMatching(/too common/)] }] });
    }
    expect((await attempt('sophea.k', 'sophea.k-is-my-name')).body.errors[0].messages).toEqual(['password must not contain the username']);
    expect((await attempt('sophea.k', 'lotus pond at dawn')).status).toBe(201);
    const user = (await t.admin.get('/users?role=planner')).body.items.find((u: { username: string }) => u.username === 'sophea.k');
    expect((await t.admin.patch(`/users/${user.id}`, { password: 'password1234' })).status).toBe(400);
  });

  it('ends a token at logout, and only that token', async () => {
    const first = await t.login(social.token ? (await social.get('/auth/me')).body.username : '', USER_PASSWORD);
    const second = await t.login((await social.get('/auth/me')).body.username, USER_PASSWORD);
    expect((await first.post('/auth/logout')).status).toBe(204);
    expect((await first.get('/auth/me')).body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect((await second.get('/auth/me')).status).toBe(200);
    const audited = (await t.admin.get(`/audit-events?action=auth.logout&actorId=${second.userId}`)).body.items;
    expect(audited).toHaveLength(1);
  });

  it('refuses tokens without an expiry, beyond the configured lifetime, or without an id', async () => {
    const me = (await social.get('/auth/me')).body;
    const [user] = await t.db.query('SELECT token_version FROM users WHERE id = $1', [me.userId]);
    const jwt = new JwtService({ secret: createSecretKey(Buffer.from(SECRET)) as unknown as string });
    const sign = (claims: object, options: object) => jwt.signAsync({ sub: me.userId, ver: user.token_version, ...claims }, { algorithm: 'HS256', ...options });
    const jti = '0b8f4a52-6f0c-4e8e-9d9e-2b4c7f1e3a10';
    const cases = {
      'no expiry': await sign({ jti }, {}),
      'a day long': await sign({ jti }, { expiresIn: 86_400 }),
      'no id': await sign({}, { expiresIn: 600 }),
    };
    for (const [what, token] of Object.entries(cases)) {
      const response = await t.anonymous.get('/auth/me', { Authorization: `Bearer ${token}` });
      expect([what, response.status]).toEqual([what, 401]);
    }
    const fine = await sign({ jti }, { expiresIn: 600 });
    expect((await t.anonymous.get('/auth/me', { Authorization: `Bearer ${fine}` })).status).toBe(200);
  });

  it('audits denied attempts on a child’s record, and replayed answers that carry personal data', async () => {
    const other = await t.asUser('social_worker', { provinceCodes: ['17'] });
    const child = await social.post('/children', aChild(), { 'Idempotency-Key': 'register-once' });
    expect((await other.get(`/children/${child.body.id}`)).status).toBe(404);
    const ngo = await t.asUser('ngo_worker', { agencyId: await createAgency(t.admin) });
    expect((await ngo.get(`/children/${child.body.id}`)).status).toBe(404);
    const planner = await t.asUser('planner');
    expect((await planner.get(`/children/${child.body.id}`)).status).toBe(403);
    const replay = await social.post('/children', (child.request as unknown as { _data: object })._data, { 'Idempotency-Key': 'register-once' });
    expect(replay.headers['idempotent-replayed']).toBe('true');

    const denied = (await t.admin.get(`/audit-events?action=child.access_denied&entityId=${child.body.id}`)).body.items;
    const seen = denied.map((e: { actorId: string; changes: { status: number } }) => `${e.actorId} ${e.changes.status}`).sort();
    expect(seen).toEqual([`${other.userId} 404`, `${ngo.userId} 404`, `${planner.userId} 403`].sort());
    const replayed = (await t.admin.get(`/audit-events?action=child.replayed_answer&actorId=${social.userId}`)).body.items;
    expect(replayed).toHaveLength(1);
  });

  it('answers audit events with an id beside their place in the chain', async () => {
    const events = (await t.admin.get('/audit-events?limit=5')).body.items;
    for (const event of events) expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(events.map((e: { id: string }) => e.id)).size).toBe(events.length);
    expect((await t.admin.get('/audit-events/verify')).body.valid).toBe(true);
  });
});

describe('the embedded database', () => {
  it('is reachable with a generated password kept beside its data, readable by its owner alone', async () => {
    const dir = process.env.RCF_TEST_PG_DIR;
    if (!dir) return; // the tests run on TEST_DATABASE_URL: no embedded server to check
    const file = `${dir}.password`;
    const password = (await readFile(file, 'utf8')).trim();
    expect(password.length).toBeGreaterThanOrEqual(24);
    expect(password).not.toBe('postgres');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(process.env.RCF_TEST_SERVER_URL).toContain(encodeURIComponent(password));
  });
});
