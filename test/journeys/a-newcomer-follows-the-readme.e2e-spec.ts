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
    expect(lines[0]).toBe('ngo_worker');
    expect(lines[1]).toBe('social_worker');
    expect(lines[2]).toMatch(/^CH-[0-9A-Z]{10}$/);
    expect(lines[3]).toBe('referred');
    expect(lines[4]).toMatch(/^referral_waiting 2026-01-12/);
    expect(lines.slice(5)).toEqual(['25', 'true']);
  });
});
