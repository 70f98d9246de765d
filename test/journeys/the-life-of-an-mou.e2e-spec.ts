import { createAgency, createFacility, daysFromToday } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

describe('the life of an MoU: activate, expire by date, renew, supersede, terminate', () => {
  let t: TestApp;
  let inspector: ApiClient;
  let agencyId: string;
  beforeAll(async () => {
    t = await startTestApp();
    inspector = await t.asUser('inspector');
    agencyId = await createAgency(t.admin);
  });
  afterAll(() => t.close());

  const draft = async (facilityId: string) => (await inspector.post('/mous', { facilityId, referenceNumber: 'MoSVY-2026-001' })).body;

  it('drafts and activates an MoU for three years by default', async () => {
    const facility = await createFacility(inspector, agencyId);
    const mou = await draft(facility.id);
    expect(mou).toMatchObject({ status: 'draft', allowedActions: ['activate'], operatorAgencyId: agencyId });
    const activated = await inspector.post(`/mous/${mou.id}/activate`, { signedOn: daysFromToday(-1), startsOn: daysFromToday(0) });
    expect(activated.status).toBe(200);
    const startsOn = daysFromToday(0);
    const threeYears = `${Number(startsOn.slice(0, 4)) + 3}${startsOn.slice(4)}`;
    expect(activated.body).toMatchObject({ status: 'active', endsOn: threeYears === '2029-02-29' ? '2029-02-28' : threeYears });
  });

  it('reports an MoU expired on its end date, at once, and its facility loses authorization guards', async () => {
    const facility = await createFacility(inspector, agencyId);
    await inspector.post(`/facilities/${facility.id}/submitApplication`, {});
    const mou = await draft(facility.id);
    // Registered after the fact: signed three years ago and ending today.
    const activated = await inspector.post(`/mous/${mou.id}/activate`, {
      signedOn: daysFromToday(-3 * 365),
      startsOn: daysFromToday(-3 * 365),
      endsOn: daysFromToday(0),
    });
    expect(activated.body.status).toBe('expired');
    expect(activated.body.allowedActions).toEqual(['renew']);
    expect((await inspector.get(`/mous?facilityId=${facility.id}&status=expired`)).body.items).toHaveLength(1);
    const facilityView = (await inspector.get(`/facilities/${facility.id}`)).body;
    expect(facilityView).toMatchObject({ hasActiveMou: false, currentMou: { id: mou.id, status: 'expired' } });
    const refused = await inspector.post(`/facilities/${facility.id}/authorize`, {});
    expect(refused.body).toMatchObject({ code: 'GUARD_FAILED', guard: 'active_mou_required' });
  });

  it('renews an MoU: the renewal is a linked draft, and activating it supersedes the old one', async () => {
    const facility = await createFacility(inspector, agencyId);
    const old = await draft(facility.id);
    await inspector.post(`/mous/${old.id}/activate`, { signedOn: daysFromToday(-1000), startsOn: daysFromToday(-1000), endsOn: daysFromToday(30) });

    const expiring = (await inspector.get(`/mous?facilityId=${facility.id}&expiringWithinDays=60`)).body.items;
    expect(expiring.map((m: { id: string }) => m.id)).toEqual([old.id]);
    expect((await inspector.get(`/mous?facilityId=${facility.id}&expiringWithinDays=10`)).body.items).toEqual([]);

    const renewal = await inspector.post(`/mous/${old.id}/renew`, { referenceNumber: 'MoSVY-2026-RENEW' });
    expect(renewal.status).toBe(201);
    expect(renewal.body).toMatchObject({ status: 'draft', renewalOfId: old.id, facilityId: facility.id });
    const second = await inspector.post(`/mous/${old.id}/renew`, { referenceNumber: 'MoSVY-2026-TWICE' });
    expect(second.body).toMatchObject({ code: 'GUARD_FAILED', guard: 'no_pending_renewal' });

    const activated = await inspector.post(`/mous/${renewal.body.id}/activate`, { signedOn: daysFromToday(0), startsOn: daysFromToday(30) });
    expect(activated.body.status).toBe('active');
    expect((await inspector.get(`/mous/${old.id}`)).body.status).toBe('superseded');
    expect((await inspector.get(`/facilities/${facility.id}`)).body).toMatchObject({ hasActiveMou: true, currentMou: { id: renewal.body.id } });
    const oldHistory = (await inspector.get(`/mous/${old.id}/events`)).body.items.map((e: { action: string }) => e.action);
    expect(oldHistory).toEqual(['create', 'activate', 'renew', 'supersede']);
  });

  it('refuses a second MoU in force for one facility', async () => {
    const facility = await createFacility(inspector, agencyId);
    const first = await draft(facility.id);
    await inspector.post(`/mous/${first.id}/activate`, { signedOn: daysFromToday(-10), startsOn: daysFromToday(-10) });
    const second = await draft(facility.id);
    const refused = await inspector.post(`/mous/${second.id}/activate`, { signedOn: daysFromToday(-1), startsOn: daysFromToday(-1) });
    expect(refused.status).toBe(422);
    expect(refused.body.guard).toBe('one_active_mou_per_facility');
  });

  it('refuses impossible dates', async () => {
    const facility = await createFacility(inspector, agencyId);
    const mou = await draft(facility.id);
    const future = await inspector.post(`/mous/${mou.id}/activate`, { signedOn: daysFromToday(2), startsOn: daysFromToday(2) });
    expect(future.body.guard).toBe('signed_on_not_in_future');
    const backwards = await inspector.post(`/mous/${mou.id}/activate`, { signedOn: daysFromToday(-5), startsOn: daysFromToday(-5), endsOn: daysFromToday(-6) });
    expect(backwards.body.guard).toBe('ends_after_start');
    const nonsense = await inspector.post(`/mous/${mou.id}/activate`, { signedOn: '2026-02-30', startsOn: 'tomorrow' });
    expect(nonsense.status).toBe(400);
    expect(nonsense.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['signedOn', 'startsOn']);
  });

  it('terminates an MoU, which stops the facility being reinstated', async () => {
    const facility = await createFacility(inspector, agencyId);
    await inspector.post(`/facilities/${facility.id}/submitApplication`, {});
    const mou = await draft(facility.id);
    await inspector.post(`/mous/${mou.id}/activate`, { signedOn: daysFromToday(-10), startsOn: daysFromToday(-10) });
    await inspector.post(`/facilities/${facility.id}/authorize`, {});
    await inspector.post(`/facilities/${facility.id}/suspend`, { reason: 'serious abuse allegation' });

    const terminated = await inspector.post(`/mous/${mou.id}/terminate`, { reason: 'breach of the minimum standards' });
    expect(terminated.body).toMatchObject({ status: 'terminated', terminationReason: 'breach of the minimum standards', terminatedOn: daysFromToday(0) });
    expect((await inspector.post(`/mous/${mou.id}/terminate`, { reason: 'again' })).body.code).toBe('TRANSITION_NOT_ALLOWED');
    const reinstate = await inspector.post(`/facilities/${facility.id}/reinstate`, {});
    expect(reinstate.body).toMatchObject({ code: 'GUARD_FAILED', guard: 'active_mou_required' });
  });

  it('refuses MoUs for a closed facility', async () => {
    const facility = await createFacility(inspector, agencyId);
    await inspector.post(`/facilities/${facility.id}/close`, { reason: 'closed by its operator' });
    const response = await inspector.post('/mous', { facilityId: facility.id, referenceNumber: 'LATE' });
    expect(response.status).toBe(422);
    expect(response.body.guard).toBe('facility_not_closed');
  });
});
