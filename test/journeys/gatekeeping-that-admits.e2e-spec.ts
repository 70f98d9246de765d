import { admission, authorizedFacility, createAgency, daysFromToday, referral } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

describe('gatekeeping that admits a child to residential care, as a last resort', () => {
  let t: TestApp;
  let social: ApiClient;
  let inspector: ApiClient;
  let agencyId: string;
  let facilityId: string;
  beforeAll(async () => {
    t = await startTestApp();
    social = await t.asUser('social_worker', { provinceCodes: ['02'] });
    inspector = await t.asUser('inspector', { provinceCodes: ['02'] });
    agencyId = await createAgency(t.admin, { type: 'government', name: 'DoSVY Battambang' });
    facilityId = (await authorizedFacility(inspector, await createAgency(t.admin), { capacity: 2 })).id;
  });
  afterAll(() => t.close());

  it('refers, assesses and admits, with the decision recorded and the facility’s residents counted', async () => {
    const episode = await referral(social, agencyId);
    expect(episode).toMatchObject({ status: 'referred', allowedActions: ['startAssessment', 'amendReasons', 'closeAtAssessment', 'requestHandover'] });
    const assessed = await social.post(`/care-episodes/${episode.id}/startAssessment`, { occurredOn: daysFromToday(-20) });
    expect(assessed.body).toMatchObject({ status: 'assessment', lastEventOn: daysFromToday(-20) });

    const admitted = await social.post(`/care-episodes/${episode.id}/admit`, admission(facilityId, { occurredOn: daysFromToday(-10) }));
    expect(admitted.status).toBe(200);
    expect(admitted.body).toMatchObject({
      status: 'residential_care',
      facilityId,
      provinceCode: '02',
      residentialSince: daysFromToday(-10),
      reviewOverdue: false,
      allowedActions: ['transfer', 'startReintegration', 'close', 'recordReview', 'requestHandover'],
    });
    expect((await inspector.get(`/facilities/${facilityId}`)).body.residents).toBe(1);

    const events = (await social.get(`/care-episodes/${episode.id}/events`)).body.items;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['refer', 'startAssessment', 'admit']);
    expect(events[2]).toMatchObject({
      fromStatus: 'assessment',
      toStatus: 'residential_care',
      occurredOn: daysFromToday(-10),
      actorId: social.userId,
      actorRole: 'social_worker',
      facilityId,
      payload: { justification: expect.any(String), alternativesConsidered: expect.any(Array) },
    });
  });

  it('refuses admission when poverty is the only reason', async () => {
    const episode = await referral(social, agencyId, { episode: { reasons: ['poverty'] } });
    await social.post(`/care-episodes/${episode.id}/startAssessment`, {});
    const refused = await social.post(`/care-episodes/${episode.id}/admit`, admission(facilityId));
    expect(refused.body).toMatchObject({ status: 422, code: 'GUARD_FAILED', guard: 'poverty_alone_is_not_a_reason' });
  });

  it('refuses admission of a child under 3 without an exceptional justification', async () => {
    const episode = await referral(social, agencyId, { child: { dateOfBirth: daysFromToday(-400) } });
    await social.post(`/care-episodes/${episode.id}/startAssessment`, {});
    expect((await social.post(`/care-episodes/${episode.id}/admit`, admission(facilityId))).body.guard).toBe('under_3_exceptional_justification');
  });

  it('refuses admission unless every family-based option was considered', async () => {
    const episode = await referral(social, agencyId);
    await social.post(`/care-episodes/${episode.id}/startAssessment`, {});
    const body = admission(facilityId);
    body.alternativesConsidered = body.alternativesConsidered.filter((a) => a.option !== 'foster_care');
    expect((await social.post(`/care-episodes/${episode.id}/admit`, body)).body.guard).toBe('family_based_options_considered');
  });

  it('refuses admission to a facility that is not authorized, and to a full one', async () => {
    const suspended = (await authorizedFacility(inspector, await createAgency(t.admin))).id;
    await inspector.post(`/facilities/${suspended}/suspend`, { reason: 'serious concerns' });
    const episode = await referral(social, agencyId);
    await social.post(`/care-episodes/${episode.id}/startAssessment`, {});
    expect((await social.post(`/care-episodes/${episode.id}/admit`, admission(suspended))).body.guard).toBe('facility_authorized');

    const small = (await authorizedFacility(inspector, await createAgency(t.admin), { capacity: 1 })).id;
    const first = await referral(social, agencyId);
    await social.post(`/care-episodes/${first.id}/startAssessment`, {});
    expect((await social.post(`/care-episodes/${first.id}/admit`, admission(small))).status).toBe(200);
    expect((await inspector.get(`/facilities/${small}`)).body.residents).toBe(1);
    expect((await social.post(`/care-episodes/${episode.id}/admit`, admission(small))).body.guard).toBe('facility_below_capacity');
  });

  it('keeps the registry’s “no child resident” guards honest', async () => {
    const home = (await authorizedFacility(inspector, await createAgency(t.admin))).id;
    const episode = await referral(social, agencyId);
    await social.post(`/care-episodes/${episode.id}/startAssessment`, {});
    await social.post(`/care-episodes/${episode.id}/admit`, admission(home));
    const closing = await inspector.post(`/facilities/${home}/close`, { reason: 'planned closure' });
    expect(closing.body).toMatchObject({ status: 422, guard: 'no_child_resident' });
  });

  it('refuses dates in the future or before the previous event', async () => {
    const episode = await referral(social, agencyId);
    const future = await social.post(`/care-episodes/${episode.id}/startAssessment`, { occurredOn: daysFromToday(1) });
    expect(future.body.guard).toBe('occurred_on_not_in_future');
    const early = await social.post(`/care-episodes/${episode.id}/startAssessment`, { occurredOn: daysFromToday(-31) });
    expect(early.body.guard).toBe('occurred_on_not_before_previous_event');
  });

  it('records a care plan review and lists episodes whose review is overdue', async () => {
    const episode = await referral(social, agencyId, { episode: { referredOn: daysFromToday(-200) } });
    await social.post(`/care-episodes/${episode.id}/startAssessment`, { occurredOn: daysFromToday(-190) });
    const other = (await authorizedFacility(inspector, await createAgency(t.admin), { capacity: 5 })).id;
    const admitted = await social.post(`/care-episodes/${episode.id}/admit`, admission(other, { occurredOn: daysFromToday(-180) }));
    expect(admitted.body.reviewOverdue).toBe(true);
    const overdue = (await social.get('/care-episodes?overdueReview=true&limit=200')).body.items.map((e: { id: string }) => e.id);
    expect(overdue).toContain(episode.id);

    const review = await social.post(`/care-episodes/${episode.id}/reviews`, { reviewedOn: daysFromToday(-1), summary: 'Plan reviewed with the child.' });
    expect(review.status).toBe(201);
    const after = (await social.get(`/care-episodes/${episode.id}`)).body;
    expect(after).toMatchObject({ lastReviewOn: daysFromToday(-1), reviewOverdue: false });
    expect((await social.get('/care-episodes?overdueReview=true&limit=200')).body.items.map((e: { id: string }) => e.id)).not.toContain(episode.id);
    expect((await social.get(`/care-episodes/${episode.id}/reviews`)).body.items).toHaveLength(1);
  });

  it('transfers a child to another authorized facility with room', async () => {
    const episode = await referral(social, agencyId);
    await social.post(`/care-episodes/${episode.id}/startAssessment`, {});
    const first = (await authorizedFacility(inspector, await createAgency(t.admin))).id;
    const second = (await authorizedFacility(inspector, await createAgency(t.admin))).id;
    await social.post(`/care-episodes/${episode.id}/admit`, admission(first));
    expect((await social.post(`/care-episodes/${episode.id}/transfer`, { facilityId: first, reason: 'same' })).body.guard).toBe('transfer_to_another_facility');
    const moved = await social.post(`/care-episodes/${episode.id}/transfer`, { facilityId: second, reason: 'closer to school' });
    expect(moved.body).toMatchObject({ status: 'residential_care', facilityId: second });
    expect((await inspector.get(`/facilities/${first}`)).body.residents).toBe(0);
    expect((await inspector.get(`/facilities/${second}`)).body.residents).toBe(1);
  });
});

