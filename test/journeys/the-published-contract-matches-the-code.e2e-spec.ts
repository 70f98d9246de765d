import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app';

const OPENAPI_FILE = path.join(__dirname, '../../docs/openapi.json');

/** Clients are written against docs/openapi.json and the schema against migrations/: neither may drift. */
describe('the published contract matches the code', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('serves exactly the committed docs/openapi.json (regenerate with `npm run openapi`)', async () => {
    const served = `${JSON.stringify((await t.anonymous.get('/docs-json')).body, null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI === '1') await writeFile(OPENAPI_FILE, served);
    const committed = await readFile(OPENAPI_FILE, 'utf8').catch(() => '(docs/openapi.json is missing)');
    expect(served).toBe(committed);
  });

  it('has no schema change pending outside a migration (see `npm run migration:diff`)', async () => {
    const pending = await t.db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});
