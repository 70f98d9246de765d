import { admission, authorizedFacility, createAgency, daysFromToday, goodVisit, referral } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

describe('from residential care through reintegration to a case closed with goals met', () => {
  let t: TestApp;
  let social: ApiClient;
  let ngo: ApiClient;
  let ngoAgency: string;
  let facilityId: string;
  beforeAll(async () => {
    t = await startTestApp();
    social = await t.asUser('social_worker', { provinceCodes: ['02'] });
    ngoAgency = await createAgency(t.admin, { name: 'Family Return' });
    ngo = await t.asUser('ngo_worker', { agencyId: ngoAgency });
    facilityId = (await authorizedFacility(await t.asUser('inspector'), await createAgency(t.admin))).id;
  });
  afterAll(() => t.close());

  it('reintegrates a child with its mother, follows up for 6 months and closes with goals met', async () => {
    // The NGO reports late: everything below happened over the past year.
    const episode = await referral(ngo, ngoAgency, { episode: { referredOn: daysFromToday(-400) } });
    await social.post(`/care-episodes/${episode.id}/startAssessment`, { occurredOn: daysFromToday(-395) });
    await social.post(`/care-episodes/${episode.id}/admit`, admission(facilityId, { occurredOn: daysFromToday(-390) }));

    const noTrace = await ngo.post(`/care-episodes/${episode.id}/startReintegration`, { targetPlacementType: 'parental_care', familyTracedOn: daysFromToday(-200), occurredOn: daysFromToday(-201) });
    expect(noTrace.body.guard).toBe('family_traced');
    const reintegrating = await ngo.post(`/care-episodes/${episode.id}/startReintegration`, {
      targetPlacementType: 'parental_care',
      familyTracedOn: daysFromToday(-260),
      occurredOn: daysFromToday(-250),
    });
    expect(reintegrating.body).toMatchObject({ status: 'reintegration', facilityId, allowedActions: ['placeInFamily', 'abandonReintegration', 'recordReview', 'requestHandover'] });

    const unprepared = await ngo.post(`/care-episodes/${episode.id}/placeInFamily`, {
      occurredOn: daysFromToday(-230),
      placementType: 'parental_care',
      carerName: 'Chan Sreymom',
      carerRelationship: 'mother',
      provinceCode: '02',
    });
    expect(unprepared.body).toMatchObject({ status: 422, guard: 'family_assessed_and_plan_agreed' });

    const placed = await ngo.post(`/care-episodes/${episode.id}/placeInFamily`, {
      occurredOn: daysFromToday(-230),
      placementType: 'parental_care',
      carerName: 'Chan Sreymom',
      carerRelationship: 'mother',
      provinceCode: '02',
      familyAssessedOn: daysFromToday(-240),
      planAgreedOn: daysFromToday(-235),
    });
    expect(placed.body).toMatchObject({ status: 'family_based_care', facilityId: null, placedOn: daysFromToday(-230) });

    const tooSoon = await social.post(`/care-episodes/${episode.id}/close`, { reason: 'goals_met', occurredOn: daysFromToday(-100) });
    expect(tooSoon.body.guard).toBe('goals_met_after_6_months_in_family');

    for (const daysAgo of [-200, -170, -140]) {
      expect((await ngo.post(`/care-episodes/${episode.id}/follow-up-visits`, goodVisit(daysFromToday(daysAgo)))).status).toBe(201);
    }
    expect((await social.post(`/care-episodes/${episode.id}/close`, { reason: 'goals_met' })).body.guard).toBe('goals_met_after_4_follow_up_visits');

    await ngo.post(`/care-episodes/${episode.id}/follow-up-visits`, goodVisit(daysFromToday(-10), { ratings: { safety: 4, health: 3, education: 2, familyRelationships: 3, economicSituation: 3, wellbeing: 3 } }));
    expect((await social.post(`/care-episodes/${episode.id}/close`, { reason: 'goals_met' })).body.guard).toBe('goals_met_last_visit_rated_well');

    await ngo.post(`/care-episodes/${episode.id}/follow-up-visits`, goodVisit(daysFromToday(-2)));
    expect((await ngo.post(`/care-episodes/${episode.id}/close`, { reason: 'goals_met' })).status).toBe(403);
    const closed = await social.post(`/care-episodes/${episode.id}/close`, { reason: 'goals_met', note: 'Back at school, family stable.' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'goals_met', closedOn: daysFromToday(0) });

    const events = (await ngo.get(`/care-episodes/${episode.id}/events`)).body.items;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['refer', 'startAssessment', 'admit', 'startReintegration', 'placeInFamily', 'close']);
    expect(events[4]).toMatchObject({ actorRole: 'ngo_worker', actorAgencyId: ngoAgency, occurredOn: daysFromToday(-230) });
    expect(new Date(events[4].recordedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('abandons a reintegration that fails, and the child stays in the facility', async () => {
    const episode = await referral(ngo, ngoAgency);
    await social.post(`/care-episodes/${episode.id}/startAssessment`, {});
    await social.post(`/care-episodes/${episode.id}/admit`, admission(facilityId));
    await ngo.post(`/care-episodes/${episode.id}/startReintegration`, { targetPlacementType: 'kinship_care', familyTracedOn: daysFromToday(0) });
    const back = await ngo.post(`/care-episodes/${episode.id}/abandonReintegration`, { reason: 'the uncle withdrew' });
    expect(back.body).toMatchObject({ status: 'residential_care', facilityId });
  });

  it('closes a case when the young person ages out at 18, not before', async () => {
    const episode = await referral(ngo, ngoAgency, { child: { dateOfBirth: daysFromToday(-(18 * 365 - 30)) } });
    await social.post(`/care-episodes/${episode.id}/startAssessment`, {});
    await social.post(`/care-episodes/${episode.id}/admit`, admission(facilityId));
    expect((await social.post(`/care-episodes/${episode.id}/close`, { reason: 'aged_out' })).body.guard).toBe('aged_out_at_18');
    expect((await social.post(`/care-episodes/${episode.id}/close`, { reason: 'transferred_out' })).body.status).toBe('closed');
  });
});