describe('lists of children and episodes a provincial office works from', () => {
  let t: TestApp;
  let social: ApiClient;
  beforeAll(async () => {
    t = await startTestApp();
    social = await t.asUser('social_worker', { provinceCodes: ['02'] });
  });
  afterAll(() => t.close());

  it('filters children and episodes by status, facility, agency and overdue review', async () => {
    const inspector = await t.asUser('inspector');
    const agencyA = await createAgency(t.admin);
    const agencyB = await createAgency(t.admin);
    const facility = (await authorizedFacility(inspector, await createAgency(t.admin))).id;
    const admitted = await referral(social, agencyA, { episode: { referredOn: daysFromToday(-150) } });
    await social.post(`/care-episodes/${admitted.id}/startAssessment`, { occurredOn: daysFromToday(-140) });
    await social.post(`/care-episodes/${admitted.id}/admit`, admission(facility, { occurredOn: daysFromToday(-130) }));
    const waiting = await referral(social, agencyB);

    const ids = (body: { items: { id: string }[] }) => body.items.map((x) => x.id);
    expect(ids((await social.get(`/care-episodes?facilityId=${facility}`)).body)).toEqual([admitted.id]);
    expect(ids((await social.get('/care-episodes?status=referred')).body)).toEqual([waiting.id]);
    expect(ids((await social.get(`/care-episodes?agencyId=${agencyB}`)).body)).toEqual([waiting.id]);
    expect(ids((await social.get('/care-episodes?overdueReview=true')).body)).toEqual([admitted.id]);
    expect(ids((await social.get(`/children?facilityId=${facility}`)).body)).toEqual([admitted.childId]);
    expect(ids((await social.get('/children?status=referred')).body)).toEqual([waiting.childId]);
    expect(ids((await social.get('/children?overdueReview=true')).body)).toEqual([admitted.childId]);
    expect((await social.get('/children?status=nonsense')).status).toBe(400);
  });
});
