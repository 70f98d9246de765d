import { activeMou, aFacility, createAgency, createFacility, daysFromToday } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

describe('an inspector registers a facility found by the mapping, through to authorization', () => {
  let t: TestApp;
  let inspector: ApiClient;
  let agencyId: string;
  beforeAll(async () => {
    t = await startTestApp();
    inspector = await t.asUser('inspector', { provinceCodes: ['02'] });
    agencyId = await createAgency(t.admin, { name: 'Hope Orphanage Foundation' });
  });
  afterAll(() => t.close());

  it('registers the facility as identified, with a registry code, due an inspection at once', async () => {
    const response = await inspector.post('/facilities', aFacility(agencyId, { name: 'Hope Orphanage', nameKm: 'មណ្ឌលក្តីសង្ឃឹម' }));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      status: 'identified',
      registryCode: expect.stringMatching(/^RCF-02-\d{5}$/),
      nameKm: 'មណ្ឌលក្តីសង្ឃឹម',
      residents: 0,
      hasActiveMou: false,
      currentMou: null,
      nextInspectionDue: daysFromToday(0),
      allowedActions: ['submitApplication', 'close'],
    });
  });

  it('takes the facility from application to authorization once an MoU is in force', async () => {
    const facility = await createFacility(inspector, agencyId);
    const applied = await inspector.post(`/facilities/${facility.id}/submitApplication`, { reason: 'application received on paper' });
    expect(applied.status).toBe(200);
    expect(applied.body.status).toBe('application_pending');
    expect(applied.body.allowedActions).toEqual(['authorize', 'reject', 'close']);

    const refused = await inspector.post(`/facilities/${facility.id}/authorize`, {});
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'GUARD_FAILED', guard: 'active_mou_required' });

    await activeMou(inspector, facility.id);
    const authorized = await inspector.post(`/facilities/${facility.id}/authorize`, {});
    expect(authorized.status).toBe(200);
    expect(authorized.body).toMatchObject({ status: 'authorized', hasActiveMou: true, currentMou: { status: 'active' } });

    const history = await inspector.get(`/facilities/${facility.id}/events`);
    expect(history.body.items.map((e: { action: string; toStatus: string }) => `${e.action}:${e.toStatus}`)).toEqual([
      'create:identified',
      'submitApplication:application_pending',
      'authorize:authorized',
    ]);
    expect(history.body.items[1]).toMatchObject({ actorId: inspector.userId, actorRole: 'inspector', reason: 'application received on paper' });
  });

  it('answers an action from the wrong status with 409 and what is allowed', async () => {
    const facility = await createFacility(inspector, agencyId);
    const response = await inspector.post(`/facilities/${facility.id}/suspend`, { reason: 'abuse reported' });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', currentStatus: 'identified', allowedActions: ['submitApplication', 'close'] });
  });

  it('requires a reason where the table asks for one', async () => {
    const facility = await createFacility(inspector, agencyId);
    await inspector.post(`/facilities/${facility.id}/submitApplication`, {});
    const response = await inspector.post(`/facilities/${facility.id}/reject`, {});
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('reason');
  });

  it('runs remediation, suspension, reinstatement and a transition to family-based services', async () => {
    const facility = await createFacility(inspector, agencyId);
    await inspector.post(`/facilities/${facility.id}/submitApplication`, {});
    await activeMou(inspector, facility.id);
    await inspector.post(`/facilities/${facility.id}/authorize`, {});

    const remediation = await inspector.post(`/facilities/${facility.id}/requireRemediation`, { reason: 'no separation by sex' });
    expect(remediation.body).toMatchObject({ status: 'under_remediation', remediationDeadline: daysFromToday(60) });
    const cleared = await inspector.post(`/facilities/${facility.id}/clearRemediation`, {});
    expect(cleared.body.status).toBe('authorized');
    expect((await inspector.post(`/facilities/${facility.id}/requireRemediation`, { reason: 'again', deadline: daysFromToday(0) })).body.guard).toBe(
      'deadline_in_future',
    );

    expect((await inspector.post(`/facilities/${facility.id}/suspend`, { reason: 'staff without checks' })).body.status).toBe('suspended');
    expect((await inspector.post(`/facilities/${facility.id}/reinstate`, {})).body.status).toBe('authorized');

    const plan = await inspector.post(`/facilities/${facility.id}/beginTransition`, {
      targetService: 'community family support centre',
      targetDate: daysFromToday(180),
    });
    expect(plan.body).toMatchObject({ status: 'transitioning', transitionTargetService: 'community family support centre' });
    const done = await inspector.post(`/facilities/${facility.id}/completeTransition`, {});
    expect(done.body).toMatchObject({ status: 'transitioned', nextInspectionDue: null, allowedActions: [] });
  });

  it('closes a facility from any status but closed and transitioned', async () => {
    const facility = await createFacility(inspector, agencyId);
    const closed = await inspector.post(`/facilities/${facility.id}/close`, { reason: 'building demolished' });
    expect(closed.body.status).toBe('closed');
    expect((await inspector.post(`/facilities/${facility.id}/close`, { reason: 'again' })).status).toBe(409);
  });

  it('changes descriptive fields with PATCH, never the status, and honours If-Match', async () => {
    const facility = await createFacility(inspector, agencyId);
    const read = await inspector.get(`/facilities/${facility.id}`);
    const patched = await inspector.patch(`/facilities/${facility.id}`, { capacity: 25 }, { 'If-Match': read.headers.etag });
    expect(patched.body.capacity).toBe(25);
    expect((await inspector.patch(`/facilities/${facility.id}`, { status: 'authorized' })).status).toBe(400);
    expect((await inspector.patch(`/facilities/${facility.id}`, { capacity: 30 }, { 'If-Match': read.headers.etag })).status).toBe(412);
    expect((await inspector.post(`/facilities/${facility.id}/close`, { reason: 'x'.repeat(5) }, { 'If-Match': read.headers.etag })).status).toBe(412);
  });

  it('lets exactly one of two conflicting actions at the same moment win', async () => {
    for (let round = 0; round < 5; round++) {
      const facility = await createFacility(inspector, agencyId);
      await inspector.post(`/facilities/${facility.id}/submitApplication`, {});
      const [reject, close] = await Promise.all([
        inspector.post(`/facilities/${facility.id}/reject`, { reason: 'no registration papers' }),
        inspector.post(`/facilities/${facility.id}/close`, { reason: 'operator left' }),
      ]);
      const statuses = [reject.status, close.status].sort();
      // reject then close is legal (rejected → closed); close then reject is not.
      const final = (await inspector.get(`/facilities/${facility.id}`)).body.status;
      if (statuses[1] === 409) {
        expect(statuses).toEqual([200, 409]);
        expect(['rejected', 'closed']).toContain(final);
      } else {
        expect(final).toBe('closed');
      }
      const events = (await inspector.get(`/facilities/${facility.id}/events`)).body.items;
      expect(events.length).toBe(2 + statuses.filter((s) => s === 200).length);
    }
    for (let round = 0; round < 5; round++) {
      const facility = await createFacility(inspector, agencyId);
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => inspector.post(`/facilities/${facility.id}/submitApplication`, {})),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409]);
      expect((await inspector.get(`/facilities/${facility.id}/events`)).body.items).toHaveLength(2);
    }
  });

  it('finds facilities by text in either script, by status, and those overdue for inspection or without an MoU', async () => {
    const agency = await createAgency(t.admin);
    const a = await createFacility(inspector, agency, { name: 'Lotus House', nameKm: 'ផ្ទះផ្កាឈូក' });
    const b = await createFacility(inspector, agency, { name: 'Mango Tree Home' });
    await activeMou(inspector, b.id);
    const byKhmer = await inspector.get(`/facilities?q=${encodeURIComponent('ផ្កាឈូក')}`);
    expect(byKhmer.body.items.map((f: { id: string }) => f.id)).toEqual([a.id]);
    const withoutMou = (await inspector.get(`/facilities?operatorAgencyId=${agency}&withoutActiveMou=true`)).body.items.map((f: { id: string }) => f.id);
    expect(withoutMou).toEqual([a.id]);
    // Registered today, so due today and not yet overdue.
    expect((await inspector.get(`/facilities?operatorAgencyId=${agency}&inspectionOverdue=true`)).body.items).toEqual([]);
    await t.db.query(`UPDATE facilities SET created_at = now() - interval '3 days' WHERE id = $1`, [a.id]);
    const overdue = (await inspector.get(`/facilities?operatorAgencyId=${agency}&inspectionOverdue=true`)).body.items;
    expect(overdue.map((f: { id: string }) => f.id)).toEqual([a.id]);
    expect(overdue[0].inspectionOverdue).toBe(true);
  });
});
