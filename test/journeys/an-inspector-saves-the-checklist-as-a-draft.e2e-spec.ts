import { authorizedFacility, CHECKLIST, createAgency, daysFromToday } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

/** The 15-area checklist is filled in over a visit: saved as a draft, then submitted with what is left. */
describe('an inspector saves the checklist as a draft', () => {
  let t: TestApp;
  let inspector: ApiClient;
  let id: string;
  const D = daysFromToday;
  const rated = (areas: readonly string[], rating = 'met') => Object.fromEntries(areas.map((a) => [a, { rating }]));

  beforeAll(async () => {
    t = await startTestApp();
    inspector = await t.asUser('inspector');
    const facilityId = (await authorizedFacility(inspector, await createAgency(t.admin))).id;
    id = (await inspector.post('/inspections', { facilityId, type: 'routine', scheduledFor: D(-1) })).body.id;
  });
  afterAll(() => t.close());

  it('saves areas as they are rated, guarded by If-Match, and lists what is missing', async () => {
    const read = await inspector.get(`/inspections/${id}`);
    expect(read.body.missingAreas).toEqual([...CHECKLIST]);
    const first = await inspector.patch(`/inspections/${id}`, { ratings: rated(CHECKLIST.slice(0, 5)) }, { 'If-Match': read.headers.etag });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'scheduled', missingAreas: CHECKLIST.slice(5) });
    // Someone else's save since we read: refused, nothing lost.
    const stale = await inspector.patch(`/inspections/${id}`, { ratings: rated(['capacity'], 'not_met') }, { 'If-Match': read.headers.etag });
    expect(stale.status).toBe(412);
    // Areas sent replace those saved; the others stay.
    const second = await inspector.patch(`/inspections/${id}`, { ratings: { ...rated(CHECKLIST.slice(5, 10)), [CHECKLIST[0]]: { rating: 'partially_met', note: 'papers expire soon' } }, conductedOn: D(-1) });
    expect(second.body.missingAreas).toEqual(CHECKLIST.slice(10));
    expect(second.body.ratings[CHECKLIST[0]]).toEqual({ rating: 'partially_met', note: 'papers expire soon' });
    expect(second.body.ratings[CHECKLIST[4]]).toEqual({ rating: 'met' });
    expect(second.body.conductedOn).toBe(D(-1));
  });

  it('refuses bad drafts clearly', async () => {
    expect((await inspector.patch(`/inspections/${id}`, { conductedOn: D(3) })).body).toMatchObject({ status: 422, guard: 'conducted_on_not_in_future' });
    const unknown = await inspector.patch(`/inspections/${id}`, { ratings: { swimming_pool: { rating: 'met' } } });
    expect(unknown.status).toBe(400);
    expect((await inspector.patch(`/inspections/${id}`, { ratings: { capacity: { rating: 'great' } } })).status).toBe(400);
    const social = await t.asUser('social_worker');
    expect((await social.patch(`/inspections/${id}`, { summary: 'x' })).status).toBe(403);
  });

  it('submits with what the draft saved, saying which areas are still missing', async () => {
    const noOutcome = await inspector.post(`/inspections/${id}/submit`, {});
    expect(noOutcome.body).toMatchObject({ status: 422, guard: 'outcome_required' });
    const missing = await inspector.post(`/inspections/${id}/submit`, { outcome: 'compliant_with_recommendations' });
    expect(missing.body).toMatchObject({ status: 422, guard: 'every_area_rated', missingAreas: CHECKLIST.slice(10) });
    // Nothing of a refused submission is kept.
    expect((await inspector.get(`/inspections/${id}`)).body).toMatchObject({ status: 'scheduled', outcome: null });
    const submitted = await inspector.post(`/inspections/${id}/submit`, { outcome: 'compliant_with_recommendations', ratings: rated(CHECKLIST.slice(10)), summary: 'Good care; renew the papers.' });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', conductedOn: D(-1), outcome: 'compliant_with_recommendations', missingAreas: [] });
    expect(Object.keys(submitted.body.ratings).sort()).toEqual([...CHECKLIST].sort());
    expect(submitted.body.ratings[CHECKLIST[0]].rating).toBe('partially_met');
    const afterwards = await inspector.patch(`/inspections/${id}`, { summary: 'changed my mind' });
    expect(afterwards.status).toBe(409);
    expect(afterwards.body.code).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('keeps corrective actions saved in a draft for the submission', async () => {
    const facilityId = (await authorizedFacility(inspector, await createAgency(t.admin))).id;
    const other = (await inspector.post('/inspections', { facilityId, type: 'routine', scheduledFor: D(-1) })).body.id;
    const tooEarly = await inspector.patch(`/inspections/${other}`, { conductedOn: D(-1), correctiveActions: [{ description: 'Fence the pond', dueOn: D(-2) }] });
    expect(tooEarly.body).toMatchObject({ status: 422, guard: 'corrective_actions_due_after_inspection' });
    const draft = await inspector.patch(`/inspections/${other}`, {
      conductedOn: D(-1),
      outcome: 'non_compliant',
      ratings: rated(CHECKLIST),
      correctiveActions: [{ description: 'Fence the pond', dueOn: D(30) }],
    });
    expect(draft.body.correctiveActions).toEqual([expect.objectContaining({ description: 'Fence the pond', dueOn: D(30) })]);
    // Draft actions are not work yet: the worklist shows them once the inspection is submitted.
    expect((await inspector.get('/worklist?kind=corrective_action_due&withinDays=60')).body.items).toEqual([]);
    const submitted = await inspector.post(`/inspections/${other}/submit`, {});
    expect(submitted.status).toBe(200);
    expect(submitted.body.correctiveActions).toEqual([expect.objectContaining({ description: 'Fence the pond' })]);
    expect((await inspector.get('/worklist?kind=corrective_action_due&withinDays=60')).body.items).toHaveLength(1);
  });
});
