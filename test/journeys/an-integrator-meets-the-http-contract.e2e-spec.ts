import { startTestApp, type TestApp } from '../support/test-app';

describe('an integrator meets the HTTP contract', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: '4096' });
  });
  afterAll(() => t.close());

  const expectProblem = (response: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, status: number, code: string) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status, code });
    expect(typeof response.body.detail).toBe('string');
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  };

  it('answers liveness and readiness without a token', async () => {
    expect((await t.anonymous.get('/health/live')).body).toEqual({ status: 'ok' });
    expect((await t.anonymous.get('/health/ready')).body).toEqual({ status: 'ok', database: 'up' });
  });

  it('serves the OpenAPI document and the Swagger UI', async () => {
    const spec = await t.anonymous.get('/docs-json');
    expect(spec.status).toBe(200);
    expect(spec.body.paths['/api/v1/auth/login']).toBeDefined();
    expect((await t.anonymous.get('/docs')).status).toBe(200);
  });

  it('refuses a request without a token, or with a bad one, as 401 problem+json', async () => {
    expectProblem(await t.anonymous.get('/agencies'), 401, 'UNAUTHENTICATED');
    expectProblem(await t.anonymous.get('/agencies', { Authorization: 'Bearer not.a.token' }), 401, 'UNAUTHENTICATED');
    expectProblem(await t.anonymous.get('/agencies', { Authorization: 'Basic YWRtaW46YWRtaW4=' }), 401, 'UNAUTHENTICATED');
  });

  it('rejects unknown fields, naming them', async () => {
    const response = await t.admin.post('/agencies', { name: 'Children First', type: 'ngo', founded: 1999 });
    expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(response.body.errors).toEqual([{ field: 'founded', messages: [expect.stringContaining('should not exist')] }]);
  });

  it('lists every bad field with its reason', async () => {
    const response = await t.admin.post('/agencies', { name: 7, type: 'club' });
    expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['name', 'type']);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await t.admin.post('/agencies', '{"name": "unterminated', { 'Content-Type': 'application/json' });
    expectProblem(response, 400, 'MALFORMED_JSON');
  });

  it('answers a body over the size limit with 413', async () => {
    const response = await t.admin.post('/agencies', { name: 'x'.repeat(10_000), type: 'ngo' });
    expectProblem(response, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers a body that is not JSON with 415', async () => {
    const response = await t.admin.post('/agencies', 'name=x', { 'Content-Type': 'text/plain' });
    expectProblem(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers an unknown route and an id that is not a uuid with 404', async () => {
    expectProblem(await t.admin.get('/no-such-thing'), 404, 'NOT_FOUND');
    expectProblem(await t.admin.get('/agencies/not-a-uuid'), 404, 'NOT_FOUND');
    expectProblem(await t.admin.get('/agencies/5d0f3a8e-58a4-4c7e-8a59-6b1d2f0c9e11'), 404, 'NOT_FOUND');
  });

  it('caps the page size at 200 and refuses a forged cursor', async () => {
    expectProblem(await t.admin.get('/agencies?limit=201'), 400, 'VALIDATION_FAILED');
    expectProblem(await t.admin.get('/agencies?limit=abc'), 400, 'VALIDATION_FAILED');
    expectProblem(await t.admin.get('/agencies?cursor=bm90LWEtY3Vyc29y'), 400, 'VALIDATION_FAILED');
    expectProblem(await t.admin.get('/agencies?colour=blue'), 400, 'VALIDATION_FAILED');
  });

  it('pages through a list with cursors, without repeats or gaps', async () => {
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push((await t.admin.post('/agencies', { name: `Paged ${i}`, type: 'government' })).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.admin.get(
        `/agencies?type=government&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((a) => a.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(created));
  });

  it('lists the 25 provinces with Khmer names', async () => {
    const response = await t.admin.get('/provinces');
    expect(response.body.items).toHaveLength(25);
    expect(response.body.items).toContainEqual({ code: '02', nameEn: 'Battambang', nameKm: 'បាត់ដំបង', centre: [12.9257, 103.2317] });
  });

  it('titles problems in Khmer for Accept-Language: km, and labels every step and guard', async () => {
    const missing = await t.admin.get('/facilities/00000000-0000-4000-8000-000000000000', { 'Accept-Language': 'km, en;q=0.5' });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND', title: 'រកមិនឃើញ' });
    expect(missing.headers['content-language']).toBe('km');
    expect((await t.admin.get('/facilities/00000000-0000-4000-8000-000000000000', { 'Accept-Language': 'en' })).body.title).toBe('Not Found');
    const labels = (await t.anonymous.get('/labels?lang=km')).body.labels;
    expect(labels['action.admit']).toBe('ទទួលចូលមណ្ឌល');
    expect(labels['guard.poverty_alone_is_not_a_reason']).toMatch(/ភាពក្រីក្រ/);
    expect(labels['problem.GUARD_FAILED']).toMatch(/[\u1780-\u17ff]/);
    expect((await t.anonymous.get('/labels?lang=fr')).status).toBe(400);
  });

  it('answers where a created record lives, and who the caller is', async () => {
    const agency = await t.admin.post('/agencies', { name: 'Located Foundation', type: 'ngo' });
    expect(agency.status).toBe(201);
    expect(agency.headers.location).toBe(`/api/v1/agencies/${agency.body.id}`);
    expect((await t.admin.get(agency.headers.location.replace('/api/v1', ''))).body.name).toBe('Located Foundation');
    const user = await t.admin.post('/users', { username: 'located.worker', password: 'a-long-passphrase-here', displayName: 'Sophea Chan', role: 'ngo_worker', agencyId: agency.body.id });
    expect(user.headers.location).toBe(`/api/v1/users/${user.body.id}`);
    const worker = await t.login('located.worker', 'a-long-passphrase-here');
    expect((await worker.get('/auth/me')).body).toMatchObject({ username: 'located.worker', displayName: 'Sophea Chan', role: 'ngo_worker', agencyId: agency.body.id, agencyName: 'Located Foundation', provinceCodes: [] });
    // A failed creation says where nothing is.
    expect((await t.admin.post('/agencies', { name: '' })).headers.location).toBeUndefined();
  });

  it('describes every tag its operations use, and names its server', async () => {
    const spec = (await t.anonymous.get('/docs-json')).body as { servers: { url: string }[]; tags: { name: string; description: string }[]; paths: Record<string, Record<string, { tags?: string[] }>> };
    expect(spec.servers).toEqual([{ url: '/', description: 'This server' }]);
    const used = new Set(Object.values(spec.paths).flatMap((ops) => Object.values(ops).flatMap((op) => op.tags ?? [])));
    const described = new Map(spec.tags.map((tag) => [tag.name, tag.description]));
    for (const tag of used) expect([tag, described.get(tag)]).toEqual([tag, expect.stringMatching(/\w{3,}/)]);
  });

  it('tags every answer with a request id', async () => {
    const response = await t.anonymous.get('/health/live');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('an integrator sends odd bodies and queries', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each([
    ['an array', '[]'],
    ['a string', '"agency"'],
    ['null', 'null'],
    ['a number', '42'],
    ['nested junk', '{"name": {"$gt": ""}, "type": ["ngo"]}'],
  ])('answers %s as a body with 400 problem+json', async (_what, body) => {
    const response = await t.admin.post('/agencies', body, { 'Content-Type': 'application/json' });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it.each([
    '/figures/children?asOf=2026-13-45',
    '/figures/children?groupBy=name',
    '/figures/flows?from=yesterday&to=today',
    '/care-episodes?overdueVisit=maybe',
    '/facilities?inspectionOverdue=1',
    '/audit-events?from=not-a-date',
    '/audit-events?cursor=-1',
    '/mous?expiringWithinDays=-3',
    '/children?limit=0',
  ])('answers %s with 400, never 500', async (path) => {
    const response = await t.admin.get(path);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers actions on records that do not exist with 404', async () => {
    const missing = '5d0f3a8e-58a4-4c7e-8a59-6b1d2f0c9e11';
    expect((await t.admin.post(`/care-episodes/${missing}/startAssessment`, {})).status).toBe(404);
    expect((await t.admin.post(`/facilities/${missing}/suspend`, { reason: 'no such place' })).status).toBe(404);
    expect((await t.admin.post(`/inspections/${missing}/corrective-actions/${missing}/resolve`, {})).status).toBe(404);
    expect((await t.admin.post('/care-episodes', { childId: missing, responsibleAgencyId: missing, provinceCode: '02', referredOn: '2026-01-01', reasons: ['other'] })).status).toBe(404);
  });
});
