import { allAreasRated, authorizedFacility, createAgency, daysFromToday } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

/**
 * Every registry route, called from outside the record's scope (another agency, another province)
 * and by a role that may never use it (a planner). Out of scope is 404 and absent from lists.
 */
describe('the registry’s scope boundaries', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  let callers: Record<'ngoA' | 'inspector02' | 'social02' | 'planner', ApiClient>;

  beforeAll(async () => {
    t = await startTestApp();
    const inspectorNational = await t.asUser('inspector');
    const approver = await t.asUser('inspector');
    const agencyA = await createAgency(t.admin, { name: 'Agency A' });
    const agencyB = await createAgency(t.admin, { name: 'Agency B' });
    for (const [key, agency, province] of [
      ['A', agencyA, '02'],
      ['B', agencyB, '17'],
    ] as const) {
      const facility = await authorizedFacility(inspectorNational, agency, { provinceCode: province });
      ids[`facility${key}`] = facility.id;
      ids[`mou${key}`] = (await inspectorNational.get(`/facilities/${facility.id}`)).body.currentMou.id;
      const inspection = await inspectorNational.post('/inspections', { facilityId: facility.id, type: 'routine', scheduledFor: daysFromToday(-1) });
      await inspectorNational.post(`/inspections/${inspection.body.id}/submit`, {
        conductedOn: daysFromToday(-1),
        ratings: allAreasRated('not_met'),
        outcome: 'non_compliant',
        correctiveActions: [{ description: 'Fix it', dueOn: daysFromToday(10) }],
      });
      await approver.post(`/inspections/${inspection.body.id}/approve`, {});
      ids[`inspection${key}`] = inspection.body.id;
      ids[`action${key}`] = (await inspectorNational.get(`/inspections/${inspection.body.id}`)).body.correctiveActions[0].id;
      const scheduled = await inspectorNational.post('/inspections', { facilityId: facility.id, type: 'unannounced', scheduledFor: daysFromToday(5) });
      ids[`scheduled${key}`] = scheduled.body.id;
    }
    callers = {
      ngoA: await t.asUser('ngo_worker', { agencyId: agencyA }),
      inspector02: await t.asUser('inspector', { provinceCodes: ['02'] }),
      social02: await t.asUser('social_worker', { provinceCodes: ['02'] }),
      planner: await t.asUser('planner'),
    };
  });
  afterAll(() => t.close());

  type Call = { name: string; call: (c: ApiClient, k: 'A' | 'B') => Promise<{ status: number }> };
  const reads: Call[] = [
    { name: 'GET /facilities/{id}', call: (c, k) => c.get(`/facilities/${ids[`facility${k}`]}`) },
    { name: 'GET /facilities/{id}/events', call: (c, k) => c.get(`/facilities/${ids[`facility${k}`]}/events`) },
    { name: 'GET /mous/{id}', call: (c, k) => c.get(`/mous/${ids[`mou${k}`]}`) },
    { name: 'GET /mous/{id}/events', call: (c, k) => c.get(`/mous/${ids[`mou${k}`]}/events`) },
    { name: 'GET /inspections/{id}', call: (c, k) => c.get(`/inspections/${ids[`inspection${k}`]}`) },
    { name: 'GET /inspections/{id}/events', call: (c, k) => c.get(`/inspections/${ids[`inspection${k}`]}/events`) },
  ];
  const writes: Call[] = [
    { name: 'PATCH /facilities/{id}', call: (c, k) => c.patch(`/facilities/${ids[`facility${k}`]}`, { capacity: 41 }) },
    { name: 'POST /facilities/{id}/suspend', call: (c, k) => c.post(`/facilities/${ids[`facility${k}`]}/suspend`, { reason: 'scope test' }) },
    { name: 'POST /mous', call: (c, k) => c.post('/mous', { facilityId: ids[`facility${k}`], referenceNumber: 'SCOPE' }) },
    { name: 'POST /mous/{id}/renew', call: (c, k) => c.post(`/mous/${ids[`mou${k}`]}/renew`, { referenceNumber: 'SCOPE' }) },
    { name: 'POST /inspections', call: (c, k) => c.post('/inspections', { facilityId: ids[`facility${k}`], type: 'complaint', scheduledFor: daysFromToday(1) }) },
    { name: 'POST /inspections/{id}/cancel', call: (c, k) => c.post(`/inspections/${ids[`scheduled${k}`]}/cancel`, { reason: 'scope test' }) },
    {
      name: 'POST /inspections/{id}/corrective-actions/{id}/resolve',
      call: (c, k) => c.post(`/inspections/${ids[`inspection${k}`]}/corrective-actions/${ids[`action${k}`]}/resolve`, {}),
    },
  ];

  it.each(reads.map((r) => [r.name, r] as const))('%s: 404 outside the scope, 200 inside, 403 for a planner', async (_name, route) => {
    for (const who of ['ngoA', 'inspector02', 'social02'] as const) {
      if (who === 'social02' && !route.name.startsWith('GET /facilities')) {
        expect((await route.call(callers[who], 'A')).status).toBe(403);
        continue;
      }
      expect([who, (await route.call(callers[who], 'B')).status]).toEqual([who, 404]);
      expect([who, (await route.call(callers[who], 'A')).status]).toEqual([who, 200]);
    }
    expect((await route.call(callers.planner, 'A')).status).toBe(403);
  });

  it.each(writes.map((w) => [w.name, w] as const))('%s: 404 for another province, 403 for roles that never write', async (_name, route) => {
    expect((await route.call(callers.inspector02, 'B')).status).toBe(404);
    for (const who of ['ngoA', 'social02', 'planner'] as const) {
      expect([who, (await route.call(callers[who], 'A')).status]).toEqual([who, 403]);
    }
  });

  it('keeps out-of-scope records out of every list', async () => {
    const lists = ['/facilities', '/mous', '/inspections', '/corrective-actions'];
    for (const who of ['ngoA', 'inspector02'] as const) {
      for (const path of lists) {
        const body = (await callers[who].get(`${path}?limit=200`)).body;
        const text = JSON.stringify(body);
        expect([who, path, text.includes(ids.facilityB)]).toEqual([who, path, false]);
        expect([who, path, text.includes(ids.facilityA)]).toEqual([who, path, true]);
      }
    }
    expect((await callers.social02.get('/facilities?provinceCode=17')).body.items).toEqual([]);
  });

  it('shows an operator its inspection results, never a scheduled (perhaps unannounced) visit', async () => {
    expect((await callers.ngoA.get(`/inspections/${ids.scheduledA}`)).status).toBe(404);
    const listed = (await callers.ngoA.get('/inspections?limit=200')).body.items.map((i: { id: string }) => i.id);
    expect(listed).toEqual([ids.inspectionA]);
    expect((await callers.inspector02.get(`/inspections/${ids.scheduledA}`)).status).toBe(200);
  });

  it('refuses an inspector registering a facility outside its provinces', async () => {
    const response = await callers.inspector02.post('/facilities', {
      name: 'Elsewhere',
      type: 'group_home',
      operatorAgencyId: (await callers.ngoA.get('/agencies')).body.items[0].id,
      provinceCode: '17',
      capacity: 10,
    });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('provinceCode');
  });
});
