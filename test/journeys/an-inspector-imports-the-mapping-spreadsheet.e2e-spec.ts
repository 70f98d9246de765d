import { aFacility, createAgency } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

type Report = { dryRun: boolean; committed: boolean; rows: { row: number; status: string; id?: string; existingId?: string; registryCode?: string; errors?: { field: string }[] }[]; totals: Record<string, number> };

/** The mapping team's spreadsheet, imported in one go: checked, reported row by row, all or nothing. */
describe('an inspector imports the mapping spreadsheet', () => {
  let t: TestApp;
  let inspector: ApiClient;
  let existing: { id: string };
  let agency: string;

  beforeAll(async () => {
    t = await startTestApp();
    inspector = await t.asUser('inspector', { provinceCodes: ['02', '17'] });
    agency = await createAgency(t.admin, { name: 'Hope Foundation' });
    existing = (await inspector.post('/facilities', aFacility(agency, { name: 'Mekong Children’s Centre', nameKm: undefined, provinceCode: '02' }))).body;
  });
  afterAll(() => t.close());

  const send = async (csv: string, dryRun: boolean, client = inspector) => {
    const response = await client.post(`/facility-imports?dryRun=${dryRun}`, csv, { 'Content-Type': 'text/csv' });
    return response;
  };
  const sheet = (rows: string[]) => ['name,nameKm,type,operatorAgencyName,provinceCode,commune,capacity', ...rows].join('\r\n') + '\r\n';
  const good = [
    'Lotus House,ផ្ទះឈូក,group_home,Hope Foundation,02,Svay Por,20',
    '"Sunrise Home, Siem Reap",,residential_care_institution,Hope Foundation,17,,45',
    'Mekong Childrens Centre,,residential_care_institution,Hope Foundation,02,,30',
  ];

  it('reports each row on a dry run and stores nothing', async () => {
    const response = await send(sheet([...good, 'Pagoda Shelter,,a_pagoda,Hope Foundation,02,,10', 'Angkor Home,,group_home,Nobody Foundation,17,,12']), true);
    expect(response.status).toBe(200);
    const report = response.body as Report;
    expect(report).toMatchObject({ dryRun: true, committed: false, totals: { rows: 5, created: 2, duplicate: 1, invalid: 2 } });
    expect(report.rows.map((r) => [r.row, r.status])).toEqual([[2, 'created'], [3, 'created'], [4, 'duplicate'], [5, 'invalid'], [6, 'invalid']]);
    expect(report.rows[2].existingId).toBe(existing.id);
    expect(report.rows[3].errors?.map((e) => e.field)).toEqual(['type']);
    expect(report.rows[4].errors?.map((e) => e.field)).toEqual(['operatorAgencyName']);
    expect((await inspector.get('/facilities?q=Lotus')).body.items).toEqual([]);
  });

  it('creates nothing when a row is invalid, everything when none is, and nothing twice', async () => {
    const refused = (await send(sheet([...good, 'Pagoda Shelter,,a_pagoda,Hope Foundation,02,,10']), false)).body as Report;
    expect(refused).toMatchObject({ dryRun: false, committed: false, totals: { invalid: 1 } });
    expect((await inspector.get('/facilities?q=Lotus')).body.items).toEqual([]);

    const done = (await send(sheet(good), false)).body as Report;
    expect(done).toMatchObject({ committed: true, totals: { rows: 3, created: 2, duplicate: 1, invalid: 0 } });
    const lotus = done.rows[0];
    expect(lotus.registryCode).toMatch(/^RCF-02-\d{5}$/);
    expect((await inspector.get(`/facilities/${lotus.id}`)).body).toMatchObject({ name: 'Lotus House', nameKm: 'ផ្ទះឈូក', status: 'identified', capacity: 20, operatorAgencyId: agency });
    expect((await inspector.get(`/facilities/${done.rows[1].id}`)).body.name).toBe('Sunrise Home, Siem Reap');

    const again = (await send(sheet(good), false)).body as Report;
    expect(again).toMatchObject({ committed: true, totals: { created: 0, duplicate: 3 } });
  });

  it('catches a facility listed twice in one file, rows outside the inspector’s provinces, and places not in the gazetteer', async () => {
    const report = (await send(sheet(['Peace House,,group_home,Hope Foundation,02,,8', 'PEACE house,,group_home,Hope Foundation,02,,8', 'Kampot Home,,group_home,Hope Foundation,07,,8', 'Nowhere Home,,group_home,Hope Foundation,02,Atlantis,8']), true)).body as Report;
    expect(report.rows.map((r) => r.status)).toEqual(['created', 'duplicate', 'invalid', 'invalid']);
    expect(report.rows[2].errors?.map((e) => e.field)).toEqual(['provinceCode']);
    expect(report.rows[3].errors?.map((e) => e.field)).toEqual(['commune']);
  });

  it('refuses a file it cannot read, too long a file, and callers who do not register facilities', async () => {
    expect((await send('name,colour\nLotus,blue\n', true)).body.errors[0].field).toBe('body');
    expect((await send('name\n"open quote\n', true)).status).toBe(400);
    expect((await send(sheet(Array.from({ length: 5001 }, (_, i) => `Home ${i},,group_home,Hope Foundation,02,,8`)), true)).status).toBe(400);
    expect((await inspector.post('/facility-imports?dryRun=true', { csv: 'name\nx' })).status).toBe(400);
    expect((await send(sheet(good), true, await t.asUser('planner'))).status).toBe(403);
  });
});
