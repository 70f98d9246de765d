import { aChild, admission, authorizedFacility, createAgency, daysFromToday, referral } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

/**
 * A child's first case was NGO A's and is closed; its new case belongs to NGO B and the child lives
 * in B's facility. A still sees the child through its old case, and must learn nothing of the new one.
 */
describe('nothing leaks past the scope: not through list filters, not through duplicate checks', () => {
  let t: TestApp;
  let ngoA: ApiClient;
  let ngoB: ApiClient;
  let social: ApiClient;
  let social17: ApiClient;
  let childId: string;
  let facilityB: string;
  beforeAll(async () => {
    t = await startTestApp();
    const agencyA = await createAgency(t.admin, { name: 'NGO A' });
    const agencyB = await createAgency(t.admin, { name: 'NGO B' });
    ngoA = await t.asUser('ngo_worker', { agencyId: agencyA });
    ngoB = await t.asUser('ngo_worker', { agencyId: agencyB });
    social = await t.asUser('social_worker', { provinceCodes: ['02'] });
    social17 = await t.asUser('social_worker', { provinceCodes: ['17'] });
    facilityB = (await authorizedFacility(await t.asUser('inspector'), agencyB)).id;
    const first = await referral(ngoA, agencyA, { child: { givenName: 'Bopha', familyName: 'Meas', dateOfBirth: '2015-05-05' }, episode: { referredOn: daysFromToday(-90) } });
    childId = first.childId;
    await social.post(`/care-episodes/${first.id}/closeAtAssessment`, { occurredOn: daysFromToday(-80), reason: 'stays home with support' });
    const second = await social.post('/care-episodes', { childId, responsibleAgencyId: agencyB, provinceCode: '02', referredOn: daysFromToday(-30), reasons: ['abuse_or_neglect'] });
    await social.post(`/care-episodes/${second.body.id}/startAssessment`, { occurredOn: daysFromToday(-25) });
    await social.post(`/care-episodes/${second.body.id}/admit`, admission(facilityB, { occurredOn: daysFromToday(-20) }));
  });
  afterAll(() => t.close());

  it('lets the former NGO read the child, but no filter of its list matches the case it cannot read', async () => {
    expect((await ngoA.get(`/children/${childId}`)).status).toBe(200);
    const ids = async (client: ApiClient, query: string) => (await client.get(`/children?${query}`)).body.items.map((c: { id: string }) => c.id);
    expect(await ids(ngoA, `facilityId=${facilityB}&status=residential_care`)).toEqual([]);
    expect(await ids(ngoA, `facilityId=${facilityB}`)).toEqual([]);
    expect(await ids(ngoA, 'status=residential_care')).toEqual([]);
    expect(await ids(ngoA, 'status=closed')).toEqual([childId]);
    expect(await ids(ngoB, `facilityId=${facilityB}&status=residential_care`)).toEqual([childId]);
    expect((await ngoA.get('/care-episodes?status=residential_care')).body.items).toEqual([]);
  });

  it('answers a likely duplicate outside the caller’s scope with a count, never an id or a system code, and audits the attempt', async () => {
    const same = aChild({ givenName: 'Bopha', familyName: 'Meas', dateOfBirth: '2015-05-05', homeProvinceCode: '02' });
    const refused = await social17.post('/children', same);
    expect(refused.body).toMatchObject({ status: 409, code: 'POSSIBLE_DUPLICATE_CHILD', candidates: [], elsewhere: 1 });
    expect(JSON.stringify(refused.body)).not.toContain(childId);
    const inScope = await social.post('/children', same);
    expect(inScope.body).toMatchObject({ status: 409, candidates: [{ id: childId, systemCode: expect.stringMatching(/^CH-/) }], elsewhere: 0 });
    const attempts = (await t.admin.get(`/audit-events?action=child.possible_duplicate_refused&actorId=${social17.userId}`)).body.items;
    expect(attempts).toHaveLength(1);
    expect(attempts[0].changes).toEqual({ candidatesInScope: 0, candidatesElsewhere: 1 });
  });

  it('flags a confirmed registration for review, and lets a social worker dismiss the pair', async () => {
    const confirmed = await social.post('/children', { ...aChild({ givenName: 'Bopha', familyName: 'Meas', dateOfBirth: '2015-05-05' }), confirmNotDuplicate: true });
    expect(confirmed.status).toBe(201);
    const admin = (await t.admin.get('/possible-duplicates')).body.items;
    expect(admin).toEqual([expect.objectContaining({ childId: confirmed.body.id, candidateId: childId, status: 'open', allowedActions: ['dismiss'] })]);
    // The social worker of province 17 sees neither child, so not the pair either.
    expect((await social17.get('/possible-duplicates')).body.items).toEqual([]);
    const pair = (await social.get('/possible-duplicates')).body.items[0];
    expect(pair).toMatchObject({ childId: confirmed.body.id, candidateId: childId });
    expect((await ngoA.get('/possible-duplicates')).status).toBe(403);
    const dismissed = await social.post(`/possible-duplicates/${pair.id}/dismiss`, { note: 'different mothers, checked at the commune' });
    expect(dismissed.body).toMatchObject({ status: 'dismissed', allowedActions: [] });
    expect((await social.get('/possible-duplicates')).body.items).toEqual([]);
    expect((await social.get('/possible-duplicates?status=dismissed')).body.items).toHaveLength(1);
    expect((await social.post(`/possible-duplicates/${pair.id}/dismiss`, {})).status).toBe(409);
  });
});
