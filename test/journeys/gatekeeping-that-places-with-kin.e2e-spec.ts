import { createAgency, daysFromToday, goodVisit, referral } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

describe('gatekeeping that places a child with kin directly, never entering residential care', () => {
  let t: TestApp;
  let social: ApiClient;
  let ngo: ApiClient;
  let ngoAgency: string;
  beforeAll(async () => {
    t = await startTestApp();
    social = await t.asUser('social_worker', { provinceCodes: ['02', '17'] });
    ngoAgency = await createAgency(t.admin, { name: 'Kinship Cambodia' });
    ngo = await t.asUser('ngo_worker', { agencyId: ngoAgency });
  });
  afterAll(() => t.close());

  it('places the child with an aunt in another province, where the case is then managed', async () => {
    const episode = await referral(ngo, ngoAgency, { episode: { reasons: ['parental_migration'] } });
    expect((await ngo.post(`/care-episodes/${episode.id}/startAssessment`, {})).status).toBe(403);
    // The social worker sees the case because it is managed in province 02.
    await social.post(`/care-episodes/${episode.id}/startAssessment`, { occurredOn: daysFromToday(-25) });
    const fromAssessment = await ngo.post(`/care-episodes/${episode.id}/placeInFamily`, {
      placementType: 'kinship_care',
      carerName: 'Sok Chea',
      provinceCode: '17',
    });
    expect(fromAssessment.body).toMatchObject({ status: 409, code: 'TRANSITION_NOT_ALLOWED' });

    const placed = await social.post(`/care-episodes/${episode.id}/placeInFamily`, {
      occurredOn: daysFromToday(-20),
      placementType: 'kinship_care',
      carerName: 'Sok Chea',
      carerRelationship: 'maternal aunt',
      provinceCode: '17',
    });
    expect(placed.status).toBe(200);
    expect(placed.body).toMatchObject({
      status: 'family_based_care',
      placementType: 'kinship_care',
      provinceCode: '17',
      facilityId: null,
      placedOn: daysFromToday(-20),
      visitsSincePlacement: 0,
      allowedActions: ['changePlacement', 'reportBreakdown', 'close', 'recordFollowUpVisit', 'requestHandover'],
    });
    const events = (await ngo.get(`/care-episodes/${episode.id}/events`)).body.items;
    expect(events.map((e: { toStatus: string }) => e.toStatus)).toEqual(['referred', 'assessment', 'family_based_care']);
    expect(events.some((e: { toStatus: string }) => e.toStatus === 'residential_care')).toBe(false);
  });

  it('tracks follow-up visits: due 1, 2 and 3 months after placement, overdue when missed', async () => {
    const episode = await referral(ngo, ngoAgency, { episode: { referredOn: daysFromToday(-120) } });
    await social.post(`/care-episodes/${episode.id}/startAssessment`, { occurredOn: daysFromToday(-115) });
    const placed = await social.post(`/care-episodes/${episode.id}/placeInFamily`, {
      occurredOn: daysFromToday(-100),
      placementType: 'kinship_care',
      carerName: 'Heng Sopheap',
      provinceCode: '02',
    });
    expect(placed.body.visitOverdue).toBe(true);
    expect((await ngo.get('/care-episodes?overdueVisit=true&limit=200')).body.items.map((e: { id: string }) => e.id)).toContain(episode.id);

    const visit = await ngo.post(`/care-episodes/${episode.id}/follow-up-visits`, goodVisit(daysFromToday(-5)));
    expect(visit.status).toBe(201);
    expect(visit.body.ratedWell).toBe(true);
    const after = (await ngo.get(`/care-episodes/${episode.id}`)).body;
    expect(after).toMatchObject({ visitsSincePlacement: 1, lastVisitOn: daysFromToday(-5) });
    expect(after.nextVisitDue > placed.body.nextVisitDue).toBe(true);

    const early = await ngo.post(`/care-episodes/${episode.id}/follow-up-visits`, goodVisit(daysFromToday(-101)));
    expect(early.body).toMatchObject({ status: 422, code: 'GUARD_FAILED', guard: 'visited_on_not_before_placement' });
    const future = await ngo.post(`/care-episodes/${episode.id}/follow-up-visits`, goodVisit(daysFromToday(1)));
    expect(future.body).toMatchObject({ status: 422, code: 'GUARD_FAILED', guard: 'visited_on_not_in_future' });
    const badRating = await ngo.post(`/care-episodes/${episode.id}/follow-up-visits`, { ...goodVisit(daysFromToday(-1)), ratings: { safety: 5 } });
    expect(badRating.status).toBe(400);
    const { ratings: _ratings, ...unrated } = goodVisit(daysFromToday(-1));
    for (const ratings of [undefined, [], {}]) {
      const refused = await ngo.post(`/care-episodes/${episode.id}/follow-up-visits`, { ...unrated, ratings });
      expect([refused.status, refused.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await ngo.get(`/care-episodes/${episode.id}/follow-up-visits`)).body.items).toHaveLength(1);
    expect((await ngo.get(`/care-episodes/${episode.id}`)).body.visitsSincePlacement).toBe(1);
  });

  it('closes at assessment when the child can stay home with support', async () => {
    const episode = await referral(ngo, ngoAgency);
    const closed = await social.post(`/care-episodes/${episode.id}/closeAtAssessment`, { reason: 'stays home with a family support package' });
    expect(closed.body).toMatchObject({ status: 'closed', closedOn: daysFromToday(0), allowedActions: [] });
    // The child may be referred again later: only one open episode at a time.
    const again = await ngo.post('/care-episodes', { childId: episode.childId, responsibleAgencyId: ngoAgency, provinceCode: '02', referredOn: daysFromToday(0), reasons: ['other'] });
    expect(again.status).toBe(201);
    const third = await ngo.post('/care-episodes', { childId: episode.childId, responsibleAgencyId: ngoAgency, provinceCode: '02', referredOn: daysFromToday(0), reasons: ['other'] });
    expect(third.body).toMatchObject({ status: 409, code: 'OPEN_EPISODE_EXISTS' });
  });
});
