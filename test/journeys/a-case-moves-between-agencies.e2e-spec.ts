import { admission, authorizedFacility, createAgency, daysFromToday, goodVisit, referral } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

const D = daysFromToday;

describe('a case moves between agencies, and the scope moves with it', () => {
  let t: TestApp;
  let social: ApiClient;
  let ngoA: ApiClient;
  let ngoB: ApiClient;
  let agencyA: string;
  let agencyB: string;
  let facilityId: string;
  beforeAll(async () => {
    t = await startTestApp();
    agencyA = await createAgency(t.admin, { name: 'NGO closing its programme' });
    agencyB = await createAgency(t.admin, { name: 'NGO taking over' });
    ngoA = await t.asUser('ngo_worker', { agencyId: agencyA });
    ngoB = await t.asUser('ngo_worker', { agencyId: agencyB });
    social = await t.asUser('social_worker', { provinceCodes: ['02'] });
    facilityId = (await authorizedFacility(await t.asUser('inspector'), await createAgency(t.admin))).id;
  });
  afterAll(() => t.close());

  const inResidentialCare = async (responsible: string, by: ApiClient) => {
    const episode = await referral(by, responsible, { episode: { referredOn: D(-60) } });
    await social.post(`/care-episodes/${episode.id}/startAssessment`, { occurredOn: D(-50) });
    await social.post(`/care-episodes/${episode.id}/admit`, admission(facilityId, { occurredOn: D(-40) }));
    return episode;
  };

  it('hands a case from one NGO to another, which accepts it: the new NGO acts, the former one no longer sees it', async () => {
    const episode = await inResidentialCare(agencyA, ngoA);
    expect((await ngoB.get(`/care-episodes/${episode.id}`)).status).toBe(404);

    const requested = await ngoA.post(`/care-episodes/${episode.id}/requestHandover`, { toAgencyId: agencyB, reason: 'Our programme in Battambang closes', occurredOn: D(-10) });
    expect(requested.status).toBe(200);
    expect(requested.body).toMatchObject({
      status: 'residential_care',
      responsibleAgencyId: agencyA,
      pendingHandover: { fromAgencyId: agencyA, toAgencyId: agencyB, status: 'requested', requestedById: ngoA.userId, requestedOn: D(-10) },
      allowedActions: ['startReintegration', 'recordReview', 'cancelHandover'],
    });
    // While it is requested, the receiving NGO reads the case and the child, and may only answer.
    const seen = await ngoB.get(`/care-episodes/${episode.id}`);
    expect(seen.body).toMatchObject({ allowedActions: ['acceptHandover', 'declineHandover'] });
    expect((await ngoB.get(`/children/${episode.childId}`)).status).toBe(200);
    expect((await ngoB.post(`/care-episodes/${episode.id}/startReintegration`, { targetPlacementType: 'kinship_care', familyTracedOn: D(-5) })).status).toBe(403);
    expect((await ngoA.post(`/care-episodes/${episode.id}/acceptHandover`, {})).body).toMatchObject({ status: 403, reason: 'not_the_receiving_agency' });
    expect((await ngoA.post(`/care-episodes/${episode.id}/requestHandover`, { toAgencyId: agencyB, reason: 'again' })).body).toMatchObject({ status: 422, guard: 'one_handover_at_a_time' });

    const accepted = await ngoB.post(`/care-episodes/${episode.id}/acceptHandover`, { reason: 'we work in this district', occurredOn: D(-5) });
    expect(accepted.body).toMatchObject({ responsibleAgencyId: agencyB, pendingHandover: null, allowedActions: ['startReintegration', 'recordReview', 'requestHandover'] });
    expect((await ngoB.post(`/care-episodes/${episode.id}/reviews`, { reviewedOn: D(-1), summary: 'First review by the new NGO.' })).status).toBe(201);
    expect((await ngoA.get(`/care-episodes/${episode.id}`)).status).toBe(404);
    expect((await ngoA.get(`/children/${episode.childId}`)).status).toBe(404);
    expect((await ngoA.post(`/care-episodes/${episode.id}/reviews`, { reviewedOn: D(0), summary: 'Too late.' })).status).toBe(404);

    const events = (await social.get(`/care-episodes/${episode.id}/events`)).body.items;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['refer', 'startAssessment', 'admit', 'requestHandover', 'acceptHandover']);
    expect(events[3]).toMatchObject({ actorId: ngoA.userId, actorAgencyId: agencyA, reason: 'Our programme in Battambang closes', responsibleAgencyId: agencyA, occurredOn: D(-10) });
    expect(events[4]).toMatchObject({ actorId: ngoB.userId, actorAgencyId: agencyB, reason: 'we work in this district', responsibleAgencyId: agencyB, fromStatus: 'residential_care', toStatus: 'residential_care' });
    expect(events[4].payload).toMatchObject({ fromAgencyId: agencyA, toAgencyId: agencyB });
  });

  it('keeps the case where it was when the receiving agency declines, or the requesting side cancels', async () => {
    const declined = await inResidentialCare(agencyA, ngoA);
    await ngoA.post(`/care-episodes/${declined.id}/requestHandover`, { toAgencyId: agencyB, reason: 'programme closing' });
    const no = await ngoB.post(`/care-episodes/${declined.id}/declineHandover`, { reason: 'no caseworker free in that district' });
    expect(no.body).toMatchObject({ responsibleAgencyId: agencyA, pendingHandover: null });
    expect((await ngoB.get(`/care-episodes/${declined.id}`)).status).toBe(404);
    expect((await ngoA.get(`/care-episodes/${declined.id}`)).body.allowedActions).toContain('requestHandover');

    const cancelled = await inResidentialCare(agencyA, ngoA);
    await ngoA.post(`/care-episodes/${cancelled.id}/requestHandover`, { toAgencyId: agencyB, reason: 'programme closing' });
    expect((await ngoB.post(`/care-episodes/${cancelled.id}/cancelHandover`, {})).body).toMatchObject({ status: 403, reason: 'not_your_agency_case' });
    const withdrawn = await ngoA.post(`/care-episodes/${cancelled.id}/cancelHandover`, { reason: 'funding renewed' });
    expect(withdrawn.body).toMatchObject({ responsibleAgencyId: agencyA, pendingHandover: null });
    expect((await ngoB.post(`/care-episodes/${cancelled.id}/acceptHandover`, {})).status).toBe(404);
    const actions = (await social.get(`/care-episodes/${cancelled.id}/events`)).body.items.map((e: { action: string }) => e.action);
    expect(actions.slice(-2)).toEqual(['requestHandover', 'cancelHandover']);
    expect((await ngoA.post(`/care-episodes/${cancelled.id}/requestHandover`, { toAgencyId: agencyA, reason: 'to ourselves' })).body.guard).toBe('receiving_agency_is_not_current');
  });

  it('lets the former agency read a case it handed over while the child lives in its facility, and offers it nothing', async () => {
    const operator = await createAgency(t.admin, { name: 'NGO running the home' });
    const ngoOperator = await t.asUser('ngo_worker', { agencyId: operator });
    const home = (await authorizedFacility(await t.asUser('inspector'), operator)).id;
    const episode = await referral(ngoOperator, operator, { episode: { referredOn: D(-30) } });
    await social.post(`/care-episodes/${episode.id}/startAssessment`, { occurredOn: D(-25) });
    await social.post(`/care-episodes/${episode.id}/admit`, admission(home, { occurredOn: D(-20) }));
    await ngoOperator.post(`/care-episodes/${episode.id}/requestHandover`, { toAgencyId: agencyB, reason: 'reintegration is B’s work' });
    await ngoB.post(`/care-episodes/${episode.id}/acceptHandover`, {});
    const read = await ngoOperator.get(`/care-episodes/${episode.id}`);
    expect(read.body).toMatchObject({ responsibleAgencyId: agencyB, allowedActions: [] });
    const refused = await ngoOperator.post(`/care-episodes/${episode.id}/startReintegration`, { targetPlacementType: 'kinship_care', familyTracedOn: D(-1) });
    expect(refused.body).toMatchObject({ status: 403, code: 'FORBIDDEN', reason: 'not_your_agency_case' });
  });

  it('puts a handover offered to an NGO on its worklist, and not on the offering side’s', async () => {
    const episode = await inResidentialCare(agencyA, ngoA);
    const requested = await ngoA.post(`/care-episodes/${episode.id}/requestHandover`, { toAgencyId: agencyB, reason: 'programme closing', occurredOn: D(-20) });
    const handoverId = requested.body.pendingHandover?.id ?? (await t.db.query(`SELECT id FROM case_handovers WHERE episode_id = $1`, [episode.id]))[0].id;
    const offered = (await ngoB.get('/worklist?kind=handover_waiting')).body.items;
    // Two weeks to answer from the request: six days overdue.
    expect(offered).toContainEqual(expect.objectContaining({ kind: 'handover_waiting', entityType: 'case_handover', entityId: handoverId, dueOn: D(-6), overdue: true }));
    expect((await ngoA.get('/worklist?kind=handover_waiting')).body.items.some((i: { entityId: string }) => i.entityId === handoverId)).toBe(false);
    await ngoA.post(`/care-episodes/${episode.id}/cancelHandover`, {});
    expect((await ngoB.get('/worklist?kind=handover_waiting')).body.items.some((i: { entityId: string }) => i.entityId === handoverId)).toBe(false);
  });

  it('lets exactly one of a concurrent accept and cancel win, every time', async () => {
    for (let round = 0; round < 8; round++) {
      const episode = await inResidentialCare(agencyA, ngoA);
      await ngoA.post(`/care-episodes/${episode.id}/requestHandover`, { toAgencyId: agencyB, reason: 'programme closing' });
      const [accept, cancel] = await Promise.all([
        ngoB.post(`/care-episodes/${episode.id}/acceptHandover`, {}),
        ngoA.post(`/care-episodes/${episode.id}/cancelHandover`, {}),
      ]);
      const statuses = [accept.status, cancel.status].sort();
      expect([round, statuses]).toEqual([round, accept.status === 200 ? [200, 404] : [200, 409]]);
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM care_episode_events WHERE episode_id = $1 AND action IN ('acceptHandover', 'cancelHandover')`, [episode.id]);
      expect(count).toBe(1);
    }
  });

  it('corrects a referral made for poverty alone once the assessment finds abuse, and then admits', async () => {
    const episode = await referral(social, agencyA, { episode: { reasons: ['poverty'], referredOn: D(-20) } });
    await social.post(`/care-episodes/${episode.id}/startAssessment`, { occurredOn: D(-15) });
    expect((await social.post(`/care-episodes/${episode.id}/admit`, admission(facilityId))).body.guard).toBe('poverty_alone_is_not_a_reason');
    expect((await ngoA.post(`/care-episodes/${episode.id}/amendReasons`, { reasons: ['poverty', 'abuse_or_neglect'], note: 'found at the home visit' })).status).toBe(403);
    const amended = await social.post(`/care-episodes/${episode.id}/amendReasons`, { reasons: ['poverty', 'abuse_or_neglect'], note: 'The home visit found signs of abuse.', occurredOn: D(-10) });
    expect(amended.body).toMatchObject({ status: 'assessment', reasons: ['poverty', 'abuse_or_neglect'] });
    expect((await social.post(`/care-episodes/${episode.id}/amendReasons`, { reasons: ['abuse_or_neglect', 'poverty'], note: 'same again' })).body.guard).toBe('reasons_changed');
    expect((await social.post(`/care-episodes/${episode.id}/admit`, admission(facilityId, { occurredOn: D(-5) }))).body.status).toBe('residential_care');
    const event = (await social.get(`/care-episodes/${episode.id}/events`)).body.items.find((e: { action: string }) => e.action === 'amendReasons');
    expect(event).toMatchObject({ reason: 'The home visit found signs of abuse.', payload: { reasons: ['poverty', 'abuse_or_neglect'], previousReasons: ['poverty'] }, occurredOn: D(-10) });
  });

  it('names the acting agency on events, a social worker’s office included', async () => {
    const office = await createAgency(t.admin, { type: 'government', name: 'DoSVY Battambang' });
    const officer = await t.asUser('social_worker', { provinceCodes: ['02'], agencyId: office });
    const episode = await referral(officer, agencyA);
    await officer.post(`/care-episodes/${episode.id}/startAssessment`, {});
    const events = (await officer.get(`/care-episodes/${episode.id}/events`)).body.items;
    expect(events.map((e: { actorAgencyId: string }) => e.actorAgencyId)).toEqual([office, office]);
    const ngoOffice = await t.admin.post('/users', { username: 'sw.with.ngo', password: 'a-long-passphrase-here', displayName: 'x', role: 'social_worker', provinceCodes: ['02'], agencyId: agencyA });
    expect(ngoOffice.body).toMatchObject({ status: 400, errors: [{ field: 'agencyId' }] });
  });
});

describe('allowedActions tells the truth: every action listed for a caller is not refused for its role or whose case it is', () => {
  let t: TestApp;
  const FUTURE = D(5);
  it('holds for every role in every state, over a built world', async () => {
    t = await startTestApp();
    const agencyA = await createAgency(t.admin);
    const agencyB = await createAgency(t.admin);
    const agencyC = await createAgency(t.admin);
    const social = await t.asUser('social_worker', { provinceCodes: ['02'] });
    const inspector = await t.asUser('inspector');
    const facility = (await authorizedFacility(inspector, agencyB)).id;
    const other = (await authorizedFacility(inspector, agencyB)).id;
    const callers: Record<string, ApiClient> = {
      admin: t.admin,
      social,
      ngoResponsible: await t.asUser('ngo_worker', { agencyId: agencyA }),
      ngoOperator: await t.asUser('ngo_worker', { agencyId: agencyB }),
      ngoReceiving: await t.asUser('ngo_worker', { agencyId: agencyC }),
      inspector: await t.asUser('inspector', { provinceCodes: ['02'] }),
    };
    const act = (id: string, action: string, body: object) => social.post(`/care-episodes/${id}/${action}`, body);
    const world: Record<string, string> = {};
    const make = async (name: string, steps: [string, object][]) => {
      const e = await referral(social, agencyA, { episode: { referredOn: D(-200) } });
      for (const [action, body] of steps) {
        const done = await act(e.id, action, body);
        if (done.status !== 200) throw new Error(`${name} ${action}: ${JSON.stringify(done.body)}`);
      }
      world[name] = e.id;
    };
    const assessed: [string, object] = ['startAssessment', { occurredOn: D(-190) }];
    const admitted: [string, object] = ['admit', admission(facility, { occurredOn: D(-180) })];
    const reintegrating: [string, object] = ['startReintegration', { targetPlacementType: 'kinship_care', familyTracedOn: D(-175), occurredOn: D(-170) }];
    const placed: [string, object] = ['placeInFamily', { placementType: 'kinship_care', carerName: 'Aunt', provinceCode: '02', familyAssessedOn: D(-165), planAgreedOn: D(-165), occurredOn: D(-160) }];
    await make('referred', []);
    await make('assessment', [assessed]);
    await make('residential_care', [assessed, admitted]);
    await make('reintegration', [assessed, admitted, reintegrating]);
    await make('family_based_care', [assessed, admitted, reintegrating, placed]);
    await make('closed', [['closeAtAssessment', { reason: 'stays home', occurredOn: D(-190) }]]);
    await make('handover_requested', [assessed, admitted, ['requestHandover', { toAgencyId: agencyC, reason: 'programme closing', occurredOn: D(-100) }]]);

    const bodies: Record<string, object> = {
      startAssessment: { occurredOn: FUTURE },
      amendReasons: { reasons: ['other'], note: 'corrected', occurredOn: FUTURE },
      admit: admission(facility, { occurredOn: FUTURE }),
      placeInFamily: { placementType: 'kinship_care', carerName: 'Aunt', provinceCode: '02', familyAssessedOn: D(-1), planAgreedOn: D(-1), occurredOn: FUTURE },
      closeAtAssessment: { reason: 'stays home', occurredOn: FUTURE },
      transfer: { facilityId: other, reason: 'closer to school', occurredOn: FUTURE },
      startReintegration: { targetPlacementType: 'kinship_care', familyTracedOn: D(-1), occurredOn: FUTURE },
      abandonReintegration: { reason: 'family withdrew', occurredOn: FUTURE },
      changePlacement: { placementType: 'foster_care', carerName: 'Foster', provinceCode: '02', previousEndReason: 'aunt moved', occurredOn: FUTURE },
      reportBreakdown: { reason: 'broke down', occurredOn: FUTURE },
      close: { reason: 'other', occurredOn: FUTURE },
      requestHandover: { toAgencyId: agencyB, reason: 'programme closing', occurredOn: FUTURE },
      acceptHandover: { occurredOn: FUTURE },
      declineHandover: { occurredOn: FUTURE },
      cancelHandover: { occurredOn: FUTURE },
    };
    const call = (client: ApiClient, id: string, action: string) =>
      action === 'recordReview'
        ? client.post(`/care-episodes/${id}/reviews`, { reviewedOn: FUTURE, summary: 'a review' })
        : action === 'recordFollowUpVisit'
          ? client.post(`/care-episodes/${id}/follow-up-visits`, goodVisit(FUTURE))
          : client.post(`/care-episodes/${id}/${action}`, bodies[action]);

    const checked: string[] = [];
    const untrue: string[] = [];
    for (const [who, client] of Object.entries(callers)) {
      for (const [state, id] of Object.entries(world)) {
        const read = await client.get(`/care-episodes/${id}`);
        if (read.status !== 200) continue;
        for (const action of read.body.allowedActions as string[]) {
          const answer = await call(client, id, action);
          checked.push(`${who} ${state} ${action}`);
          // Everything listed passes role and responsibility; only the future date refuses it.
          if (answer.status !== 422 || !/_not_in_future$/.test(answer.body.guard)) untrue.push(`${who} in ${state}: ${action} → ${answer.status} ${answer.body.code} ${answer.body.guard ?? answer.body.reason ?? ''}`);
        }
      }
    }
    expect(untrue).toEqual([]);
    expect(checked.length).toBeGreaterThan(40);
    // The operator NGO reads the cases in its facility, but none of their actions are offered to it.
    expect((await callers.ngoOperator.get(`/care-episodes/${world.residential_care}`)).body.allowedActions).toEqual([]);
    expect((await callers.inspector.get(`/care-episodes/${world.residential_care}`)).body.allowedActions).toEqual([]);
    expect((await callers.ngoReceiving.get(`/care-episodes/${world.handover_requested}`)).body.allowedActions).toEqual(['acceptHandover', 'declineHandover']);
    await t.close();
  });
});
