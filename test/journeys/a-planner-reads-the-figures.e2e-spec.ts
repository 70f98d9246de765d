import { admission, allAreasRated, authorizedFacility, createAgency, daysFromToday, referral } from '../support/builders';
import { FLOW_DEFINITIONS } from '../../src/figures/domain/flow-definitions';
import { actAs, restOfTheFiguresWorld } from '../support/figures-world';
import { Database } from '../../src/common/database/database.service';
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

    const act = actAs(sw);
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
    await restOfTheFiguresWorld(sw, act, agency, f2);
  });
  afterAll(() => t.close());

  const NONE = { method: 'none', suppressedBelow: 0, maxNoise: 0 };
  const CELL_KEY = { method: 'cell_key', suppressedBelow: 5, maxNoise: 2 };
  const B = { provinceCode: '02', provinceNameEn: 'Battambang', provinceNameKm: 'បាត់ដំបង' };
  const S = { provinceCode: '17', provinceNameEn: 'Siem Reap', provinceNameKm: 'សៀមរាប' };
  /** A planner's count is the truth moved by at most 2, never below 0, and withheld (null) when it would show 1 to 4. */
  const protectedAs = (published: number | null, truth: number) =>
    published === null ? truth >= 1 && truth <= 6 : Math.abs(published - truth) <= 2 && (published === 0 || published >= 5) && (truth > 0 || published === 0);

  it('counts children in care today by care setting, exactly for an admin, protected for a planner', async () => {
    const admin = (await t.admin.get('/figures/children?groupBy=careSetting')).body;
    expect(admin).toEqual({
      asOf: D(0),
      groupBy: ['careSetting'],
      rows: [
        { careSetting: 'foster_care', count: 4, suppressed: false },
        { careSetting: 'kinship_care', count: 2, suppressed: false },
        { careSetting: 'residential_care', count: 5, suppressed: false },
      ],
      total: 11,
      totalSuppressed: false,
      disclosureControl: NONE,
    });
    const shown = (await planner.get('/figures/children?groupBy=careSetting')).body;
    expect(shown.disclosureControl).toEqual(CELL_KEY);
    expect(shown.rows.map((r: { careSetting: string }) => r.careSetting)).toEqual(['foster_care', 'kinship_care', 'residential_care']);
    shown.rows.forEach((row: { count: number | null; suppressed: boolean }, i: number) => {
      expect([i, protectedAs(row.count, admin.rows[i].count), row.suppressed]).toEqual([i, true, row.count === null]);
    });
    expect(protectedAs(shown.total, 11)).toBe(true);
    expect((await planner.get('/figures/children?groupBy=careSetting')).body).toEqual(shown);
  });

  it('counts what had happened by a past date, not today’s state', async () => {
    const past = (await t.admin.get(`/figures/children?asOf=${D(-35)}&groupBy=careSetting,provinceCode`)).body;
    expect(past.rows).toEqual([
      { careSetting: 'foster_care', ...B, count: 5, suppressed: false },
      { careSetting: 'residential_care', ...B, count: 6, suppressed: false },
      { careSetting: 'residential_care', ...S, count: 1, suppressed: false },
    ]);
    expect(past.total).toBe(12);
    expect((await t.admin.get(`/figures/children?asOf=${D(-105)}`)).body).toMatchObject({ rows: [{ count: 0, suppressed: false }], total: 0 });
    expect((await planner.get(`/figures/children?asOf=${D(-105)}`)).body).toMatchObject({ rows: [{ count: 0, suppressed: false }], total: 0 });
  });

  it('groups by facility type, age band, sex, disability and parental status, children in no facility labelled so', async () => {
    const body = (await t.admin.get('/figures/children?groupBy=facilityType,ageBand,disability,parentalStatus')).body;
    expect(body.rows).toEqual([
      { facilityType: 'group_home', ageBand: '6-11', disability: false, parentalStatus: 'one_parent_living', count: 1, suppressed: false },
      { facilityType: 'not_in_a_facility', ageBand: '6-11', disability: false, parentalStatus: 'one_parent_living', count: 6, suppressed: false },
      { facilityType: 'residential_care_institution', ageBand: '6-11', disability: false, parentalStatus: 'one_parent_living', count: 4, suppressed: false },
    ]);
    expect((await t.admin.get('/figures/children?groupBy=sex')).body.rows).toEqual([
      { sex: 'female', count: 6, suppressed: false },
      { sex: 'male', count: 5, suppressed: false },
    ]);
  });

  it('counts flows over a period by the dates events happened', async () => {
    const body = (await t.admin.get(`/figures/flows?from=${D(-120)}&to=${D(0)}`)).body;
    expect(body).toEqual({
      from: D(-120),
      to: D(0),
      interval: null,
      rows: [
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
      ],
      disclosureControl: NONE,
    });
    const noClosures = { goals_met: 0, aged_out: 0, died: 0, moved_or_untraceable: 0, transferred_out: 0, other: 0, at_assessment: 0 };
    expect((await t.admin.get(`/figures/flows?from=${D(-60)}&to=${D(-40)}&groupBy=provinceCode`)).body.rows).toEqual([
      { ...B, referrals: 5, admissions: 0, placedAtGatekeeping: 5, reintegrations: 0, breakdowns: 0, reEntries: 0, closures: 0, closuresByReason: noClosures, suppressed: false, suppressedFields: [] },
      { ...S, referrals: 1, admissions: 1, placedAtGatekeeping: 0, reintegrations: 0, breakdowns: 0, reEntries: 0, closures: 0, closuresByReason: noClosures, suppressed: false, suppressedFields: [] },
    ]);
    const planned = (await planner.get(`/figures/flows?from=${D(-60)}&to=${D(-40)}&groupBy=provinceCode`)).body.rows;
    expect(planned[1]).toMatchObject({ ...S, placedAtGatekeeping: 0, reintegrations: 0, closuresByReason: noClosures });
    expect([protectedAs(planned[0].referrals, 5), protectedAs(planned[1].referrals, 1), protectedAs(planned[1].admissions, 1)]).toEqual([true, true, true]);
    expect(planned[1].suppressedFields).toEqual(['referrals', 'admissions'].filter((field) => planned[1][field] === null));
  });

  it('describes the facilities on a date, with exact counts of facilities for everyone', async () => {
    const today = (await t.admin.get('/figures/facilities?groupBy=provinceCode')).body;
    expect(today.rows).toEqual([
      { ...B, facilities: 1, capacity: 40, residents: 4, withActiveMou: 1, inspectedLast12Months: 1, overdueInspections: 0, transitioned: 0, closed: 0, suppressed: false, suppressedFields: [] },
      { ...S, facilities: 1, capacity: 10, residents: 1, withActiveMou: 1, inspectedLast12Months: 0, overdueInspections: 0, transitioned: 0, closed: 0, suppressed: false, suppressedFields: [] },
    ]);
    const planned = (await planner.get('/figures/facilities?groupBy=status')).body;
    expect(planned.rows).toEqual([
      { status: 'authorized', facilities: 2, capacity: 50, residents: planned.rows[0].residents, withActiveMou: 2, inspectedLast12Months: 1, overdueInspections: 0, transitioned: 0, closed: 0, suppressed: planned.rows[0].residents === null, suppressedFields: planned.rows[0].residents === null ? ['residents'] : [] },
    ]);
    expect(protectedAs(planned.rows[0].residents, 5)).toBe(true);
    expect(planned.disclosureControl).toEqual(CELL_KEY);
    // Before anything was registered, there were no facilities.
    expect((await t.admin.get(`/figures/facilities?asOf=${D(-1)}&groupBy=provinceCode`)).body.rows).toEqual([]);
  });

  it('measures deinstitutionalisation against a baseline, shares as percentages', async () => {
    // At the baseline F1's 6 (two preparing reintegration) were resident; now 5, beside 6 in families.
    // Gatekeeping since: 1 admission (F2), 6 kept out (5 foster placements, 1 closed at assessment).
    const dates = { baseline: D(-60), asOf: D(0) };
    expect((await t.admin.get(`/figures/deinstitutionalisation?baseline=${D(-60)}`)).body).toEqual({
      ...dates, provinceCode: null, residentialAtBaseline: 6, residentialNow: 5, reductionPercent: 16.7, residentialToFamilyRatio: 0.83, gatekeptAdmissionsPercent: 85.7,
      gatekeptAdmissionsShare: 85.7, suppressed: false, suppressedFields: [], disclosureControl: NONE,
    });
    const shown = (await planner.get(`/figures/deinstitutionalisation?baseline=${D(-60)}`)).body;
    expect(protectedAs(shown.residentialAtBaseline, 6) && protectedAs(shown.residentialNow, 5)).toBe(true);
    // Shares come from the published counts, and are withheld with any count they use.
    const expected = shown.residentialAtBaseline === null || shown.residentialNow === null ? null : Math.round(((shown.residentialAtBaseline - shown.residentialNow) / shown.residentialAtBaseline) * 1000) / 10;
    expect(shown.reductionPercent).toBe(expected);
    for (const field of shown.suppressedFields) expect([field, shown[field]]).toEqual([field, null]);
    expect(shown.suppressed).toBe(shown.suppressedFields.length > 0);
    expect((await t.admin.get(`/figures/deinstitutionalisation?baseline=${D(-60)}&provinceCode=17`)).body).toEqual({
      ...dates, ...S, residentialAtBaseline: 0, residentialNow: 1, reductionPercent: null, residentialToFamilyRatio: null, gatekeptAdmissionsPercent: 0,
      gatekeptAdmissionsShare: 0, suppressed: false, suppressedFields: [], disclosureControl: NONE,
    });
  });

  it('answers CSV with a header row when asked, province names included', async () => {
    const csv = await t.admin.get('/figures/children?groupBy=careSetting', { Accept: 'text/csv' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text).toBe('careSetting,count,suppressed\r\nfoster_care,4,false\r\nkinship_care,2,false\r\nresidential_care,5,false\r\n');
    const flows = await t.admin.get(`/figures/flows?from=${D(-120)}&to=${D(0)}`, { Accept: 'text/csv' });
    expect(flows.text).toBe(
      'referrals,admissions,placedAtGatekeeping,reintegrations,breakdowns,reEntries,closures,suppressed,closures_goals_met,closures_aged_out,closures_died,closures_moved_or_untraceable,closures_transferred_out,closures_other,closures_at_assessment,suppressedFields\r\n' +
        '13,7,5,2,1,1,1,false,0,0,0,0,0,0,1,\r\n',
    );
    const byProvince = await t.admin.get(`/figures/children?asOf=${D(-35)}&groupBy=provinceCode`, { Accept: 'text/csv' });
    expect(byProvince.text).toBe('provinceCode,provinceNameEn,provinceNameKm,count,suppressed\r\n02,Battambang,បាត់ដំបង,11,false\r\n17,Siem Reap,សៀមរាប,1,false\r\n');
    expect((await t.admin.get(`/figures/deinstitutionalisation?baseline=${D(-60)}`, { Accept: 'text/csv' })).text).toBe(
      'baseline,asOf,provinceCode,residentialAtBaseline,residentialNow,reductionPercent,residentialToFamilyRatio,gatekeptAdmissionsPercent,gatekeptAdmissionsShare,suppressed,suppressedFields\r\n' +
        `${D(-60)},${D(0)},,6,5,16.7,0.83,85.7,85.7,false,\r\n`,
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

  it('gets large answers row by row, and a read that fails part-way gives its connection back', async () => {
    const db = t.app.get(Database);
    let rows = 0;
    let first: unknown;
    await db.eachRow('SELECT g, g::text FROM generate_series(1, 20000) g', [], (row) => {
      rows++;
      first ??= row;
    });
    expect([rows, first]).toEqual([20000, [1, '1']]);
    // More failures than the pool has connections: a connection kept by any of them would stall the rest.
    for (let i = 0; i < 15; i++) {
      const refuse = (row: unknown[]) => {
        if (row[0] === 50) throw new Error('refused by the reader');
      };
      await expect(db.eachRow('SELECT g FROM generate_series(1, 100) g', [], refuse)).rejects.toThrow('refused by the reader');
      await expect(db.eachRow('SELECT 1 / (g - 50) FROM generate_series(1, 100) g', [], () => undefined)).rejects.toMatchObject({ code: '22012' });
    }
    expect((await planner.get('/figures/children?groupBy=careSetting')).status).toBe(200);
  });
});
