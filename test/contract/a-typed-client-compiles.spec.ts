import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '../..');
const node = (script: string, args: string[], cwd = root) => spawnSync(process.execPath, [path.join(root, 'node_modules', script), ...args], { cwd, encoding: 'utf8' });

/** An integrator generates types from docs/openapi.json with openapi-typescript and writes a client against them. */
describe('a typed client generated from the contract', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rcf-typed-client-'));
    execFileSync(process.execPath, [path.join(root, 'node_modules/openapi-typescript/bin/cli.js'), path.join(root, 'docs/openapi.json'), '--output', path.join(dir, 'api.d.ts')], { stdio: 'pipe' });
    // The client's own project, outside ours, with the packages it installs (openapi-fetch) at hand.
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    for (const file of ['sync.ts', 'wrong.ts']) copyFileSync(path.join(__dirname, 'typed-client', file), path.join(dir, file));
    const compilerOptions = {
      strict: true,
      noEmit: true,
      target: 'es2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      skipLibCheck: true,
      types: [],
      lib: ['es2022', 'dom'],
    };
    writeFileSync(path.join(dir, 'tsconfig.sync.json'), JSON.stringify({ compilerOptions, files: ['sync.ts'] }));
    writeFileSync(path.join(dir, 'tsconfig.wrong.json'), JSON.stringify({ compilerOptions, files: ['wrong.ts'] }));
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('compiles a client that syncs the change feed and reports a visit', () => {
    const result = node('typescript/bin/tsc', ['-p', 'tsconfig.sync.json'], dir);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);

  it('refuses, at compile time, a step that does not exist and a body without its required fields', () => {
    const result = node('typescript/bin/tsc', ['-p', 'tsconfig.wrong.json'], dir);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(/wrong\.ts\(7,/);
    expect(result.stdout).toMatch(/wrong\.ts\(8,/);
  }, 60_000);
});
