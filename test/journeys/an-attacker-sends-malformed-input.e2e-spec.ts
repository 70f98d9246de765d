import request from 'supertest';
import { aChild, authorizedFacility, createAgency, createChild, createFacility } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

type Response = { status: number; headers: Record<string, string>; body: { code?: string; errors?: { field: string; messages: string[] }[] } };

/** A refusal as the contract says: 400 problem+json VALIDATION_FAILED naming the field. */
function expectRefused(response: Response, field?: string) {
  expect([response.status, response.headers['content-type']]).toEqual([400, expect.stringMatching(/^application\/problem\+json/)]);
  expect(response.body.code).toBe('VALIDATION_FAILED');
  if (field) expect(response.body.errors?.map((e) => e.field)).toContain(field);
}

const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

describe('an attacker sends malformed input: every answer is a 4xx problem+json, never a 500', () => {
  let t: TestApp;
  let social: ApiClient;
  let server: ReturnType<TestApp['app']['getHttpServer']>;
  let agencyId: string;
  let facilityId: string;
  let childId: string;
  beforeAll(async () => {
    t = await startTestApp();
    server = t.app.getHttpServer();
    social = await t.asUser('social_worker', { provinceCodes: ['02'] });
    agencyId = await createAgency(t.admin);
    facilityId = (await createFacility(t.admin, agencyId)).id;
    childId = await createChild(social);
  });
  afterAll(() => t.close());

  const raw = (method: 'post' | 'patch', path: string, body: string, token = t.admin.token) =>
    request(server)[method](`/api/v1${path}`).set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json').send(body);

  it('refuses JSON nested 10,000 deep, at login and anywhere else', async () => {
    expectRefused(await request(server).post('/api/v1/auth/login').set('Content-Type', 'application/json').send(deep(10_000)));
    expectRefused(await raw('post', '/agencies', deep(10_000)));
    expectRefused(await raw('patch', `/children/${childId}`, deep(40), social.token));
  });

  it('refuses a NUL character in a body, a query or a login, naming the field', async () => {
    expectRefused(await t.admin.post('/agencies', { name: 'Hope\u0000', type: 'ngo' }), 'name');
    expectRefused(await t.admin.get('/facilities?q=%00'), 'q');
    expectRefused(await request(server).post('/api/v1/auth/login').send({ username: 'admin\u0000', password: 'x' }), 'username');
    expectRefused(await social.post('/children', aChild({ givenName: 'Sok\u001b[31m' })), 'givenName');
  });

  it('refuses a lone surrogate, and stores Khmer exactly as sent', async () => {
    expectRefused(await raw('post', '/children', JSON.stringify(aChild()).replace('"givenNameKm":"', '"givenNameKm":"\\ud800'), social.token), 'givenNameKm');
    const invalidUtf8 = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('","type":"ngo"}')]);
    const injected = await t.app.getHttpAdapter().getInstance().inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: { authorization: `Bearer ${t.admin.token}`, 'content-type': 'application/json' },
      payload: invalidUtf8,
    });
    expectRefused({ status: injected.statusCode, headers: injected.headers as Record<string, string>, body: injected.json() }, 'body');
    const khmer = 'ស្រី\u200Bនាង 👧';
    const created = await social.post('/children', aChild({ givenNameKm: khmer }));
    expect(created.body.givenNameKm).toBe(khmer);
  });

  it('refuses null for every field that cannot be empty, and lets a clearable one be cleared', async () => {
    const user = await t.asUser('inspector');
    for (const [path, field] of [
      [`/agencies/${agencyId}`, 'name'],
      [`/agencies/${agencyId}`, 'type'],
      [`/users/${user.userId}`, 'password'],
      [`/users/${user.userId}`, 'active'],
      [`/users/${user.userId}`, 'displayName'],
      [`/facilities/${facilityId}`, 'name'],
      [`/facilities/${facilityId}`, 'capacity'],
      [`/facilities/${facilityId}`, 'provinceCode'],
    ] as const) {
      expectRefused(await t.admin.patch(path, { [field]: null }), field);
    }
    for (const field of ['givenName', 'familyName', 'sex', 'dateOfBirth', 'dateOfBirthEstimated', 'disability', 'parentalStatus', 'homeProvinceCode']) {
      expectRefused(await social.patch(`/children/${childId}`, { [field]: null }), field);
    }
    const cleared = await t.admin.patch(`/facilities/${facilityId}`, { district: null, nameKm: null });
    expect(cleared.body).toMatchObject({ district: null, nameKm: null });
  });

  it('refuses impossible dates and dates outside 1900–2099, in bodies and queries', async () => {
    expectRefused(await social.post('/children', aChild({ dateOfBirth: '0000-01-01' })), 'dateOfBirth');
    expectRefused(await social.post('/children', aChild({ dateOfBirth: '1899-12-31' })), 'dateOfBirth');
    expectRefused(await t.admin.get('/audit-events?to=2024-02-30T00:00:00Z'), 'to');
    expectRefused(await t.admin.get('/audit-events?from=0000-01-01T00:00:00Z'), 'from');
    expectRefused(await t.admin.get('/figures/flows?from=0000-01-01&to=2026-01-01'), 'from');
    expectRefused(await t.admin.get('/figures/children?asOf=2100-01-01'), 'asOf');
    expect((await t.admin.get('/audit-events?from=2026-01-01T00:00:00%2B07:00')).status).toBe(200);
  });

  it('refuses a cursor the server did not issue, or one that was altered, on every list', async () => {
    await createAgency(t.admin);
    const first = await t.admin.get('/agencies?limit=1');
    const issued: string = first.body.nextCursor;
    expect((await t.admin.get(`/agencies?limit=1&cursor=${issued}`)).status).toBe(200);
    const [payload, signature] = issued.split('.');
    const forged = Buffer.from(JSON.stringify({ createdAt: '2099-01-01T00:00:00.000Z', id: '5d0f3a8e-58a4-4c7e-8a59-6b1d2f0c9e11' })).toString('base64url');
    for (const list of ['/agencies', '/users', '/facilities', '/mous', '/inspections', '/corrective-actions', '/children', '/care-episodes', '/audit-events']) {
      expectRefused(await t.admin.get(`${list}?cursor=${forged}.${signature}`), 'cursor');
      expectRefused(await t.admin.get(`${list}?cursor=${payload}x.${signature}`), 'cursor');
      expectRefused(await t.admin.get(`${list}?cursor=${forged}`), 'cursor');
    }
  });

  it('refuses a __proto__ key as an unknown field, not as malformed JSON', async () => {
    const response = await raw('post', '/agencies', '{"name":"Hope","type":"ngo","__proto__":{"role":"admin"}}');
    expectRefused(response, '__proto__');
    expectRefused(await raw('patch', `/agencies/${agencyId}`, '{"constructor":{"prototype":{}}}'), 'constructor');
  });

  it('answers a path parameter over 100 characters with problem+json', async () => {
    for (const length of [101, 2000]) {
      const response = await t.admin.get(`/facilities/${'a'.repeat(length)}`);
      expect([response.status, response.headers['content-type']]).toEqual([expect.any(Number), expect.stringMatching(/^application\/problem\+json/)]);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
  });

  it('refuses a body that is not a JSON object on PATCH and action routes, instead of doing nothing', async () => {
    const inspector = await t.asUser('inspector');
    const facility = await authorizedFacility(inspector, agencyId);
    for (const body of ['null', '[]', '"suspend"', '7']) {
      expectRefused(await raw('patch', `/facilities/${facility.id}`, body), 'body');
      expectRefused(await raw('post', `/facilities/${facility.id}/suspend`, body), 'body');
    }
    expect((await inspector.get(`/facilities/${facility.id}`)).body.status).toBe('authorized');
  });

  it('says that a missing field is required, rather than listing its limits', async () => {
    const response = await social.post('/children', { ...aChild(), givenName: undefined });
    expectRefused(response, 'givenName');
    expect(response.body.errors?.find((e: { field: string }) => e.field === 'givenName')?.messages).toEqual(['givenName is required']);
  });
});
