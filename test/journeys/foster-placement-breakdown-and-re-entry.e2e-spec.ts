import { admission, authorizedFacility, createAgency, daysFromToday, referral } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

describe('a foster placement, a change of carer, a breakdown and a re-entry', () => {
  let t: TestApp;
  let social: ApiClient;
  let ngo: ApiClient;
  let ngoAgency: string;
  beforeAll(async () => {
    t = await startTestApp();
    social = await t.asUser('social_worker', { provinceCodes: ['02'] });
    ngoAgency = await createAgency(t.admin, { name: 'Foster Families Cambodia' });
    ngo = await t.asUser('ngo_worker', { agencyId: ngoAgency });
  });
  afterAll(() => t.close());

  it('places in foster care, changes the foster family, reports a breakdown and re-assesses', async () => {
    const episode = await referral(ngo, ngoAgency, { episode: { reasons: ['abandonment'], referredOn: daysFromToday(-90) } });
    await social.post(`/care-episodes/${episode.id}/startAssessment`, { occurredOn: daysFromToday(-85) });
    await social.post(`/care-episodes/${episode.id}/placeInFamily`, {
      occurredOn: daysFromToday(-80),
      placementType: 'foster_care',
      carerName: 'Meas Sophal',
      provinceCode: '02',
    });
    const byNgo = await ngo.post(`/care-episodes/${episode.id}/changePlacement`, {
      placementType: 'foster_care',
      carerName: 'Someone Else',
      provinceCode: '02',
      previousEndReason: 'the NGO may not decide this',
    });
    expect(byNgo.status).toBe(403);
    const changed = await social.post(`/care-episodes/${episode.id}/changePlacement`, {
      occurredOn: daysFromToday(-40),
      placementType: 'foster_care',
      carerName: 'Ouk Channary',
      provinceCode: '02',
      previousEndReason: 'the foster mother fell ill',
    });
    expect(changed.body).toMatchObject({ status: 'family_based_care', carerName: 'Ouk Channary', placedOn: daysFromToday(-40), visitsSincePlacement: 0 });

    const broke = await ngo.post(`/care-episodes/${episode.id}/reportBreakdown`, { reason: 'the child ran away twice', occurredOn: daysFromToday(-10) });
    expect(broke.body).toMatchObject({ status: 'assessment', placementType: null, carerName: null });

    const events = (await social.get(`/care-episodes/${episode.id}/events`)).body.items;
    const breakdown = events.find((e: { action: string }) => e.action === 'reportBreakdown');
    expect(breakdown).toMatchObject({ fromStatus: 'family_based_care', toStatus: 'assessment', reason: 'the child ran away twice', payload: { breakdown: true, reEntry: true } });
    const change = events.find((e: { action: string }) => e.action === 'changePlacement');
    expect(change).toMatchObject({ reason: 'the foster mother fell ill', placementType: 'foster_care' });

    // Re-entry: after the breakdown, gatekeeping decides again.
    const facilityId = (await authorizedFacility(await t.asUser('inspector'), await createAgency(t.admin))).id;
    const admitted = await social.post(`/care-episodes/${episode.id}/admit`, admission(facilityId));
    expect(admitted.body.status).toBe('residential_care');
  });
});
