import { allAreasRated, authorizedFacility, createAgency, daysFromToday } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

describe('an inspection cycle: non-compliant, corrective actions, a follow-up', () => {
  let t: TestApp;
  let inspector: ApiClient;
  let supervisor: ApiClient;
  let facilityId: string;
  beforeAll(async () => {
    t = await startTestApp();
    inspector = await t.asUser('inspector', { provinceCodes: ['02'] });
    supervisor = await t.asUser('inspector', { provinceCodes: ['02'] });
    facilityId = (await authorizedFacility(inspector, await createAgency(t.admin))).id;
  });
  afterAll(() => t.close());

  it('schedules, submits a non-compliant result, approves it with four eyes, and follows up', async () => {
    const scheduled = await inspector.post('/inspections', { facilityId, type: 'routine', scheduledFor: daysFromToday(-2) });
    expect(scheduled.status).toBe(201);
    expect(scheduled.body).toMatchObject({ status: 'scheduled', inspectorId: inspector.userId, overdue: true, allowedActions: ['saveDraft', 'submit', 'cancel'] });
    const id = scheduled.body.id;
    expect((await inspector.get(`/inspections?overdue=true&facilityId=${facilityId}`)).body.items.map((i: { id: string }) => i.id)).toEqual([id]);

    const unrated = await inspector.post(`/inspections/${id}/submit`, {
      conductedOn: daysFromToday(-1),
      ratings: { legal_registration: { rating: 'met' } },
      outcome: 'compliant',
    });
    expect(unrated.body).toMatchObject({ status: 422, code: 'GUARD_FAILED', guard: 'every_area_rated' });

    const withoutActions = await inspector.post(`/inspections/${id}/submit`, {
      conductedOn: daysFromToday(-1),
      ratings: allAreasRated('met', { separation_by_age_and_sex: { rating: 'not_met', note: 'one dormitory' } }),
      outcome: 'non_compliant',
    });
    expect(withoutActions.body.guard).toBe('corrective_actions_required');

    const future = await inspector.post(`/inspections/${id}/submit`, { conductedOn: daysFromToday(1), ratings: allAreasRated(), outcome: 'compliant' });
    expect(future.body.guard).toBe('conducted_on_not_in_future');

    const badRating = await inspector.post(`/inspections/${id}/submit`, {
      conductedOn: daysFromToday(-1),
      ratings: { ...allAreasRated('met'), clothing: { rating: 'great' } },
      outcome: 'compliant',
    });
    expect(badRating.status).toBe(400);
    expect(badRating.body.errors[0].field).toBe('ratings.clothing.rating');

    const dueTooEarly = await inspector.post(`/inspections/${id}/submit`, {
      conductedOn: daysFromToday(-10),
      ratings: allAreasRated('met', { separation_by_age_and_sex: { rating: 'not_met' } }),
      outcome: 'non_compliant',
      correctiveActions: [{ description: 'Separate dormitories for girls and boys', dueOn: daysFromToday(-11) }],
    });
    expect(dueTooEarly.body).toMatchObject({ status: 422, guard: 'corrective_actions_due_after_inspection' });

    const submitted = await inspector.post(`/inspections/${id}/submit`, {
      conductedOn: daysFromToday(-10),
      ratings: allAreasRated('met', { separation_by_age_and_sex: { rating: 'not_met', note: 'one dormitory' } }),
      outcome: 'non_compliant',
      summary: 'Girls and boys share one dormitory.',
      correctiveActions: [
        { description: 'Separate dormitories for girls and boys', dueOn: daysFromToday(30) },
        { description: 'Update the child protection policy', dueOn: daysFromToday(-1) },
      ],
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', submittedById: inspector.userId, outcome: 'non_compliant' });
    expect(submitted.body.allowedActions).toEqual(['returnForCorrection']);
    expect(submitted.body.correctiveActions).toHaveLength(2);

    const selfApproval = await inspector.post(`/inspections/${id}/approve`, {});
    expect(selfApproval.body).toMatchObject({ code: 'GUARD_FAILED', guard: 'approver_is_not_submitter' });
    const approved = await supervisor.post(`/inspections/${id}/approve`, {});
    expect(approved.body).toMatchObject({ status: 'approved', approvedById: supervisor.userId });
    // A social worker choosing a facility for an admission sees how its latest inspection went.
    const seenBySocialWorker = await (await t.asUser('social_worker')).get(`/facilities/${facilityId}`);
    expect(seenBySocialWorker.body).toMatchObject({ lastApprovedInspectionOn: daysFromToday(-10), lastInspectionOutcome: 'non_compliant' });

    const facility = (await inspector.get(`/facilities/${facilityId}`)).body;
    const conducted = daysFromToday(-10);
    expect(facility.lastApprovedInspectionOn).toBe(conducted);
    expect(facility.nextInspectionDue).toBe(`${Number(conducted.slice(0, 4)) + 1}${conducted.slice(4)}`.replace(/-02-29$/, '-02-28'));
    expect(facility.inspectionOverdue).toBe(false);

    const overdueActions = (await inspector.get(`/corrective-actions?overdue=true&facilityId=${facilityId}`)).body.items;
    expect(overdueActions.map((a: { description: string }) => a.description)).toEqual(['Update the child protection policy']);
    const stale = await inspector.post(`/inspections/${id}/corrective-actions/${overdueActions[0].id}/resolve`, { note: 'policy adopted' }, { 'If-Match': `W/"${overdueActions[0].id}.0"` });
    expect(stale.body).toMatchObject({ status: 412, code: 'PRECONDITION_FAILED' });
    const resolved = await inspector.post(`/inspections/${id}/corrective-actions/${overdueActions[0].id}/resolve`, { note: 'policy adopted' }, { 'If-Match': `W/"${overdueActions[0].id}.${overdueActions[0].version}"` });
    expect(resolved.body).toMatchObject({ status: 'resolved', overdue: false, resolvedById: inspector.userId });
    expect((await inspector.post(`/inspections/${id}/corrective-actions/${overdueActions[0].id}/resolve`, {})).status).toBe(409);
    expect((await inspector.get(`/corrective-actions?overdue=true&facilityId=${facilityId}`)).body.items).toEqual([]);
    expect((await inspector.get(`/corrective-actions?status=open&facilityId=${facilityId}`)).body.items).toHaveLength(1);

    const followUp = await supervisor.post('/inspections', { facilityId, type: 'follow_up', scheduledFor: daysFromToday(30), followUpOfId: id });
    expect(followUp.body).toMatchObject({ type: 'follow_up', followUpOfId: id, inspectorId: supervisor.userId });
    expect((await supervisor.post('/inspections', { facilityId, type: 'follow_up', scheduledFor: daysFromToday(30) })).status).toBe(400);
    const history = (await inspector.get(`/inspections/${id}/events`)).body.items.map((e: { action: string }) => e.action);
    expect(history).toEqual(['create', 'submit', 'approve', 'resolveCorrectiveAction']);
  });

  it('returns a submission for correction, and cancels a scheduled inspection with a reason', async () => {
    const { body: inspection } = await inspector.post('/inspections', { facilityId, type: 'unannounced', scheduledFor: daysFromToday(0) });
    await inspector.post(`/inspections/${inspection.id}/submit`, { conductedOn: daysFromToday(0), ratings: allAreasRated(), outcome: 'compliant' });
    const returned = await supervisor.post(`/inspections/${inspection.id}/returnForCorrection`, { reason: 'notes missing for health care' });
    expect(returned.body.status).toBe('scheduled');
    expect((await supervisor.post(`/inspections/${inspection.id}/approve`, {})).body.code).toBe('TRANSITION_NOT_ALLOWED');
    expect((await inspector.post(`/inspections/${inspection.id}/cancel`, {})).status).toBe(400);
    const cancelled = await inspector.post(`/inspections/${inspection.id}/cancel`, { reason: 'facility closed for the holiday' });
    expect(cancelled.body.status).toBe('cancelled');
  });

  it('lists inspections by inspector and by status', async () => {
    const own = (await authorizedFacility(inspector, await createAgency(t.admin))).id;
    const first = (await inspector.post('/inspections', { facilityId: own, type: 'routine', scheduledFor: daysFromToday(5) })).body.id;
    const second = (await inspector.post('/inspections', { facilityId: own, type: 'complaint', scheduledFor: daysFromToday(6) })).body.id;
    const theirs = (await supervisor.post('/inspections', { facilityId: own, type: 'routine', scheduledFor: daysFromToday(0) })).body.id;
    await supervisor.post(`/inspections/${theirs}/submit`, { conductedOn: daysFromToday(0), ratings: allAreasRated(), outcome: 'compliant' });
    await inspector.post(`/inspections/${theirs}/approve`, {});
    const ids = (path: string) => inspector.get(path).then((r) => r.body.items.map((i: { id: string }) => i.id).sort());
    expect(await ids(`/inspections?facilityId=${own}&inspectorId=${inspector.userId}`)).toEqual([first, second].sort());
    expect(await ids(`/inspections?facilityId=${own}&status=approved`)).toEqual([theirs]);
    expect(await ids(`/inspections?facilityId=${own}&status=scheduled&type=complaint`)).toEqual([second]);
  });

  it('assigns an inspection only to an inspector who covers the facility’s province', async () => {
    const elsewhere = await t.asUser('inspector', { provinceCodes: ['17'] });
    const national = await t.asUser('inspector');
    const refused = await inspector.post('/inspections', { facilityId, type: 'routine', scheduledFor: daysFromToday(3), inspectorId: elsewhere.userId });
    expect(refused.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'inspectorId', messages: ['this inspector does not cover the facility’s province'] }] });
    const assigned = await inspector.post('/inspections', { facilityId, type: 'routine', scheduledFor: daysFromToday(3), inspectorId: national.userId });
    expect(assigned.body).toMatchObject({ status: 'scheduled', inspectorId: national.userId });
  });

  it('refuses area ratings that are empty objects or arrays as bad input', async () => {
    const { body: inspection } = await inspector.post('/inspections', { facilityId, type: 'routine', scheduledFor: daysFromToday(0) });
    const empty = Object.fromEntries(Object.keys(allAreasRated()).map((area) => [area, []]));
    const arrays = await inspector.post(`/inspections/${inspection.id}/submit`, { conductedOn: daysFromToday(0), ratings: empty, outcome: 'compliant' });
    expect(arrays.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(arrays.body.errors.map((e: { field: string }) => e.field)).toContain('ratings.clothing');
    const objects = await inspector.post(`/inspections/${inspection.id}/submit`, { conductedOn: daysFromToday(0), ratings: { ...allAreasRated(), clothing: {} }, outcome: 'compliant' });
    expect(objects.body).toMatchObject({ status: 400, errors: [{ field: 'ratings.clothing.rating', messages: ['rating is required'] }] });
    expect((await inspector.get(`/inspections/${inspection.id}`)).body.status).toBe('scheduled');
  });

  it('refuses to schedule an inspection of a closed facility', async () => {
    const other = await authorizedFacility(inspector, await createAgency(t.admin));
    await inspector.post(`/facilities/${other.id}/close`, { reason: 'closed after transition' });
    const response = await inspector.post('/inspections', { facilityId: other.id, type: 'routine', scheduledFor: daysFromToday(3) });
    expect(response.body).toMatchObject({ status: 422, guard: 'facility_not_closed' });
  });
});
