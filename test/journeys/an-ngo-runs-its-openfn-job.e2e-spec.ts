import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { aChild, createAgency, daysFromToday, goodVisit } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

const run = promisify(execFile);
const RUNNER = path.join(__dirname, '../../examples/openfn/run.mjs');

interface JobState {
  cursor: string;
  cases: { id: string; externalId: string | null; status: string; nextVisitDue: string | null }[];
  reported: { externalId: string; episodeId: string; visitId: string }[];
}

/** The hourly OpenFn job of examples/openfn, run by OpenFn's runtime and HTTP adaptor against the real API. */
describe('an NGO runs its OpenFn job', () => {
  let t: TestApp;
  let dir: string;
  let env: Record<string, string>;
  let ngo: ApiClient;
  let episodeId: string;

  // Not spawnSync: the API answering the job runs in this very process.
  const runJob = async (state: object): Promise<JobState> => {
    writeFileSync(path.join(dir, 'state.json'), JSON.stringify(state));
    try {
      await run(process.execPath, ['--experimental-vm-modules', '--no-warnings', RUNNER, path.join(dir, 'state.json'), path.join(dir, 'out.json')], { env: { ...process.env, ...env }, timeout: 60_000 });
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      throw new Error(`the job failed (${failed.code}):\n${failed.stdout}\n${failed.stderr}`);
    }
    // The token was in the configuration: nothing of it may reach the state the NGO stores.
    const out = readFileSync(path.join(dir, 'out.json'), 'utf8');
    expect(out).not.toMatch(/access_?token|configuration|eyJ[\w-]+\.eyJ[\w-]+\./i);
    return JSON.parse(out) as JobState;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    dir = mkdtempSync(path.join(tmpdir(), 'rcf-openfn-'));
    const agency = await createAgency(t.admin, { name: 'Friends of Battambang Children' });
    const client = (await t.admin.post('/api-clients', { name: 'OSCaR hourly sync (OpenFn)', role: 'ngo_worker', agencyId: agency })).body;
    env = { RCF_BASE_URL: `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`, RCF_CLIENT_ID: client.clientId, RCF_CLIENT_SECRET: client.clientSecret };

    ngo = await t.asUser('ngo_worker', { agencyId: agency });
    const social = await t.asUser('social_worker', { provinceCodes: ['02'] });
    const child = await ngo.post('/children', aChild({ externalId: 'OSCaR-CHILD-77' }));
    expect(child.status).toBe(201);
    const episode = await ngo.post('/care-episodes', { childId: child.body.id, responsibleAgencyId: agency, provinceCode: '02', referredOn: daysFromToday(-40), reasons: ['abuse_or_neglect'], externalId: 'OSCaR-CASE-4411' });
    episodeId = episode.body.id;
    await social.post(`/care-episodes/${episodeId}/startAssessment`, { occurredOn: daysFromToday(-35) });
    const placed = await social.post(`/care-episodes/${episodeId}/placeInFamily`, { occurredOn: daysFromToday(-30), placementType: 'kinship_care', carerName: 'Chan Sreymom', provinceCode: '02' });
    expect(placed.status).toBe(200);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('syncs what changed, posts the visit the NGO recorded, and resumes from its cursor next hour', async () => {
    const visit = goodVisit(daysFromToday(-1));
    const first = await runJob({ visits: [{ externalId: 'OSCaR-CASE-4411', visit }] });
    expect(first.cursor).toEqual(expect.any(String));
    expect(first.cases).toEqual([{ id: episodeId, externalId: 'OSCaR-CASE-4411', status: 'family_based_care', nextVisitDue: expect.any(String) }]);
    expect(first.reported).toEqual([{ externalId: 'OSCaR-CASE-4411', episodeId, visitId: expect.any(String) }]);

    const visits = (await ngo.get(`/care-episodes/${episodeId}/follow-up-visits`)).body.items;
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ id: first.reported[0].visitId, visitedOn: visit.visitedOn, childSeen: true });

    // Next hour: the visit changed the case, so it is what changed; then nothing more.
    const second = await runJob({ cursor: first.cursor });
    expect(second.cases.map((c) => c.id)).toEqual([episodeId]);
    const third = await runJob({ cursor: second.cursor });
    expect(third).toEqual({ cursor: expect.any(String), cases: [], reported: [] });

    // A run that is retried after a failure posts the same visit once: the Idempotency-Key replays it.
    const retried = await runJob({ cursor: third.cursor, visits: [{ externalId: 'OSCaR-CASE-4411', visit }] });
    expect(retried.reported[0].visitId).toBe(first.reported[0].visitId);
    expect((await ngo.get(`/care-episodes/${episodeId}/follow-up-visits`)).body.items).toHaveLength(1);
  });
});
