import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/test-app';

/** The README's first walk, run as a newcomer would paste it into a shell, against a real server. */
describe('a newcomer follows the README', () => {
  let t: TestApp;
  let origin: string;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    origin = await t.app.getUrl();
  });
  afterAll(() => t.close());

  it('runs the first walk as written, every call answered', async () => {
    const readme = await readFile(path.join(__dirname, '../../README.md'), 'utf8');
    const walk = /## A first walk through the API[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(walk).toContain('API=http://localhost:3000/api/v1');
    const script = walk!.replace('API=http://localhost:3000/api/v1', `API=${origin}/api/v1`).replace('PASSWORD=THE-PRINTED-PASSWORD', `PASSWORD='${ADMIN_PASSWORD}'`);
    const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script], { timeout: 60_000 });
    const lines = stdout.trim().split('\n');
    expect(lines.slice(0, 4)).toEqual(['ngo_worker', 'social_worker', 'inspector', 'inspector']);
    // The social worker's day: found by name, the case, the referral waiting for its assessment.
    expect(lines[4]).toMatch(/^CH-[0-9A-Z]{10}$/);
    expect(lines[5]).toBe('referred');
    expect(lines[6]).toMatch(/^referral_waiting 2026-01-12/);
    // The inspector's day: 8 areas left after the draft, submitted, on the colleague's worklist, approved.
    expect(lines.slice(7, 9)).toEqual(['8', 'submitted']);
    expect(lines[9]).toMatch(/^Inspection to approve: RCF-02-\d{5} Lotus House$/);
    expect(lines.slice(10)).toEqual(['approved', '25', 'true']);
  });
});
