import { aChild, aFacility, createAgency, daysFromToday, referral } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

type Place = { code: string; parentCode: string | null; level: string; nameEn: string; nameKm: string };

/** Districts, communes and villages are the official ones, chosen from the gazetteer and checked against the province. */
describe('an inspector places a facility on the gazetteer', () => {
  let t: TestApp;
  let inspector: ApiClient;
  let agency: string;

  beforeAll(async () => {
    t = await startTestApp();
    inspector = await t.asUser('inspector');
    agency = await createAgency(t.admin);
  });
  afterAll(() => t.close());

  const places = async (query: string) => (await inspector.get(`/places?${query}`)).body.items as Place[];

  it('holds the whole gazetteer: 25 provinces, 210 districts, 1,652 communes, 14,578 villages', async () => {
    expect(await places('level=province&limit=2000')).toHaveLength(25);
    expect(await places('level=district&limit=2000')).toHaveLength(210);
    expect(await places('level=commune&limit=2000')).toHaveLength(1652);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM places WHERE level = 'village'`)).toEqual([{ n: 14578 }]);
    const battambang = await places('parentCode=02&limit=2000');
    expect(battambang.every((d) => d.level === 'district' && d.code.startsWith('02'))).toBe(true);
    const [byName] = await places('level=district&q=mongkol');
    expect(byName).toMatchObject({ code: '0102', parentCode: '01', nameEn: 'Mongkol Borey', nameKm: 'មង្គលបូរី' });
    expect((await places('level=village&q=ស្ពឺ "ក"')).map((v) => v.nameKm)).toContain('ស្ពឺ "ក"');
    expect((await inspector.get('/places?level=hamlet')).status).toBe(400);
  });

  it('registers a facility with codes inside its province, and names them in the answer', async () => {
    const [district] = await places('parentCode=02&level=district');
    const [commune] = await places(`parentCode=${district.code}`);
    const [village] = await places(`parentCode=${commune.code}`);
    const created = await inspector.post('/facilities', aFacility(agency, { provinceCode: '02', districtCode: district.code, communeCode: commune.code, villageCode: village.code }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      districtCode: district.code,
      communeCode: commune.code,
      villageCode: village.code,
      places: {
        district: { nameEn: district.nameEn, nameKm: district.nameKm },
        commune: { nameEn: commune.nameEn, nameKm: commune.nameKm },
        village: { nameEn: village.nameEn, nameKm: village.nameKm },
      },
    });
    // Moved to a commune of another district of the same province: refused, the village no longer fits.
    const [otherDistrict] = (await places('parentCode=02&level=district')).slice(1);
    const [otherCommune] = await places(`parentCode=${otherDistrict.code}`);
    const moved = await inspector.patch(`/facilities/${created.body.id}`, { communeCode: otherCommune.code });
    expect(moved.status).toBe(400);
    expect(moved.body.errors.map((e: { field: string }) => e.field)).toEqual(['communeCode']);
  });

  it('refuses codes that are not places, not of their level, or in another province', async () => {
    const refused = async (fields: object) => (await inspector.post('/facilities', aFacility(agency, { provinceCode: '02', ...fields }))).body.errors?.map((e: { field: string }) => e.field);
    expect(await refused({ districtCode: '0299' })).toEqual(['districtCode']);
    expect(await refused({ districtCode: '0102' })).toEqual(['districtCode']);
    expect(await refused({ districtCode: 'xyz not a district' })).toEqual(['districtCode']);
    expect(await refused({ communeCode: '0203' })).toEqual(['communeCode']);
    // Names typed in must be places of the province too: found without case or accents, their codes filled in.
    expect(await refused({ district: 'xyz not a district' })).toEqual(['district']);
    expect(await refused({ district: 'Battambang', commune: 'Nowhere' })).toEqual(['commune']);
    const typed = await inspector.post('/facilities', aFacility(agency, { provinceCode: '02', district: 'battambang', commune: 'SVAY POR' }));
    expect(typed.body).toMatchObject({ districtCode: '0203', communeCode: '020310', places: { commune: { nameEn: 'Svay Por', nameKm: 'ស្វាយប៉ោ' } } });
    expect((await inspector.post('/facilities', aFacility(agency, { provinceCode: '02', district: 'បាត់ដំបង', name: 'Khmer-named district home' }))).body.districtCode).toBe('0203');
  });

  it('places a child’s home on the gazetteer too, inside the home province', async () => {
    const social = await t.asUser('social_worker');
    const [district] = await places('parentCode=17&level=district');
    const [commune] = await places(`parentCode=${district.code}`);
    const child = await social.post('/children', aChild({ homeProvinceCode: '17', homeDistrictCode: district.code, homeCommuneCode: commune.code }));
    expect(child.status).toBe(201);
    expect(child.body).toMatchObject({ homeDistrictCode: district.code, homeCommuneCode: commune.code, homeVillageCode: null, homePlaces: { district: { nameEn: district.nameEn }, commune: { nameKm: commune.nameKm }, village: null } });
    const elsewhere = await social.post('/children', aChild({ homeProvinceCode: '02', homeDistrictCode: district.code }));
    expect(elsewhere.body.errors.map((e: { field: string }) => e.field)).toEqual(['homeDistrictCode']);
    // A home province moved without its district: the district no longer fits.
    const moved = await social.patch(`/children/${child.body.id}`, { homeProvinceCode: '02' });
    expect(moved.status).toBe(400);
    expect(moved.body.errors[0].field).toBe('homeDistrictCode');
  });

  it('places a family placement on the gazetteer, inside the placement’s province, until it ends', async () => {
    const social = await t.asUser('social_worker');
    const office = await createAgency(t.admin, { type: 'government' });
    const [district] = await places('parentCode=12&level=district');
    const [commune] = await places(`parentCode=${district.code}`);
    const episode = await referral(social, office, { episode: { referredOn: daysFromToday(-20) } });
    await social.post(`/care-episodes/${episode.id}/startAssessment`, { occurredOn: daysFromToday(-15) });
    const placement = { occurredOn: daysFromToday(-10), placementType: 'kinship_care', carerName: 'Grandmother', provinceCode: '12', districtCode: district.code, communeCode: commune.code };
    const refused = await social.post(`/care-episodes/${episode.id}/placeInFamily`, { ...placement, provinceCode: '02' });
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['districtCode', 'communeCode']);
    const placed = await social.post(`/care-episodes/${episode.id}/placeInFamily`, placement);
    expect(placed.status).toBe(200);
    expect(placed.body).toMatchObject({ provinceCode: '12', placementDistrictCode: district.code, placementCommuneCode: commune.code, placementPlaces: { district: { nameKm: district.nameKm }, commune: { nameEn: commune.nameEn } } });
    const broken = await social.post(`/care-episodes/${episode.id}/reportBreakdown`, { occurredOn: daysFromToday(-2), reason: 'the grandmother fell ill' });
    expect(broken.body).toMatchObject({ placementDistrictCode: null, placementCommuneCode: null, placementPlaces: { district: null } });
  });
});
