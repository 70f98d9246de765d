import 'reflect-metadata';
import { JwtService } from '@nestjs/jwt';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import { SESSION_OPTIONS } from '../../src/common/database/data-source-options';
import { findFreePort } from '../../src/common/database/embedded-postgres';
import { loadConfig } from '../../src/config/config';
import { projectDatabase } from '../db-url';
import { call, hotPaths, JWT_SECRET, printTable, waitFor, type HotRequest } from './http';

/**
 * `npm run bench:instructions`: the hot read and the hot write counted in machine instructions, not
 * timed. Each server runs under valgrind's callgrind, which counts every instruction the process
 * executes (its V8 helper threads too), whatever else the machine is doing: on a noisy machine two
 * runs of the same build agree closely, where CPU time moves by 20%. After a warm-up the counters
 * are zeroed, a fixed number of requests is sent one at a time, and the count is divided by them.
 * Two parts are shown apart and left out of the ratio: V8's optimising compiler (warm-up, not work
 * per request) and its garbage collector, whose full collections under valgrind follow wall-clock
 * timers (the memory reducer) more than the work, and vary by half from run to run. What is left,
 * the code that serves the request, is what the ratio compares. Needs valgrind (`apt-get install
 * valgrind`) and the users and data of `npm run bench` (run it once first).
 */
const exec = promisify(execFile);
const WARM = Number(process.env.BENCH_WARM ?? 6000);
const COUNTED = Number(process.env.BENCH_COUNTED ?? 1000);

interface Count {
  total: number;
  compiler: number;
  gc: number;
}

async function main(): Promise<void> {
  await exec('valgrind', ['--version']).catch(() => {
    console.error('bench:instructions needs valgrind (on Debian: apt-get install valgrind).');
    process.exit(2);
  });
  const config = loadConfig();
  const { url, embedded } = await projectDatabase(config.databaseUrl, config.embeddedDbDir);
  const pool = new Pool({ connectionString: url, max: 2, options: SESSION_OPTIONS });
  const out = await mkdtemp(path.join(tmpdir(), 'rcf-callgrind-'));
  try {
    const paths = await hotPaths(pool, 'id');
    const token = await signedToken(pool);
    console.log(`Instructions per request: ${WARM} requests to warm up, then ${COUNTED} counted, one at a time, under callgrind`);
    const rows: string[][] = [];
    for (const kind of ['read', 'write'] as const) {
      // The two servers of one path side by side: the counts do not depend on what else runs.
      const [bare, api] = await Promise.all(
        (['bare', 'api'] as const).map((server) => countServer(server, url, token, out, (n) => paths[kind](n))),
      );
      const steady = (c: Count) => c.total - c.compiler - c.gc;
      rows.push([
        kind === 'read' ? 'hot read: GET one care episode' : 'hot write: POST a follow-up visit',
        thousands(steady(api)),
        thousands(api.gc),
        thousands(api.compiler),
        thousands(steady(bare)),
        thousands(bare.gc),
        `${(steady(api) / steady(bare)).toFixed(2)}×`,
      ]);
    }
    printTable(['path', 'API', 'API GC', 'API compiling', 'bare', 'bare GC', 'API / bare'], rows);
    console.log('(thousands of instructions per request: serving it, then apart the garbage collector and the optimising compiler)');
  } finally {
    await pool.end();
    await rm(out, { recursive: true, force: true });
    await embedded?.stop();
  }
}

async function countServer(
  server: 'bare' | 'api',
  databaseUrl: string,
  token: string,
  out: string,
  next: (n: number) => HotRequest,
): Promise<Count> {
  const port = await findFreePort();
  const script = server === 'api' ? path.join(__dirname, '../../src/main.js') : path.join(__dirname, 'bare-server.js');
  const nodeArgs = server === 'api' ? ['--max-semi-space-size=16', '--max-old-space-size=256'] : [];
  const dump = path.join(out, `${server}-${port}`);
  const child = spawn(
    'valgrind',
    ['--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${dump}`, process.execPath, ...nodeArgs, script],
    {
      // Under valgrind everything is ~50× slower: a longer wait for a connection, and the webhook
      // poll (4 a second) slowed so that its rounds do not land in the counted requests.
      env: { ...process.env, DATABASE_URL: databaseUrl, JWT_SECRET, PORT: String(port), LOG_REQUESTS: 'false', JWT_EXPIRES_IN_SECONDS: '86400', DB_ACQUIRE_TIMEOUT_MS: '120000', WEBHOOK_POLL_MS: '60000' },
      stdio: 'ignore',
    },
  );
  try {
    await waitFor(port, '/api/v1/care-episodes/00000000-0000-4000-8000-000000000000', 401, 900);
    let n = 0;
    const send = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const [method, urlPath, body] = next(n++);
        const answer = await call(port, method, urlPath, token, body);
        if (answer.status !== 200 && answer.status !== 201) throw new Error(`${server} ${urlPath}: ${answer.status} ${answer.body.slice(0, 200)}`);
      }
    };
    await send(WARM);
    execFileSync('callgrind_control', ['--instr=on', String(child.pid)], { stdio: 'ignore' });
    await send(50);
    execFileSync('callgrind_control', ['--zero', String(child.pid)], { stdio: 'ignore' });
    await send(COUNTED);
    execFileSync('callgrind_control', ['--dump', String(child.pid)], { stdio: 'ignore' });
    return await readCount(`${dump}.1`, COUNTED);
  } finally {
    child.kill('SIGTERM');
  }
}

/** A token as the API's login signs it, for a day (a counted run takes minutes): a password check under valgrind takes long. */
async function signedToken(pool: Pool): Promise<string> {
  const [user] = (await pool.query<{ id: string; token_version: number }>(`SELECT id, token_version FROM users WHERE username = 'bench.social'`)).rows;
  if (!user) throw new Error('no bench.social user: run `npm run bench` once first');
  return new JwtService({ secret: JWT_SECRET }).signAsync({ sub: user.id, ver: user.token_version, jti: randomUUID() }, { expiresIn: 86_400 });
}

/** The dump's total, and the parts spent in V8's compiler and in its garbage collector, per request. */
async function readCount(file: string, requests: number): Promise<Count> {
  const text = await readFile(file, 'utf8');
  const total = Number(/^(?:summary|totals):\s+(\d+)/m.exec(text)?.[1] ?? Number.NaN);
  const { stdout } = await exec('callgrind_annotate', ['--threshold=100', '--inclusive=no', file], { maxBuffer: 256 * 1024 * 1024 });
  let compiler = 0;
  let gc = 0;
  for (const line of stdout.split('\n')) {
    const match = /^\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)$/.exec(line);
    if (!match || line.includes('PROGRAM TOTALS')) continue;
    const count = Number(match[1].replaceAll(',', ''));
    const fn = match[2];
    if (/compiler::|maglev|Compile|Zone/i.test(fn)) compiler += count;
    else if (/Marking|Sweep|Scaveng|Heap|MemoryChunk|Evacuat|RememberedSet|BodyDescriptor|SizeFromMap|Compactor/.test(fn)) gc += count;
  }
  return { total: total / requests, compiler: compiler / requests, gc: gc / requests };
}

const thousands = (n: number) => `${Math.round(n / 1000).toLocaleString('en')}K`;

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
