import { admission, allAreasRated, authorizedFacility, createAgency, daysFromToday, referral } from '../support/builders';
import { FLOW_DEFINITIONS } from '../../src/figures/domain/flow-definitions';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

/**
 * A constructed world, every number checked by hand:
 * - F1 (province 02, capacity 40): 6 children admitted 100 days ago; 2 of them start reintegration
 *   60 days ago and are placed with kin 30 days ago.
 * - F2 (province 17, capacity 10): 1 child admitted 50 days ago.
 * - 5 children placed in foster care at gatekeeping 40 days ago; 1 breaks down 10 days ago.
 * - 1 child closed at assessment 20 days ago.
 * Sexes alternate (female first) within each group, so in care today: residential 3 girls and 2
 * boys (F1: 2 and 2, F2: 1 girl), kin 1 and 1, foster 2 and 2 (the breakdown was the first girl).
 */
describe('a planner reads the deinstitutionalisation figures', () => {
  let t: TestApp;
  let planner: ApiClient;
  let sw: ApiClient;
  let f1: string;
  let f2: string;
  const D = daysFromToday;

  beforeAll(async () => {
    t = await startTestApp();
    planner = await t.asUser('planner');
    sw = await t.asUser('social_worker');
    const inspector = await t.asUser('inspector');
    const approver = await t.asUser('inspector');
    const agency = await createAgency(t.admin, { type: 'government' });
    f1 = (await authorizedFacility(inspector, await createAgency(t.admin), { provinceCode: '02', capacity: 40 })).id;
    f2 = (await authorizedFacility(inspector, await createAgency(t.admin), { provinceCode: '17', capacity: 10, type: 'group_home' })).id;
    const inspection = await inspector.post('/inspections', { facilityId: f1, type: 'routine', scheduledFor: D(-5) });
    await inspector.post(`/inspections/${inspection.body.id}/submit`, { conductedOn: D(-5), ratings: allAreasRated(), outcome: 'compliant' });
    await approver.post(`/inspections/${inspection.body.id}/approve`, {});

    const act = async (id: string, action: string, body: object) => {
      const response = await sw.post(`/care-episodes/${id}/${action}`, body);
      if (response.status !== 200) throw new Error(`${action}: ${JSON.stringify(response.body)}`);
    };
    for (let i = 0; i < 6; i++) {
      const e = await referral(sw, agency, { child: { sex: i % 2 ? 'male' : 'female' }, episode: { referredOn: D(-120) } });
      await act(e.id, 'startAssessment', { occurredOn: D(-110) });
      await act(e.id, 'admit', admission(f1, { occurredOn: D(-100) }));
      if (i < 2) {
        await act(e.id, 'startReintegration', { occurredOn: D(-60), targetPlacementType: 'kinship_care', familyTracedOn: D(-70) });
        await act(e.id, 'placeInFamily', {
          occurredOn: D(-30),
          placementType: 'kinship_care',
          carerName: 'Aunt',
          provinceCode: '02',
          familyAssessedOn: D(-40),
          planAgreedOn: D(-35),
        });
      }
    }
    const inF2 = await referral(sw, agency, { child: { sex: 'female' }, episode: { referredOn: D(-60), provinceCode: '17' } });
    await act(inF2.id, 'startAssessment', { occurredOn: D(-55) });
    await act(inF2.id, 'admit', admission(f2, { occurredOn: D(-50) }));
    for (let i = 0; i < 5; i++) {
      const e = await referral(sw, agency, { child: { sex: i % 2 ? 'male' : 'female' }, episode: { referredOn: D(-45) } });
      await act(e.id, 'startAssessment', { occurredOn: D(-44) });
      await act(e.id, 'placeInFamily', { occurredOn: D(-40), placementType: 'foster_care', carerName: 'Foster family', provinceCode: '02' });
      if (i === 0) await act(e.id, 'reportBreakdown', { occurredOn: D(-10), reason: 'the placement broke down' });
    }
    const closed = await referral(sw, agency, { episode: { referredOn: D(-25) } });
    await act(closed.id, 'closeAtAssessment', { occurredOn: D(-20), reason: 'stays home with support' });
  });
  afterAll(() => t.close());

  it('counts children in care today by care setting, exactly for an admin, with small counts withheld for a planner', async () => {
    const admin = (await t.admin.get('/figures/children?groupBy=careSetting')).body;
    expect(admin.rows).toEqual([
      { careSetting: 'foster_care', count: 4, suppressed: false },
      { careSetting: 'kinship_care', count: 2, suppressed: false },
      { careSetting: 'residential_care', count: 5, suppressed: false },
    ]);
    expect(admin.total).toBe(11);
    const shown = (await planner.get('/figures/children?groupBy=careSetting')).body;
    expect(shown.rows).toEqual([
      { careSetting: 'foster_care', count: null, suppressed: true },
      { careSetting: 'kinship_care', count: null, suppressed: true },
      { careSetting: 'residential_care', count: 5, suppressed: false },
    ]);
    expect(shown).toMatchObject({ total: 11, totalSuppressed: false });
  });

  it('counts what had happened by a past date, not today’s state', async () => {
    const past = (await t.admin.get(`/figures/children?asOf=${D(-35)}&groupBy=careSetting,provinceCode`)).body;
    expect(past.rows).toEqual([
      { careSetting: 'foster_care', provinceCode: '02', count: 5, suppressed: false },
      { careSetting: 'residential_care', provinceCode: '02', count: 6, suppressed: false },
      { careSetting: 'residential_care', provinceCode: '17', count: 1, suppressed: false },
    ]);
    expect(past.total).toBe(12);
    expect((await t.admin.get(`/figures/children?asOf=${D(-105)}`)).body).toMatchObject({ rows: [{ count: 0, suppressed: false }], total: 0 });
  });

  it('groups by facility type, age band, sex, disability and parental status', async () => {
    const body = (await t.admin.get('/figures/children?groupBy=facilityType,ageBand,disability,parentalStatus')).body;
    expect(body.rows).toEqual([
      { facilityType: 'group_home', ageBand: '6-11', disability: false, parentalStatus: 'one_parent_living', count: 1, suppressed: false },
      { facilityType: 'residential_care_institution', ageBand: '6-11', disability: false, parentalStatus: 'one_parent_living', count: 4, suppressed: false },
      { facilityType: null, ageBand: '6-11', disability: false, parentalStatus: 'one_parent_living', count: 6, suppressed: false },
    ]);
    expect((await t.admin.get('/figures/children?groupBy=sex')).body.rows).toEqual([
      { sex: 'female', count: 6, suppressed: false },
      { sex: 'male', count: 5, suppressed: false },
    ]);
  });

  it('counts flows over a period by the dates events happened', async () => {
    const body = (await t.admin.get(`/figures/flows?from=${D(-120)}&to=${D(0)}`)).body;
    expect(body.rows).toEqual([
      {
        referrals: 13,
        admissions: 7,
        placedAtGatekeeping: 5,
        reintegrations: 2,
        breakdowns: 1,
        reEntries: 1,
        closures: 1,
        closuresByReason: { goals_met: 0, aged_out: 0, died: 0, moved_or_untraceable: 0, transferred_out: 0, other: 0, at_assessment: 1 },
        suppressed: false,
        suppressedFields: [],
      },
    ]);
    const byProvince = (await planner.get(`/figures/flows?from=${D(-60)}&to=${D(-40)}&groupBy=provinceCode`)).body.rows;
    const noClosures = { goals_met: 0, aged_out: 0, died: 0, moved_or_untraceable: 0, transferred_out: 0, other: 0, at_assessment: 0 };
    expect(byProvince).toEqual([
      { provinceCode: '02', referrals: 5, admissions: 0, placedAtGatekeeping: 5, reintegrations: 0, breakdowns: 0, reEntries: 0, closures: 0, closuresByReason: noClosures, suppressed: false, suppressedFields: [] },
      { provinceCode: '17', referrals: null, admissions: null, placedAtGatekeeping: 0, reintegrations: 0, breakdowns: 0, reEntries: 0, closures: 0, closuresByReason: noClosures, suppressed: true, suppressedFields: ['referrals', 'admissions'] },
    ]);
  });

  it('describes the facilities on a date', async () => {
    const today = (await t.admin.get('/figures/facilities?groupBy=provinceCode')).body.rows;
    expect(today).toEqual([
      { provinceCode: '02', facilities: 1, capacity: 40, residents: 4, withActiveMou: 1, inspectedLast12Months: 1, overdueInspections: 0, transitioned: 0, closed: 0, suppressed: false, suppressedFields: [] },
      { provinceCode: '17', facilities: 1, capacity: 10, residents: 1, withActiveMou: 1, inspectedLast12Months: 0, overdueInspections: 0, transitioned: 0, closed: 0, suppressed: false, suppressedFields: [] },
    ]);
    const planned = (await planner.get('/figures/facilities?groupBy=status')).body.rows;
    expect(planned).toEqual([
      {
        status: 'authorized', facilities: null, capacity: 50, residents: 5, withActiveMou: null, inspectedLast12Months: null, overdueInspections: 0, transitioned: 0, closed: 0,
        suppressed: true, suppressedFields: ['facilities', 'withActiveMou', 'inspectedLast12Months'],
      },
    ]);
    // Before anything was registered, there were no facilities.
    expect((await t.admin.get(`/figures/facilities?asOf=${D(-1)}&groupBy=provinceCode`)).body.rows).toEqual([]);
  });

  it('measures deinstitutionalisation against a baseline', async () => {
    // At the baseline F1's 6 (two preparing reintegration) were resident; now 5, beside 6 in families.
    // Gatekeeping since: 1 admission (F2), 6 kept out (5 foster placements, 1 closed at assessment).
    const dates = { baseline: D(-60), asOf: D(0) };
    expect((await t.admin.get(`/figures/deinstitutionalisation?baseline=${D(-60)}`)).body).toEqual({
      ...dates, provinceCode: null, residentialAtBaseline: 6, residentialNow: 5, reductionPercent: 16.7, residentialToFamilyRatio: 0.83, gatekeptAdmissionsShare: 85.7,
      suppressed: false, suppressedFields: [],
    });
    expect((await planner.get(`/figures/deinstitutionalisation?baseline=${D(-60)}`)).body).toEqual({
      ...dates, provinceCode: null, residentialAtBaseline: 6, residentialNow: 5, reductionPercent: 16.7, residentialToFamilyRatio: 0.83, gatekeptAdmissionsShare: null,
      suppressed: true, suppressedFields: ['gatekeptAdmissionsShare'],
    });
    expect((await t.admin.get(`/figures/deinstitutionalisation?baseline=${D(-60)}&provinceCode=17`)).body).toEqual({
      ...dates, provinceCode: '17', residentialAtBaseline: 0, residentialNow: 1, reductionPercent: null, residentialToFamilyRatio: null, gatekeptAdmissionsShare: 0,
      suppressed: false, suppressedFields: [],
    });
  });

  it('answers CSV with a header row when asked', async () => {
    const csv = await planner.get('/figures/children?groupBy=careSetting', { Accept: 'text/csv' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text).toBe('careSetting,count,suppressed\r\nfoster_care,,true\r\nkinship_care,,true\r\nresidential_care,5,false\r\n');
    const flows = await t.admin.get(`/figures/flows?from=${D(-120)}&to=${D(0)}`, { Accept: 'text/csv' });
    expect(flows.text).toBe(
      'referrals,admissions,placedAtGatekeeping,reintegrations,breakdowns,reEntries,closures,suppressed,closures_goals_met,closures_aged_out,closures_died,closures_moved_or_untraceable,closures_transferred_out,closures_other,closures_at_assessment,suppressedFields\r\n' +
        '13,7,5,2,1,1,1,false,0,0,0,0,0,0,1,\r\n',
    );
    expect((await t.admin.get(`/figures/deinstitutionalisation?baseline=${D(-60)}`, { Accept: 'text/csv' })).text).toBe(
      'baseline,asOf,provinceCode,residentialAtBaseline,residentialNow,reductionPercent,residentialToFamilyRatio,gatekeptAdmissionsShare,suppressed,suppressedFields\r\n' +
        `${D(-60)},${D(0)},,6,5,16.7,0.83,85.7,false,\r\n`,
    );
  });

  it('keeps the daily flows its trigger counts equal to a recount from the figures’ own definitions', async () => {
    const columns = FLOW_DEFINITIONS.map((d) => d.column).join(', ');
    const kept = await t.db.query(`SELECT day::text, province_code, ${columns} FROM flow_daily ORDER BY 1, 2`);
    const recount = await t.db.query(
      `SELECT occurred_on::text AS day, province_code, ${FLOW_DEFINITIONS.map((d) => `count(*) FILTER (WHERE ${d.counts})::int AS ${d.column}`).join(', ')}
       FROM care_episode_events GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(recount.length).toBeGreaterThan(5);
    expect(kept).toEqual(recount);
  });

  it('refuses grouping by anything but the published dimensions', async () => {
    expect((await planner.get('/figures/children?groupBy=givenName')).status).toBe(400);
    expect((await planner.get('/figures/children?groupBy=childId')).status).toBe(400);
    expect((await planner.get(`/figures/flows?from=${D(0)}&to=${D(-1)}`)).status).toBe(400);
  });

  it('never answers a planner with a child’s record, a name or a date of birth', async () => {
    const refused = ['/children', '/care-episodes', '/facilities', '/users', '/agencies', '/inspections', '/mous', '/audit-events', '/corrective-actions'];
    for (const path of refused) expect([path, (await planner.get(path)).status]).toEqual([path, 403]);
    const everything = JSON.stringify([
      (await planner.get('/figures/children?groupBy=careSetting,provinceCode,facilityType,sex,ageBand,disability,parentalStatus')).body,
      (await planner.get(`/figures/flows?from=${D(-400)}&to=${D(0)}&groupBy=provinceCode`)).body,
      (await planner.get('/figures/facilities?groupBy=provinceCode,type,status')).body,
    ]);
    expect(everything).not.toMatch(/dateOfBirth|givenName|familyName|childId|2016-03-14/);
  });
});
