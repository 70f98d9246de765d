import { createAgency } from '../support/builders';
import { ADMIN_PASSWORD, startTestApp, USER_PASSWORD, type TestApp } from '../support/test-app';

describe('an admin manages agencies and users', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => t.close());

  it('logs in with the bootstrap admin and gets a 60-minute bearer token', async () => {
    const response = await t.anonymous.post('/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 3600 });
  });

  it('creates users with the scope their role needs, and refuses scopes that do not fit the role', async () => {
    const agencyId = await createAgency(t.admin);
    const ngo = await t.admin.post('/users', {
      username: 'Dara.NGO',
      password: USER_PASSWORD,
      displayName: 'Dara',
      role: 'ngo_worker',
      agencyId,
    });
    expect(ngo.status).toBe(201);
    expect(ngo.body).toMatchObject({ username: 'dara.ngo', role: 'ngo_worker', agencyId, provinceCodes: [], active: true });
    expect(ngo.body.passwordHash).toBeUndefined();

    const noAgency = await t.admin.post('/users', { username: 'lost', password: USER_PASSWORD, displayName: 'L', role: 'ngo_worker' });
    expect(noAgency.status).toBe(400);
    expect(noAgency.body.errors).toEqual([{ field: 'agencyId', messages: ['agencyId is required for an ngo_worker'] }]);

    const plannerWithProvince = await t.admin.post('/users', {
      username: 'planner1',
      password: USER_PASSWORD,
      displayName: 'P',
      role: 'planner',
      provinceCodes: ['02'],
    });
    expect(plannerWithProvince.status).toBe(400);

    const badProvince = await t.admin.post('/users', {
      username: 'insp1',
      password: USER_PASSWORD,
      displayName: 'I',
      role: 'inspector',
      provinceCodes: ['99'],
    });
    expect(badProvince.status).toBe(400);
    expect(badProvince.body.errors[0].field).toBe('provinceCodes');

    const taken = await t.admin.post('/users', { username: 'DARA.ngo', password: USER_PASSWORD, displayName: 'D2', role: 'planner' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('USERNAME_TAKEN');
  });

  it('lets an ngo_worker see its own agency and colleagues, and nothing of another agency', async () => {
    const mine = await createAgency(t.admin, { name: 'Mine' });
    const theirs = await createAgency(t.admin, { name: 'Theirs' });
    const me = await t.asUser('ngo_worker', { agencyId: mine });
    const colleague = await t.asUser('ngo_worker', { agencyId: mine });
    const stranger = await t.asUser('ngo_worker', { agencyId: theirs });

    expect((await me.get(`/users/${colleague.userId}`)).status).toBe(200);
    const hidden = await me.get(`/users/${stranger.userId}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('NOT_FOUND');
    const listed = (await me.get('/users?limit=200')).body.items.map((u: { id: string }) => u.id);
    expect(listed).toContain(colleague.userId);
    expect(listed).not.toContain(stranger.userId);
    expect(listed).not.toContain(t.admin.userId);

    expect((await me.get(`/agencies/${mine}`)).status).toBe(200);
    expect((await me.get(`/agencies/${theirs}`)).status).toBe(404);
    expect((await me.get('/agencies?limit=200')).body.items.map((a: { id: string }) => a.id)).toEqual([mine]);
  });

  it('lets provincial staff see users of their provinces only', async () => {
    const battambang = await t.asUser('inspector', { provinceCodes: ['02'] });
    const siemReap = await t.asUser('social_worker', { provinceCodes: ['17'] });
    const both = await t.asUser('social_worker', { provinceCodes: ['02', '17'] });
    expect((await battambang.get(`/users/${both.userId}`)).status).toBe(200);
    expect((await battambang.get(`/users/${siemReap.userId}`)).status).toBe(404);
  });

  it('forbids roles that may never use an endpoint with 403', async () => {
    const planner = await t.asUser('planner');
    expect((await planner.get('/agencies')).status).toBe(403);
    expect((await planner.get('/users')).status).toBe(403);
    const inspector = await t.asUser('inspector');
    const refused = await inspector.post('/agencies', { name: 'Rogue', type: 'ngo' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect((await inspector.get('/audit-events')).status).toBe(403);
  });

  it('ends a deactivated user’s sessions at once', async () => {
    const inspector = await t.asUser('inspector');
    expect((await inspector.get('/auth/me')).status).toBe(200);
    expect((await t.admin.patch(`/users/${inspector.userId}`, { active: false })).status).toBe(200);
    expect((await inspector.get('/auth/me')).status).toBe(401);
    const me = await t.admin.get(`/users/${inspector.userId}`);
    expect((await t.anonymous.post('/auth/login', { username: me.body.username, password: USER_PASSWORD })).status).toBe(401);
  });

  it('ends old sessions when the password or the scope changes, but not for a new display name', async () => {
    const worker = await t.asUser('social_worker', { provinceCodes: ['01'] });
    expect((await t.admin.patch(`/users/${worker.userId}`, { displayName: 'New name' })).status).toBe(200);
    expect((await worker.get('/auth/me')).status).toBe(200);
    expect((await t.admin.patch(`/users/${worker.userId}`, { provinceCodes: ['01', '02'] })).status).toBe(200);
    expect((await worker.get('/auth/me')).status).toBe(401);

    const username = (await t.admin.get(`/users/${worker.userId}`)).body.username;
    const again = await t.login(username, USER_PASSWORD);
    expect((await again.get('/auth/me')).body.provinceCodes).toEqual(['01', '02']);
    await t.admin.patch(`/users/${worker.userId}`, { password: 'a-brand-new-password' });
    expect((await again.get('/auth/me')).status).toBe(401);
    expect((await t.login(username, 'a-brand-new-password')).token).toBeTruthy();
  });

  it('answers an ETag on a record and refuses a PATCH with a stale If-Match', async () => {
    const agencyId = await createAgency(t.admin);
    const first = await t.admin.get(`/agencies/${agencyId}`);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^W\/".+"$/);
    const updated = await t.admin.patch(`/agencies/${agencyId}`, { name: 'Renamed once' }, { 'If-Match': etag });
    expect(updated.status).toBe(200);
    expect(updated.headers.etag).not.toBe(etag);
    const stale = await t.admin.patch(`/agencies/${agencyId}`, { name: 'Lost update' }, { 'If-Match': etag });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    expect((await t.admin.get(`/agencies/${agencyId}`)).body.name).toBe('Renamed once');
  });

  it('throttles failed logins with 429 and Retry-After', async () => {
    const inspector = await t.asUser('inspector');
    const username = (await t.admin.get(`/users/${inspector.userId}`)).body.username;
    for (let i = 0; i < 3; i++) {
      expect((await t.anonymous.post('/auth/login', { username, password: 'wrong-password!' })).status).toBe(401);
    }
    const refused = await t.anonymous.post('/auth/login', { username, password: USER_PASSWORD });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
