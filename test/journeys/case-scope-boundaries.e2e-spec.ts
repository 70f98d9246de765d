import { admission, authorizedFacility, createAgency, daysFromToday, referral } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

/**
 * Every child and episode route, from each side of the scope: the responsible NGO, the NGO operating
 * the facility, another NGO, social workers in and out of the province, an inspector (read only),
 * and a planner, who never sees a child.
 */
describe('the scope boundaries of children and care episodes', () => {
  let t: TestApp;
  let episodeId: string;
  let childId: string;
  let c: Record<'ngoResponsible' | 'ngoOperator' | 'ngoOther' | 'social02' | 'social17' | 'inspector02' | 'planner', ApiClient>;

  beforeAll(async () => {
    t = await startTestApp();
    const responsible = await createAgency(t.admin, { name: 'Responsible NGO' });
    const operator = await createAgency(t.admin, { name: 'Operator NGO' });
    c = {
      ngoResponsible: await t.asUser('ngo_worker', { agencyId: responsible }),
      ngoOperator: await t.asUser('ngo_worker', { agencyId: operator }),
      ngoOther: await t.asUser('ngo_worker', { agencyId: await createAgency(t.admin) }),
      social02: await t.asUser('social_worker', { provinceCodes: ['02'] }),
      social17: await t.asUser('social_worker', { provinceCodes: ['17'] }),
      inspector02: await t.asUser('inspector', { provinceCodes: ['02'] }),
      planner: await t.asUser('planner'),
    };
    const facility = await authorizedFacility(await t.asUser('inspector'), operator);
    const episode = await referral(c.ngoResponsible, responsible);
    await c.social02.post(`/care-episodes/${episode.id}/startAssessment`, {});
    await c.social02.post(`/care-episodes/${episode.id}/admit`, admission(facility.id));
    episodeId = episode.id;
    childId = episode.childId;
  });
  afterAll(() => t.close());

  const reads: [string, (x: ApiClient) => Promise<{ status: number }>][] = [
    ['GET /children/{id}', (x) => x.get(`/children/${childId}`)],
    ['GET /care-episodes/{id}', (x) => x.get(`/care-episodes/${episodeId}`)],
    ['GET /care-episodes/{id}/events', (x) => x.get(`/care-episodes/${episodeId}/events`)],
    ['GET /care-episodes/{id}/reviews', (x) => x.get(`/care-episodes/${episodeId}/reviews`)],
    ['GET /care-episodes/{id}/follow-up-visits', (x) => x.get(`/care-episodes/${episodeId}/follow-up-visits`)],
  ];

  it.each(reads)('%s: visible in scope, 404 outside it, 403 for a planner', async (_name, call) => {
    for (const who of ['ngoResponsible', 'ngoOperator', 'social02', 'inspector02'] as const) {
      expect([who, (await call(c[who])).status]).toEqual([who, 200]);
    }
    for (const who of ['ngoOther', 'social17'] as const) {
      expect([who, (await call(c[who])).status]).toEqual([who, 404]);
    }
    expect((await call(c.planner)).status).toBe(403);
  });

  const writes: [string, (x: ApiClient) => Promise<{ status: number }>][] = [
    ['PATCH /children/{id}', (x) => x.patch(`/children/${childId}`, { birthRegistered: true })],
    ['POST /care-episodes', (x) => x.post('/care-episodes', { childId, responsibleAgencyId: '00000000-0000-4000-8000-000000000000', provinceCode: '17', referredOn: daysFromToday(0), reasons: ['other'] })],
    ['POST /care-episodes/{id}/startReintegration', (x) => x.post(`/care-episodes/${episodeId}/startReintegration`, { targetPlacementType: 'kinship_care', familyTracedOn: daysFromToday(0) })],
    ['POST /care-episodes/{id}/reviews', (x) => x.post(`/care-episodes/${episodeId}/reviews`, { reviewedOn: daysFromToday(0), summary: 'scope test' })],
    ['POST /care-episodes/{id}/follow-up-visits', (x) => x.post(`/care-episodes/${episodeId}/follow-up-visits`, { visitedOn: daysFromToday(0), visitType: 'other', childSeen: false, ratings: { safety: 3, health: 3, education: 3, familyRelationships: 3, economicSituation: 3, wellbeing: 3 } })],
  ];

  it.each(writes)('%s: 404 outside the scope, 403 for roles that never write cases', async (_name, call) => {
    for (const who of ['ngoOther', 'social17'] as const) {
      expect([who, (await call(c[who])).status]).toEqual([who, 404]);
    }
    for (const who of ['inspector02', 'planner'] as const) {
      expect([who, (await call(c[who])).status]).toEqual([who, 403]);
    }
  });

  it('keeps out-of-scope children and episodes out of every list', async () => {
    for (const who of ['ngoOther', 'social17'] as const) {
      expect(JSON.stringify((await c[who].get('/children?limit=200')).body)).not.toContain(childId);
      expect(JSON.stringify((await c[who].get('/care-episodes?limit=200')).body)).not.toContain(episodeId);
    }
    for (const who of ['ngoResponsible', 'ngoOperator', 'social02'] as const) {
      expect((await c[who].get('/care-episodes?limit=200')).body.items.map((e: { id: string }) => e.id)).toContain(episodeId);
    }
    expect((await c.planner.get('/children')).status).toBe(403);
    expect((await c.planner.get('/care-episodes')).status).toBe(403);
  });

  it('lets the responsible NGO record progress, and the operator NGO read but not decide for another agency', async () => {
    const started = await c.ngoResponsible.post(`/care-episodes/${episodeId}/startReintegration`, {
      targetPlacementType: 'kinship_care',
      familyTracedOn: daysFromToday(0),
    });
    expect(started.status).toBe(200);
    const byOperator = await c.ngoOperator.post(`/care-episodes/${episodeId}/abandonReintegration`, { reason: 'operator disagrees' });
    expect(byOperator.status).toBe(403);
    const review = await c.ngoOperator.post(`/care-episodes/${episodeId}/reviews`, { reviewedOn: daysFromToday(0), summary: 'not theirs' });
    expect(review.status).toBe(403);
    expect((await c.ngoOperator.get(`/care-episodes/${episodeId}`)).body.status).toBe('reintegration');
  });
});
