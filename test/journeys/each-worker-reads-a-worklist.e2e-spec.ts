import { activeMou, admission, allAreasRated, authorizedFacility, createAgency, createFacility, daysFromToday, referral } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

type Item = { kind: string; dueOn: string; overdue: boolean; entityType: string; entityId: string; summary: string };

/** GET /worklist: what each role should act on, soonest first, in its own scope only. */
describe('each worker reads a worklist', () => {
  let t: TestApp;
  let social: ApiClient;
  let otherProvince: ApiClient;
  let inspector: ApiClient;
  let supervisor: ApiClient;
  let planner: ApiClient;
  const D = daysFromToday;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    social = await t.asUser('social_worker', { provinceCodes: ['02'] });
    otherProvince = await t.asUser('social_worker', { provinceCodes: ['17'] });
    inspector = await t.asUser('inspector', { provinceCodes: ['02'] });
    supervisor = await t.asUser('inspector');
    planner = await t.asUser('planner');
    const agency = await createAgency(t.admin, { type: 'government' });
    const facility = (await authorizedFacility(supervisor, await createAgency(t.admin), { provinceCode: '02', capacity: 20 })).id;
    ids.facility = facility;
    const act = async (id: string, action: string, body: object) => {
      const response = await social.post(`/care-episodes/${id}/${action}`, body);
      if (response.status !== 200 && response.status !== 201) throw new Error(`${action}: ${JSON.stringify(response.body)}`);
    };
    // Placed 40 days ago, never visited: the first visit (a month after placement) is overdue.
    const placed = await referral(social, agency, { episode: { referredOn: D(-50) } });
    await act(placed.id, 'startAssessment', { occurredOn: D(-45) });
    await act(placed.id, 'placeInFamily', { occurredOn: D(-40), placementType: 'kinship_care', carerName: 'Aunt', provinceCode: '02' });
    ids.placed = placed.id;
    // Admitted 80 days ago: the review is due in about ten days.
    const admitted = await referral(social, agency, { episode: { referredOn: D(-90) } });
    await act(admitted.id, 'startAssessment', { occurredOn: D(-85) });
    await act(admitted.id, 'admit', admission(facility, { occurredOn: D(-80) }));
    ids.admitted = admitted.id;
    // Referred 10 days ago, no assessment yet: waiting since 3 days past its week.
    ids.waiting = (await referral(social, agency, { episode: { referredOn: D(-10) } })).id;
    // A case in another province, which the 02 worker must not see.
    ids.elsewhere = (await referral(otherProvince, agency, { episode: { referredOn: D(-20), provinceCode: '17' } })).id;

    // Registry work: a facility never inspected (due since it was registered), an inspection
    // submitted by the province inspector, a corrective action, and an MoU ending soon.
    ids.uninspected = (await createFacility(supervisor, await createAgency(t.admin), { provinceCode: '02' })).id;
    await supervisor.post(`/facilities/${ids.uninspected}/submitApplication`, {});
    await activeMou(supervisor, ids.uninspected, { startsOn: D(-300), signedOn: D(-300), endsOn: D(20) });
    await supervisor.post(`/facilities/${ids.uninspected}/authorize`, {});
    const inspection = (await inspector.post('/inspections', { facilityId: facility, type: 'routine', scheduledFor: D(-2) })).body;
    await inspector.post(`/inspections/${inspection.id}/submit`, {
      conductedOn: D(-2),
      ratings: allAreasRated('met', { separation_by_age_and_sex: { rating: 'not_met', note: 'one dormitory' } }),
      outcome: 'non_compliant',
      correctiveActions: [{ description: 'Separate dormitories for girls and boys', dueOn: D(15) }],
    });
    ids.inspection = inspection.id;
  });
  afterAll(() => t.close());

  const worklist = async (client: ApiClient, query = '') => {
    const response = await client.get(`/worklist${query}`);
    expect(response.status).toBe(200);
    return response.body.items as Item[];
  };
  const soonestFirst = (items: Item[]) => items.every((item, i) => i === 0 || items[i - 1].dueOn <= item.dueOn);

  it('gives a social worker the visits, reviews and referrals of their cases, soonest first', async () => {
    const items = await worklist(social);
    expect(soonestFirst(items)).toBe(true);
    expect(items.map((i) => [i.kind, i.entityId])).toEqual(
      expect.arrayContaining([
        ['visit_due', ids.placed],
        ['review_due', ids.admitted],
        ['referral_waiting', ids.waiting],
      ]),
    );
    expect(items.find((i) => i.kind === 'visit_due')).toMatchObject({ overdue: true, entityType: 'care_episode', summary: expect.stringMatching(/^Follow-up visit: CH-/) });
    expect(items.find((i) => i.kind === 'referral_waiting')).toMatchObject({ dueOn: D(-3), overdue: true });
    expect(items.find((i) => i.kind === 'review_due')?.overdue).toBe(false);
    expect(items.some((i) => i.entityId === ids.elsewhere)).toBe(false);
    expect(items.some((i) => i.kind.startsWith('inspection'))).toBe(false);
    expect((await worklist(otherProvince)).map((i) => i.entityId)).toEqual([ids.elsewhere]);
  });

  it('filters by kind and by how far ahead to look', async () => {
    expect((await worklist(social, '?kind=visit_due')).map((i) => i.kind)).toEqual(['visit_due']);
    // Overdue work stays on a list that looks no day ahead; the review due in ten days does not.
    const now = await worklist(social, '?withinDays=0');
    expect(now.map((i) => i.kind).sort()).toEqual(['referral_waiting', 'visit_due']);
    expect((await social.get('/worklist?kind=lunch')).status).toBe(400);
    expect((await social.get('/worklist?withinDays=1000')).status).toBe(400);
  });

  it('gives inspectors the registry work of their facilities, with four eyes on approvals', async () => {
    const mine = await worklist(inspector);
    expect(soonestFirst(mine)).toBe(true);
    const kinds = (items: Item[]) => items.map((i) => `${i.kind} ${i.entityType}`);
    expect(kinds(mine)).toEqual(expect.arrayContaining(['inspection_due facility', 'corrective_action_due corrective_action', 'mou_expiring mou']));
    // The inspector who submitted it may not approve it: it waits on the supervisor's list.
    expect(mine.some((i) => i.kind === 'inspection_awaiting_approval')).toBe(false);
    const theirs = await worklist(supervisor);
    expect(theirs.find((i) => i.kind === 'inspection_awaiting_approval')).toMatchObject({ entityId: ids.inspection, entityType: 'inspection' });
    expect(theirs.find((i) => i.kind === 'mou_expiring')).toMatchObject({ dueOn: D(20), overdue: false });
    expect(mine.some((i) => i.kind === 'visit_due')).toBe(false);
  });

  it('answers the registry lists as CSV, every record in scope', async () => {
    for (const [path, column] of [
      ['/facilities', 'registryCode'],
      ['/mous', 'referenceNumber'],
      ['/inspections', 'scheduledFor'],
      ['/corrective-actions', 'description'],
    ]) {
      const json = await supervisor.get(`${path}?limit=200`);
      const csv = await supervisor.get(path, { Accept: 'text/csv' });
      expect([path, csv.status, csv.headers['content-type']]).toEqual([path, 200, 'text/csv; charset=utf-8']);
      const lines = csv.text.trim().split('\r\n');
      expect(lines[0].split(',')).toContain(column);
      expect(lines).toHaveLength(json.body.items.length + 1);
    }
    // The same scope as the list: a province inspector's CSV holds its provinces' facilities only.
    const mine = (await inspector.get('/facilities', { Accept: 'text/csv' })).text;
    expect(mine).not.toMatch(/RCF-(?!02)\d\d-/);
  });

  it('refuses planners, who act on no case', async () => {
    expect((await planner.get('/worklist')).status).toBe(403);
  });
});
