import { admission, authorizedFacility, createAgency, createFacility, daysFromToday, referral } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

/** Lists in the order the work is due, page after page, each episode naming its child. */
describe('a worker sorts lists soonest first', () => {
  let t: TestApp;
  let social: ApiClient;
  let inspector: ApiClient;
  const D = daysFromToday;

  beforeAll(async () => {
    t = await startTestApp();
    social = await t.asUser('social_worker', { provinceCodes: ['02'] });
    inspector = await t.asUser('inspector');
    const agency = await createAgency(t.admin, { type: 'government' });
    const facility = (await authorizedFacility(inspector, await createAgency(t.admin), { provinceCode: '02', capacity: 30, name: 'Mekong House' })).id;
    const act = async (id: string, action: string, body: object) => {
      const response = await social.post(`/care-episodes/${id}/${action}`, body);
      if (response.status !== 200) throw new Error(`${action}: ${JSON.stringify(response.body)}`);
    };
    // Placed in families on different days, so their first visits fall due on different days.
    for (const days of [-50, -10, -35, -20, -5]) {
      const e = await referral(social, agency, { episode: { referredOn: D(days - 10) } });
      await act(e.id, 'startAssessment', { occurredOn: D(days - 5) });
      await act(e.id, 'placeInFamily', { occurredOn: D(days), placementType: 'kinship_care', carerName: 'Grandmother', provinceCode: '02' });
    }
    for (const days of [-80, -30, -60]) {
      const e = await referral(social, agency, { episode: { referredOn: D(days - 10) } });
      await act(e.id, 'startAssessment', { occurredOn: D(days - 5) });
      await act(e.id, 'admit', admission(facility, { occurredOn: D(days) }));
    }
    for (const name of ['Angkor Home', 'Sunrise Centre', 'Lotus House']) await createFacility(inspector, await createAgency(t.admin), { name, provinceCode: '02' });
    for (const days of [20, 5, 12]) await inspector.post('/inspections', { facilityId: facility, type: 'routine', scheduledFor: D(days) });
  });
  afterAll(() => t.close());

  /** Every page of a list, two items at a time, following the cursors. */
  async function allPages<T>(client: ApiClient, path: string): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const response = await client.get(`${path}${path.includes('?') ? '&' : '?'}limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status).toBe(200);
      items.push(...(response.body.items as T[]));
      cursor = response.body.nextCursor;
    } while (cursor);
    return items;
  }

  const ascending = (values: (string | null)[]) => {
    const present = values.filter((v): v is string => v !== null);
    return present.every((v, i) => i === 0 || present[i - 1] <= v) && values.slice(values.indexOf(null) === -1 ? values.length : values.indexOf(null)).every((v) => v === null);
  };

  it('pages episodes by the next visit due, soonest first, empty ones last, and the reverse', async () => {
    type Item = { id: string; nextVisitDue: string | null; nextReviewDue: string | null; childSystemCode: string; childGivenName?: string };
    const byVisit = await allPages<Item>(social, '/care-episodes?sort=nextVisitDue');
    expect(byVisit).toHaveLength(8);
    expect(new Set(byVisit.map((e) => e.id)).size).toBe(8);
    expect(ascending(byVisit.map((e) => e.nextVisitDue))).toBe(true);
    expect(byVisit.slice(5).every((e) => e.nextVisitDue === null)).toBe(true);
    const latestFirst = await allPages<Item>(social, '/care-episodes?sort=-nextVisitDue');
    expect(latestFirst.slice(0, 5).map((e) => e.id)).toEqual(byVisit.slice(0, 5).map((e) => e.id).reverse());
    const byReview = await allPages<Item>(social, '/care-episodes?sort=nextReviewDue&status=residential_care');
    expect(byReview.map((e) => e.nextReviewDue)).toEqual([...byReview.map((e) => e.nextReviewDue)].sort());
    expect(byReview).toHaveLength(3);
    // Each item names its child, so a worklist needs no call per child.
    for (const e of byVisit) {
      expect(e.childSystemCode).toMatch(/^CH-/);
      expect(e.childGivenName).toBeTruthy();
    }
  });

  it('keeps the sort in the cursor, and refuses a cursor from another order or an unknown key', async () => {
    const first = await social.get('/care-episodes?sort=nextVisitDue&limit=2');
    const otherOrder = await social.get(`/care-episodes?sort=updatedAt&limit=2&cursor=${first.body.nextCursor}`);
    expect(otherOrder.status).toBe(400);
    expect(otherOrder.body.errors[0].field).toBe('cursor');
    const unsorted = await social.get(`/care-episodes?limit=2&cursor=${first.body.nextCursor}`);
    expect(unsorted.status).toBe(400);
    expect((await social.get('/care-episodes?sort=childName')).status).toBe(400);
    const byUpdate = await allPages<{ updatedAt: string }>(social, '/care-episodes?sort=-updatedAt');
    expect(byUpdate.map((e) => e.updatedAt)).toEqual([...byUpdate.map((e) => e.updatedAt)].sort().reverse());
  });

  it('sorts facilities by name, registry code and the next inspection due, and inspections by their date', async () => {
    const byName = await allPages<{ name: string }>(inspector, '/facilities?sort=name&provinceCode=02');
    expect(byName.map((f) => f.name)).toEqual([...byName.map((f) => f.name)].sort());
    const byCode = await allPages<{ registryCode: string }>(inspector, '/facilities?sort=-registryCode');
    expect(byCode.map((f) => f.registryCode)).toEqual([...byCode.map((f) => f.registryCode)].sort().reverse());
    const byDue = await allPages<{ nextInspectionDue: string | null }>(inspector, '/facilities?sort=nextInspectionDue');
    expect(ascending(byDue.map((f) => f.nextInspectionDue))).toBe(true);
    const inspections = await allPages<{ scheduledFor: string }>(inspector, '/inspections?sort=scheduledFor');
    expect(inspections.map((i) => i.scheduledFor)).toEqual([D(5), D(12), D(20)]);
  });
});
