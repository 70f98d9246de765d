import { aFacility, createAgency } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

/** Two mapping sheets, one facility: the second registration is caught unless the inspector confirms it is another one. */
describe('an inspector registers no facility twice', () => {
  let t: TestApp;
  let inspector: ApiClient;
  let operator: string;
  let first: { id: string; registryCode: string };

  beforeAll(async () => {
    t = await startTestApp();
    inspector = await t.asUser('inspector');
    operator = await createAgency(t.admin);
    first = (await inspector.post('/facilities', aFacility(operator, { name: 'Sunrise Children’s Home', nameKm: 'មណ្ឌលកុមារ ថ្ងៃរះ', commune: 'Svay Por' }))).body;
  });
  afterAll(() => t.close());

  it.each([
    ['the same name', { name: 'Sunrise Children’s Home' }],
    ['another case, accents and spacing', { name: 'SUNRISE  childrens home' }],
    ['the same Khmer name', { name: 'Sunrise House', nameKm: 'មណ្ឌលកុមារ​ថ្ងៃរះ' }],
  ])('answers 409 POSSIBLE_DUPLICATE_FACILITY for %s, naming the candidate', async (_what, fields) => {
    const again = await inspector.post('/facilities', aFacility(operator, { nameKm: 'ផ្សេង', commune: 'Svay Por', ...fields }));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'POSSIBLE_DUPLICATE_FACILITY', candidates: [{ id: first.id, registryCode: first.registryCode, name: 'Sunrise Children’s Home' }] });
  });

  it('registers what only looks alike: another number, commune or province, or one the inspector confirmed', async () => {
    const numbered = await inspector.post('/facilities', aFacility(operator, { name: 'Sunrise Children’s Home 2', nameKm: undefined, commune: 'Svay Por' }));
    expect(numbered.status).toBe(201);
    expect((await inspector.post('/facilities', aFacility(operator, { name: 'Sunrise Children’s Home', nameKm: undefined, commune: 'Chomkar Somraong' }))).status).toBe(201);
    expect((await inspector.post('/facilities', aFacility(operator, { name: 'Sunrise Children’s Home', nameKm: undefined, provinceCode: '17' }))).status).toBe(201);
    const confirmed = await inspector.post('/facilities', aFacility(operator, { name: 'Sunrise Children’s Home', nameKm: undefined, commune: 'Svay Por', confirmNotDuplicate: true }));
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.registryCode).not.toBe(first.registryCode);
    expect((await inspector.patch(`/facilities/${first.id}`, { confirmNotDuplicate: true })).status).toBe(400);
  });
});
