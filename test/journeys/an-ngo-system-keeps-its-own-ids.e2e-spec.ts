import { aChild, createAgency, daysFromToday } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

/** An NGO's case system (OSCaR, say) records its own ids beside ours, finds its records by them, and never creates one twice. */
describe('an NGO system keeps its own ids', () => {
  let t: TestApp;
  let ngo: ApiClient;
  let otherNgo: ApiClient;
  let agency: string;
  let otherAgency: string;

  beforeAll(async () => {
    t = await startTestApp();
    agency = await createAgency(t.admin, { name: 'Friends of Battambang Children' });
    otherAgency = await createAgency(t.admin, { name: 'Another NGO' });
    ngo = await t.asUser('ngo_worker', { agencyId: agency });
    otherNgo = await t.asUser('ngo_worker', { agencyId: otherAgency });
  });
  afterAll(() => t.close());

  it('gives a child and a case the system’s ids, unique within the agency, and finds them again', async () => {
    const child = await ngo.post('/children', aChild({ externalId: 'OSCaR-2024-00817' }));
    expect(child.status).toBe(201);
    expect(child.body.externalId).toBe('OSCaR-2024-00817');
    const again = await ngo.post('/children', aChild({ externalId: 'OSCaR-2024-00817' }));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'EXTERNAL_ID_EXISTS', existingId: child.body.id });
    // Another agency's system may use the same id for its own child.
    expect((await otherNgo.post('/children', aChild({ externalId: 'OSCaR-2024-00817' }))).status).toBe(201);

    expect((await ngo.get('/children?externalId=OSCaR-2024-00817')).body.items.map((c: { id: string }) => c.id)).toEqual([child.body.id]);
    expect((await ngo.get('/children?q=OSCaR-2024-00817')).body.items.map((c: { id: string }) => c.id)).toEqual([child.body.id]);

    const episode = await ngo.post('/care-episodes', { childId: child.body.id, responsibleAgencyId: agency, provinceCode: '02', referredOn: daysFromToday(-3), reasons: ['abuse_or_neglect'], externalId: 'CASE-4411' });
    expect(episode.status).toBe(201);
    expect(episode.body.externalId).toBe('CASE-4411');
    expect((await ngo.get('/care-episodes?externalId=CASE-4411')).body.items.map((e: { id: string }) => e.id)).toEqual([episode.body.id]);
    const second = await ngo.post('/children', aChild());
    const twice = await ngo.post('/care-episodes', { childId: second.body.id, responsibleAgencyId: agency, provinceCode: '02', referredOn: daysFromToday(-1), reasons: ['abandonment'], externalId: 'CASE-4411' });
    expect(twice.body).toMatchObject({ status: 409, code: 'EXTERNAL_ID_EXISTS', existingId: episode.body.id });
  });

  it('refuses an external id from a user without an agency, and a bad one', async () => {
    const social = await t.asUser('social_worker');
    expect((await social.post('/children', aChild({ externalId: 'X-1' }))).body.errors[0].field).toBe('externalId');
    expect((await ngo.post('/children', aChild({ externalId: 'x'.repeat(101) }))).status).toBe(400);
    expect((await ngo.post('/children', aChild({ externalId: '' }))).status).toBe(400);
  });
});
