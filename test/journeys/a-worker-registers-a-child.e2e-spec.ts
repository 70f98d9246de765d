import { aChild, createAgency } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

describe('a worker registers a child, without creating a duplicate or leaking who it is', () => {
  let t: TestApp;
  let social: ApiClient;
  let logs: string[];
  const spies: jest.SpyInstance[] = [];
  beforeAll(async () => {
    logs = [];
    for (const method of ['log', 'info', 'warn', 'error'] as const) {
      spies.push(jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void logs.push(args.map(String).join(' '))));
    }
    spies.push(
      jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        logs.push(String(chunk));
        return true;
      }),
    );
    t = await startTestApp({ LOG_REQUESTS: 'true' });
    social = await t.asUser('social_worker', { provinceCodes: ['02'] });
  });
  afterAll(async () => {
    spies.forEach((spy) => spy.mockRestore());
    await t.close();
  });

  const sreyNeang = aChild({
    givenName: 'Srey Neang',
    familyName: 'Chan',
    givenNameKm: 'ស្រីនាង',
    familyNameKm: 'ចាន់',
    dateOfBirth: '2014-09-02',
    homeProvinceCode: '02',
  });

  it('stores Khmer and Latin names exactly as sent, with a system code that identifies no one', async () => {
    const created = await social.post('/children', sreyNeang);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ givenName: 'Srey Neang', givenNameKm: 'ស្រីនាង', familyNameKm: 'ចាន់', openEpisodeId: null });
    expect(created.body.systemCode).toMatch(/^CH-[0-9A-Z]{10}$/);
    expect(created.body.systemCode).not.toMatch(/SREY|CHAN|2014/);
  });

  it('answers a likely duplicate with 409 and the candidates, in either script', async () => {
    const registered = { ...sreyNeang, dateOfBirth: '2013-01-07' };
    expect((await social.post('/children', registered)).status).toBe(201);
    const latin = await social.post('/children', { ...registered, givenName: 'SREYNEANG', givenNameKm: undefined, familyNameKm: undefined });
    expect(latin.status).toBe(409);
    expect(latin.body).toMatchObject({ code: 'POSSIBLE_DUPLICATE_CHILD', candidates: [{ id: expect.any(String), systemCode: expect.any(String) }] });
    const khmer = await social.post('/children', { ...registered, givenName: 'Sreyneang', familyName: 'Chann', givenNameKm: 'ស្រី\u200Bនាង' });
    expect(khmer.status).toBe(409);
    const confirmed = await social.post('/children', { ...registered, confirmNotDuplicate: true });
    expect(confirmed.status).toBe(201);
  });

  it('writes every read of a child’s record to the audit log, without names or birth dates', async () => {
    const created = await social.post('/children', aChild({ givenName: 'Kunthea', familyName: 'Rin', dateOfBirth: '2012-12-12' }));
    await social.get(`/children/${created.body.id}`);
    await social.get('/children');
    await social.patch(`/children/${created.body.id}`, { givenName: 'Kunthear', parentalStatus: 'no_living_parent' });
    const events = (await t.admin.get(`/audit-events?entityType=child&actorId=${social.userId}&limit=200`)).body.items;
    const actions = events.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['child.create', 'child.read', 'child.list', 'child.update']));
    const update = events.find((e: { action: string }) => e.action === 'child.update');
    expect(update.changes).toEqual({ givenName: 'changed', parentalStatus: { from: 'one_parent_living', to: 'no_living_parent' } });
    const all = JSON.stringify((await t.admin.get('/audit-events?limit=200')).body);
    for (const secret of ['Kunthea', 'Srey Neang', 'ស្រីនាង', '2012-12-12', '2014-09-02']) expect(all).not.toContain(secret);
  });

  it('never writes names, dates of birth or tokens to the logs', async () => {
    await social.post('/children', { ...sreyNeang, dateOfBirth: '2014-09-03', confirmNotDuplicate: true });
    await social.get('/children');
    const text = logs.join('\n');
    expect(text).toContain('POST /api/v1/children 201');
    for (const secret of ['Srey Neang', 'Kunthea', 'ស្រីនាង', '2014-09-02', '2014-09-03', social.token!]) expect(text).not.toContain(secret);
  });

  it('refuses a birth date in the future', async () => {
    const response = await social.post('/children', aChild({ dateOfBirth: '2099-01-01' }));
    expect(response.body).toMatchObject({ status: 422, code: 'GUARD_FAILED', guard: 'date_of_birth_not_in_future' });
  });

  it('shows a child with no episode yet only to the agency or provinces of whoever registered it', async () => {
    const agency = await createAgency(t.admin);
    const ngo = await t.asUser('ngo_worker', { agencyId: agency });
    const otherNgo = await t.asUser('ngo_worker', { agencyId: await createAgency(t.admin) });
    const elsewhere = await t.asUser('social_worker', { provinceCodes: ['17'] });
    const child = await ngo.post('/children', aChild());
    expect((await ngo.get(`/children/${child.body.id}`)).status).toBe(200);
    expect((await otherNgo.get(`/children/${child.body.id}`)).status).toBe(404);
    expect((await elsewhere.get(`/children/${child.body.id}`)).status).toBe(404);
    const mine = await social.post('/children', aChild());
    expect((await elsewhere.get(`/children/${mine.body.id}`)).status).toBe(404);
    expect((await ngo.get(`/children/${mine.body.id}`)).status).toBe(404);
  });
});
