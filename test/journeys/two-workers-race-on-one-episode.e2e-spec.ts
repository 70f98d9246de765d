import { admission, authorizedFacility, createAgency, referral } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

describe('two workers act on one episode at the same moment', () => {
  let t: TestApp;
  let socialA: ApiClient;
  let socialB: ApiClient;
  let agencyId: string;
  let facilityId: string;
  beforeAll(async () => {
    t = await startTestApp();
    socialA = await t.asUser('social_worker', { provinceCodes: ['02'] });
    socialB = await t.asUser('social_worker', { provinceCodes: ['02'] });
    agencyId = await createAgency(t.admin, { type: 'government' });
    facilityId = (await authorizedFacility(await t.asUser('inspector'), await createAgency(t.admin), { capacity: 500 })).id;
  });
  afterAll(() => t.close());

  it('lets exactly one of admit and closeAtAssessment win, every time, with a consistent history', async () => {
    const rounds = 25;
    let admittedWins = 0;
    for (let round = 0; round < rounds; round++) {
      const episode = await referral(socialA, agencyId);
      await socialA.post(`/care-episodes/${episode.id}/startAssessment`, {});
      const [admit, close] = await Promise.all([
        socialA.post(`/care-episodes/${episode.id}/admit`, admission(facilityId)),
        socialB.post(`/care-episodes/${episode.id}/closeAtAssessment`, { reason: 'stays with grandmother' }),
      ]);
      expect([admit.status, close.status].sort()).toEqual([200, 409]);
      const loser = admit.status === 409 ? admit : close;
      expect(loser.body.code).toBe('TRANSITION_NOT_ALLOWED');

      const final = (await socialA.get(`/care-episodes/${episode.id}`)).body;
      const events = (await socialA.get(`/care-episodes/${episode.id}/events`)).body.items;
      expect(events).toHaveLength(3);
      expect(events[2].toStatus).toBe(final.status);
      if (admit.status === 200) {
        admittedWins++;
        expect(final).toMatchObject({ status: 'residential_care', facilityId });
      } else {
        expect(final).toMatchObject({ status: 'closed', facilityId: null });
      }
    }
    const residents = (await t.db.query(`SELECT count(*)::int AS n FROM care_episodes WHERE facility_id = $1`, [facilityId]))[0].n;
    expect(residents).toBe(admittedWins);
  });

  it('never gives one child two open episodes, even when two referrals race', async () => {
    for (let round = 0; round < 10; round++) {
      const first = await referral(socialA, agencyId);
      await socialA.post(`/care-episodes/${first.id}/closeAtAssessment`, { reason: 'no protection need' });
      const body = { childId: first.childId, responsibleAgencyId: agencyId, provinceCode: '02', reasons: ['other'] };
      const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
      const answers = await Promise.all([
        socialA.post('/care-episodes', { ...body, referredOn: today }),
        socialB.post('/care-episodes', { ...body, referredOn: today }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
      const open = (await t.db.query(`SELECT count(*)::int AS n FROM care_episodes WHERE child_id = $1 AND status <> 'closed'`, [first.childId]))[0].n;
      expect(open).toBe(1);
    }
  });

  it('refuses a stale If-Match on an action', async () => {
    const episode = await referral(socialA, agencyId);
    const etag = (await socialA.get(`/care-episodes/${episode.id}`)).headers.etag;
    await socialB.post(`/care-episodes/${episode.id}/startAssessment`, {});
    const stale = await socialA.post(`/care-episodes/${episode.id}/closeAtAssessment`, { reason: 'no need' }, { 'If-Match': etag });
    expect(stale.status).toBe(412);
  });

  it('replays a retried action with the same Idempotency-Key instead of failing it', async () => {
    const episode = await referral(socialA, agencyId);
    const first = await socialA.post(`/care-episodes/${episode.id}/startAssessment`, {}, { 'Idempotency-Key': `assess-${episode.id}` });
    const retry = await socialA.post(`/care-episodes/${episode.id}/startAssessment`, {}, { 'Idempotency-Key': `assess-${episode.id}` });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect((await socialA.get(`/care-episodes/${episode.id}/events`)).body.items).toHaveLength(2);
  });
});
