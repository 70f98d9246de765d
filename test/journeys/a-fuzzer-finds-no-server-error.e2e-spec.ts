import request from 'supertest';
import { admission, allAreasRated, authorizedFacility, createAgency, daysFromToday, referral } from '../support/builders';
import { BAD_QUERY_VALUES, BAD_VALUES, resolve, validValue, type OpenApi } from '../support/fuzz';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Walks every operation of the served OpenAPI document with a valid request, then mutates one
 * field, one query parameter or one path parameter at a time with what an attacker would send.
 * Every answer must be below 500, and every error answer problem+json.
 */
describe('a schema-driven fuzz of every operation finds no server error', () => {
  let t: TestApp;
  let spec: OpenApi;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp();
    spec = (await t.anonymous.get('/docs-json')).body as OpenApi;
    const inspector = await t.asUser('inspector');
    const approver = await t.asUser('inspector');
    const social = await t.asUser('social_worker');
    ids.agency = await createAgency(t.admin);
    ids.user = inspector.userId!;
    const facility = await authorizedFacility(inspector, ids.agency, { capacity: 100 });
    ids.facility = facility.id;
    ids.mou = (await inspector.get(`/mous?facilityId=${facility.id}`)).body.items[0].id;
    const inspection = (await inspector.post('/inspections', { facilityId: facility.id, type: 'routine', scheduledFor: daysFromToday(-3) })).body.id;
    await inspector.post(`/inspections/${inspection}/submit`, {
      conductedOn: daysFromToday(-3),
      ratings: allAreasRated(),
      outcome: 'non_compliant',
      correctiveActions: [{ description: 'Fix the roof before the rains', dueOn: daysFromToday(20) }],
    });
    await approver.post(`/inspections/${inspection}/approve`, {});
    ids.inspection = inspection;
    ids.correctiveAction = (await inspector.get(`/corrective-actions?inspectionId=${inspection}`)).body.items[0].id;
    const episode = await referral(social, ids.agency);
    await social.post(`/care-episodes/${episode.id}/startAssessment`, {});
    await social.post(`/care-episodes/${episode.id}/admit`, admission(facility.id));
    ids.episode = episode.id;
    ids.child = episode.childId;
    ids.duplicate = '00000000-0000-4000-8000-000000000000';
  });
  afterAll(() => t.close());

  const idFor = (name: string): string => {
    if (/facility/i.test(name)) return ids.facility;
    if (/child/i.test(name)) return ids.child;
    if (/agency/i.test(name)) return ids.agency;
    if (/inspector|user|actor/i.test(name)) return ids.user;
    if (/followUpOf|inspection/i.test(name)) return ids.inspection;
    return ids.episode;
  };
  const pathIds: [RegExp, string][] = [
    [/^\/api\/v1\/agencies/, 'agency'],
    [/^\/api\/v1\/users/, 'user'],
    [/^\/api\/v1\/facilities/, 'facility'],
    [/^\/api\/v1\/mous/, 'mou'],
    [/^\/api\/v1\/inspections/, 'inspection'],
    [/^\/api\/v1\/children/, 'child'],
    [/^\/api\/v1\/care-episodes/, 'episode'],
    [/^\/api\/v1\/possible-duplicates/, 'duplicate'],
  ];
  const fillPath = (path: string, id?: string) =>
    path.replace('{actionId}', ids.correctiveAction).replace('{id}', id ?? ids[pathIds.find(([pattern]) => pattern.test(path))?.[1] ?? 'episode']);

  it('answers every mutation of every operation below 500, and every error as problem+json', async () => {
    // One listening server for thousands of requests, some of them at once.
    const server = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const failures: string[] = [];
    let operations = 0;
    let requests = 0;
    const statuses = new Map<number, number>();
    const send = async (method: string, path: string, body: unknown, label: string, raw = false) => {
      requests++;
      let test = request(server)[method as 'get'](path).set('Authorization', `Bearer ${t.admin.token}`);
      if (body !== undefined) test = test.set('Content-Type', 'application/json').send(raw ? (body as string) : JSON.stringify(body));
      const response = await test;
      const problemJson = /^application\/problem\+json/.test(response.headers['content-type'] ?? '');
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status >= 500 || (response.status >= 400 && !problemJson)) {
        failures.push(`${method.toUpperCase()} ${path.slice(0, 120)} [${label}] → ${response.status} ${response.headers['content-type']}`);
      }
    };

    for (const [path, operationsOf] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(operationsOf)) {
        if (path.endsWith('/auth/logout')) continue; // would end the token the fuzz runs with
        operations++;
        const url = fillPath(path);
        const bodySchema = operation.requestBody?.content['application/json']?.schema;
        const body = bodySchema ? (validValue(spec, bodySchema, '', idFor) as Record<string, unknown>) : undefined;
        const batch: Promise<void>[] = [send(method, url, body, 'valid')];
        if (body) {
          for (const field of Object.keys(resolve(spec, bodySchema!).properties ?? {})) {
            for (const [what, value] of BAD_VALUES) batch.push(send(method, url, { ...body, [field]: value }, `${field}: ${what}`));
          }
          for (const [what, whole] of [['null', 'null'], ['an array', '[]'], ['a string', '"x"'], ['nested 10,000 deep', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`]] as const) {
            batch.push(send(method, url, whole, `body: ${what}`, true));
          }
          batch.push(send(method, url, JSON.stringify(body).replace(/^\{/, '{"__proto__":{"role":"admin"},'), 'body: __proto__', true));
        }
        for (const parameter of (operation.parameters ?? []).filter((p) => p.in === 'query')) {
          for (const [what, value] of BAD_QUERY_VALUES) batch.push(send(method, `${url}?${parameter.name}=${value}`, body, `?${parameter.name}: ${what}`));
        }
        if (path.includes('{id}')) {
          for (const [what, id] of [['a long id', 'x'.repeat(150)], ['a NUL', '%00'], ['a non-uuid', 'not-a-uuid'], ['an unknown uuid', '5d0f3a8e-58a4-4c7e-8a59-6b1d2f0c9e11']]) {
            batch.push(send(method, fillPath(path, id), body, `{id}: ${what}`));
          }
        }
        const started = Date.now();
        await Promise.all(batch);
        if (process.env.FUZZ_DEBUG) console.log(`${method} ${path}: ${batch.length} in ${Date.now() - started} ms`);
      }
    }
    console.log(`The fuzz sent ${requests} requests over ${operations} operations; answers by status: ${JSON.stringify(Object.fromEntries(statuses))}.`);
    expect(operations).toBeGreaterThanOrEqual(75);
    expect(requests).toBeGreaterThan(3500);
    expect(failures).toEqual([]);
  });
});
