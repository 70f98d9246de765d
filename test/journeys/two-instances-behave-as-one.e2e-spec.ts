import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../src/app';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/test-app';

/** Two instances of the API on one database, as behind a load balancer: nothing they keep is their own. */
describe('two instances of the API behave as one', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  beforeAll(async () => {
    t = await startTestApp();
    second = await createApp(t.config, t.url);
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const on = (app: NestFastifyApplication) => ({
    post: (path: string, body: object, headers: Record<string, string> = {}) => {
      const test = request(app.getHttpServer()).post(`/api/v1${path}`).set('Authorization', `Bearer ${t.admin.token}`);
      for (const [name, value] of Object.entries(headers)) test.set(name, value);
      return test.send(body);
    },
    login: (password: string, remoteAddress: string) =>
      app.getHttpAdapter().getInstance().inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password }, remoteAddress }),
  });

  it('accepts a token issued by the other instance, and replays an idempotent retry once whichever instance gets it', async () => {
    const body = { name: 'Idempotent NGO', type: 'ngo' };
    const [a, b] = await Promise.all([on(t.app).post('/agencies', body, { 'Idempotency-Key': 'split-retry' }), on(second).post('/agencies', body, { 'Idempotency-Key': 'split-retry' })]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']].filter(Boolean)).toEqual(['true']);
    const later = await on(second).post('/agencies', body, { 'Idempotency-Key': 'split-retry' });
    expect(later.body.id).toBe(a.body.id);
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM agencies WHERE name = 'Idempotent NGO'`);
    expect(count).toBe(1);
  });

  it('shares the login throttle, counted per username and address and per address, so no one is locked out from everywhere', async () => {
    const attacker = '10.20.30.40';
    const answers: number[] = [];
    for (let i = 0; i < 6; i++) answers.push((await on(i % 2 ? second : t.app).login('wrong-guess-number', attacker)).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
    const blocked = await on(second).login(ADMIN_PASSWORD, attacker);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toMatch(/^\d+$/);
    // The owner, elsewhere, still logs in: the stranger's failures did not lock the account.
    expect((await on(t.app).login(ADMIN_PASSWORD, '192.0.2.7')).statusCode).toBe(200);
  });

  it('lets no burst of concurrent wrong passwords slip past the limit', async () => {
    const address = '10.9.9.9';
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => on(i % 2 ? second : t.app).login('another-wrong-guess', address)));
    const failures = burst.filter((r) => r.statusCode === 401).length;
    expect(failures).toBe(5);
    const [{ recorded }] = await t.db.query(`SELECT count(*)::int AS recorded FROM login_failures WHERE key = $1`, [`ua:admin|${address}`]);
    expect(recorded).toBe(5);
  });

  it('keeps one valid audit chain under concurrent writes to both instances', async () => {
    await Promise.all(Array.from({ length: 24 }, (_, i) => on(i % 2 ? second : t.app).post('/agencies', { name: `Concurrent ${i}`, type: 'ngo' })));
    const rows = await t.db.query('SELECT seq FROM audit_events ORDER BY seq');
    rows.forEach((row: { seq: string }, index: number) => expect(Number(row.seq)).toBe(index + 1));
    expect((await request(second.getHttpServer()).get('/api/v1/audit-events/verify').set('Authorization', `Bearer ${t.admin.token}`)).body.valid).toBe(true);
  });
});
