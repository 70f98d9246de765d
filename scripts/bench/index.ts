import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, SESSION_OPTIONS } from '../../src/common/database/data-source-options';
import { hashPassword } from '../../src/users/passwords';
import { findFreePort } from '../../src/common/database/embedded-postgres';
import { addDays, addYears, today } from '../../src/common/time/calendar';
import { loadConfig } from '../../src/config/config';
import { CARE_SPLIT_SQL, childrenStockSql, facilitiesSql, flowsSql, GATEKEEPING_SQL } from '../../src/figures/figures.queries';
import { CHILD_POPULATION_SQL, COMPLIANCE_TODAY_SQL, RESIDENTIAL_EXITS_SQL } from '../../src/figures/indicators/indicators.queries';
import { stockChangesSql } from '../../src/figures/series/series.queries';
import { timeDashboard } from './dashboard';
import { agent, call, f, hotPaths, JWT_SECRET, login, PASSWORD, percentile, printTable, timeInTurns, timeIt, waitFor, type HotRequest } from './http';
import { benchIntegration } from './integration';
import { projectDatabase } from '../db-url';

/**
 * `npm run bench`: on the seeded national data set, times each figures query through the API and
 * as raw SQL, then loads a hot read (GET one care episode) and a hot write (POST a follow-up visit)
 * against the API and against a bare node:http + pg server running the same SQL, and watches the
 * API's memory. Prints a table; ratios are against baselines measured in the same run.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
// The figures' p95 is compared against their SQL's: with 100 rounds it is the 95th value, not set by two slow rounds.
const FIGURE_ROUNDS = Number(process.env.BENCH_FIGURE_ROUNDS ?? 100);
const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

async function main(): Promise<void> {
  const config = loadConfig();
  const { url, embedded } = await projectDatabase(config.databaseUrl, config.embeddedDbDir);
  const migrator = new DataSource(dataSourceOptions(url, 1));
  await migrator.initialize();
  await migrator.runMigrations({ transaction: 'each' });
  await migrator.destroy();
  const pool = new Pool({ connectionString: url, max: 3, options: SESSION_OPTIONS });
  const processes: ChildProcess[] = [];
  try {
    const [{ events }] = (await pool.query<{ events: number }>('SELECT count(*)::int AS events FROM care_episode_events')).rows as [{ events: number }];
    console.log(`Data set: ${events.toLocaleString()} care episode events.`);
    if (events < 500_000) console.log('  (This is not the national data set: run `npm run seed -- national` first for figures that mean something.)');
    await benchUsers(pool);
    // What autovacuum does in production: fresh statistics and a visibility map for index-only scans.
    await pool.query('VACUUM ANALYZE care_periods, care_episode_events, care_episodes, children');

    const apiPort = await findFreePort();
    const barePort = await findFreePort();
    const env = { ...process.env, DATABASE_URL: url, JWT_SECRET, LOG_REQUESTS: 'false', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' };
    // The flags of `npm start` and the Docker image, plus any the caller adds (e.g. --cpu-prof).
    const nodeArgs = ['--max-semi-space-size=16', '--max-old-space-size=256', ...(process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];
    const startApi = () => spawn(process.execPath, [...nodeArgs, path.join(__dirname, '../../src/main.js')], { env: { ...env, PORT: String(apiPort) }, stdio: 'ignore' });
    let api = startApi();
    const bare = spawn(process.execPath, [...(process.env.BENCH_BARE_NODE_ARGS?.split(' ').filter(Boolean) ?? []), path.join(__dirname, 'bare-server.js')], { env: { ...env, PORT: String(barePort) }, stdio: 'ignore' });
    processes.push(api, bare);
    await waitFor(apiPort, '/health/ready');
    await waitFor(barePort, '/api/v1/care-episodes/00000000-0000-4000-8000-000000000000', 401);

    // BENCH_ONLY=figures|integration|hot runs one section (figures includes daily work and the import).
    const only = process.env.BENCH_ONLY;
    if (!only || only === 'figures') await benchFigures(apiPort, pool);
    if (!only || only === 'integration') await benchIntegration(apiPort, pool);
    if (!only || only === 'hot') {
      // A fresh API process for the load, so its memory is that of the hot paths, not of the large
      // figures answers before them.
      api.kill('SIGTERM');
      await new Promise((resolve) => api.once('exit', resolve));
      api = startApi();
      processes.push(api);
      await waitFor(apiPort, '/health/ready');
      await benchHotPaths(apiPort, barePort, api.pid!, pool);
    }
  } finally {
    for (const child of processes) child.kill('SIGTERM');
    await pool.end();
    agent.destroy();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await embedded?.stop();
  }
}

/** Each figures query through the API and as raw SQL; the dashboard's render; daily work; an import. */
async function benchFigures(apiPort: number, pool: Pool): Promise<void> {
  const planner = await login(apiPort, 'bench.planner');
  const social = await login(apiPort, 'bench.social');
  const asOf = today();
  const fiveYearsAgo = addYears(asOf, -5);
  const yearAgo = addDays(asOf, -365);
  const tenYearsAgo = addYears(asOf, -10);
  const thisMonth = `${asOf.slice(0, 7)}-01`;

  console.log(`\nFigures: p50 / p95 in ms of ${FIGURE_ROUNDS} rounds, through the API (as a planner) and as raw SQL from the bench's own pool, in turns`);
  // Each case: the API path, and the statement(s) with their parameters that answer it in raw SQL.
  const figureCases: { name: string; path: string; statements: [string, unknown[]][] }[] = [
    { name: 'children today by care setting × province', path: `/api/v1/figures/children?asOf=${asOf}&groupBy=careSetting,provinceCode`, statements: [[childrenStockSql(['careSetting', 'provinceCode']), [asOf, null]]] },
    { name: 'children 5 years ago by every dimension', path: `/api/v1/figures/children?asOf=${fiveYearsAgo}&groupBy=careSetting,provinceCode,facilityType,sex,ageBand,disability,parentalStatus`, statements: [[childrenStockSql(['careSetting', 'provinceCode', 'facilityType', 'sex', 'ageBand', 'disability', 'parentalStatus']), [fiveYearsAgo, null]]] },
    { name: 'flows over the last 12 months by province', path: `/api/v1/figures/flows?from=${yearAgo}&to=${asOf}&groupBy=provinceCode`, statements: [[flowsSql(true), [yearAgo, asOf, null]]] },
    {
      name: 'children series: 10 years by month × care setting × province',
      path: `/api/v1/figures/children/series?from=${tenYearsAgo}&to=${asOf}&interval=month&groupBy=careSetting,provinceCode`,
      // The monthly changes, and the stock on the last day (inside its month), side by side as in the API.
      statements: [[stockChangesSql(['careSetting', 'provinceCode']), [thisMonth, null, `${tenYearsAgo.slice(0, 7)}-01`]], [childrenStockSql(['careSetting', 'provinceCode']), [asOf, null]]],
    },
    { name: 'flows: 10 years by month', path: `/api/v1/figures/flows?from=${tenYearsAgo}&to=${asOf}&interval=month`, statements: [[flowsSql(false, 'month'), [tenYearsAgo, asOf, null]]] },
    {
      name: 'indicators over 5 years',
      path: `/api/v1/figures/indicators?from=${fiveYearsAgo}&to=${asOf}`,
      statements: [
        [flowsSql(false), [fiveYearsAgo, asOf, null]],
        [childrenStockSql(['careSetting']), [asOf, null]],
        [RESIDENTIAL_EXITS_SQL, [fiveYearsAgo, asOf, null]],
        [COMPLIANCE_TODAY_SQL, [fiveYearsAgo, asOf, null]],
        [CHILD_POPULATION_SQL, [fiveYearsAgo, asOf, null]],
      ],
    },
    { name: 'facilities today by province × status', path: `/api/v1/figures/facilities?asOf=${asOf}&groupBy=provinceCode,status`, statements: [[facilitiesSql(['provinceCode', 'status']), [asOf]]] },
    {
      name: 'deinstitutionalisation since 5 years ago',
      path: `/api/v1/figures/deinstitutionalisation?baseline=${fiveYearsAgo}&asOf=${asOf}`,
      // Three independent queries, run side by side here as in the API.
      statements: [[CARE_SPLIT_SQL, [fiveYearsAgo, null]], [CARE_SPLIT_SQL, [asOf, null]], [GATEKEEPING_SQL, [fiveYearsAgo, asOf, null]]],
    },
  ];
  const figureRows: string[][] = [];
  for (const figure of figureCases) {
    const [raw, viaApi] = await timeInTurns(
      FIGURE_ROUNDS,
      async () => {
        await Promise.all(figure.statements.map(([sql, params]) => pool.query(sql, params)));
      },
      async () => {
        const response = await call(apiPort, 'GET', figure.path, planner);
        if (response.status !== 200) throw new Error(`${figure.path}: ${response.status} ${response.body}`);
      },
    );
    const ratio = viaApi.p95 / raw.p95;
    const medianRatio = viaApi.p50 / raw.p50;
    figureRows.push([figure.name, f(viaApi.p50), f(viaApi.p95), f(raw.p50), f(raw.p95), `${ratio.toFixed(2)}×`, `${medianRatio.toFixed(2)}×`, ratio <= 1.5 ? 'yes' : 'NO', viaApi.p95 <= 100 ? 'yes' : 'NO']);
  }
  printTable(['query', 'API p50', 'API p95', 'SQL p50', 'SQL p95', 'p95 ratio', 'p50 ratio', 'p95 ≤ 1.5×', '≤ 100 ms'], figureRows);

  const page = await timeDashboard(`http://127.0.0.1:${apiPort}`, 'bench.planner', PASSWORD);
  console.log(
    page
      ? `\nDashboard, first full render in headless Chromium (log in to every section drawn), ${page.runs} runs: median ${f(page.median)} ms, slowest ${f(page.max)} ms (target ≤ 2,000 ms): ${page.max <= 2000 ? 'yes' : 'NO'}`
      : '\nDashboard render: skipped (no Chromium at /usr/bin/chromium or CHROMIUM_PATH).',
  );
  console.log('\nDaily work: p50 / p95 in ms through the API');
  const provincial = await login(apiPort, 'bench.social.12');
  const dailyRows: string[][] = [];
  for (const [name, urlPath, token, target] of [
    ['name search: /children?q=sokha chan', '/api/v1/children?q=sokha%20chan', social, 50],
    ['name search, misspelt: /children?q=sokah', '/api/v1/children?q=sokah', social, 50],
    ['worklist of a Phnom Penh social worker', '/api/v1/worklist', provincial, 100],
  ] as const) {
    const timing = await timeIt(ROUNDS, async () => {
      const response = await call(apiPort, 'GET', urlPath, token);
      if (response.status !== 200) throw new Error(`${urlPath}: ${response.status} ${response.body}`);
    });
    dailyRows.push([name, f(timing.p50), f(timing.p95), `≤ ${target} ms: ${timing.p95 <= target ? 'yes' : 'NO'}`]);
  }
  printTable(['request', 'p50', 'p95', 'target'], dailyRows);
  await benchImport(apiPort, pool);

}

/** The hot read and the hot write under load, against the API and the bare server in turn, and the API's memory. */
async function benchHotPaths(apiPort: number, barePort: number, apiPid: number, pool: Pool): Promise<void> {
  const social = await login(apiPort, 'bench.social');
  const paths = await hotPaths(pool, 'random()');
  let n = 0;
  const read = () => paths.read(n++);
  const write = () => paths.write(n++);

  console.log(`\nHot paths: ${CONCURRENCY} concurrent clients, ${LOAD_SECONDS} s per run, bare and API alternating twice, on keep-alive connections`);
  const loadRows: string[][] = [];
  let peakRss = 0;
  for (const [name, next, target] of [
    ['hot read: GET one care episode', read, 0.9],
    ['hot write: POST a follow-up visit', write, 0.75],
  ] as const) {
    // Alternating evens out what the machine does meanwhile (autovacuum, caches warming).
    const runs: { bare: Awaited<ReturnType<typeof load>>; api: Awaited<ReturnType<typeof load>> }[] = [];
    for (let round = 0; round < 2; round++) {
      const bareRun = await load(barePort, social, next, 201);
      const watcher = watchRss(apiPid);
      const apiRun = await load(apiPort, social, next, 201);
      peakRss = Math.max(peakRss, watcher.stop());
      runs.push({ bare: bareRun, api: apiRun });
    }
    const baseline = mean(runs.map((r) => r.bare));
    const framework = mean(runs.map((r) => r.api));
    const ratio = framework.rps / baseline.rps;
    loadRows.push([name, f(framework.rps, 0), f(framework.p50), f(framework.p95), f(baseline.rps, 0), f(baseline.p50), f(baseline.p95), `${(ratio * 100).toFixed(0)}%`, ratio >= target ? 'yes' : 'NO', String(framework.errors + baseline.errors)]);
  }
  printTable(['path', 'API req/s', 'API p50', 'API p95', 'bare req/s', 'bare p50', 'bare p95', 'API / bare', 'target met', 'errors'], loadRows);
  console.log(`\nAPI server peak RSS under load: ${(peakRss / 1024).toFixed(0)} MB (target ≤ 200 MB): ${peakRss / 1024 <= 200 ? 'yes' : 'NO'}`);
}

/** A real import of 1,000 rows, timed; the facilities it created are removed after, so the data set stays as seeded. */
async function benchImport(port: number, pool: Pool): Promise<void> {
  const inspector = await login(port, 'bench.inspector');
  const [{ name: agency }] = (await pool.query<{ name: string }>(`SELECT name FROM agencies WHERE type = 'ngo' ORDER BY name LIMIT 1`)).rows as [{ name: string }];
  const run = `${Date.now()}`;
  const csv = ['name,type,operatorAgencyName,provinceCode,capacity', ...Array.from({ length: 1000 }, (_, i) => `Bench Home ${run} ${i},group_home,"${agency}",12,${10 + (i % 50)}`)].join('\n');
  const started = process.hrtime.bigint();
  const answer = await call(port, 'POST', '/api/v1/facility-imports?dryRun=false', inspector, csv, 'text/csv');
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const report = JSON.parse(answer.body) as { committed: boolean; totals: { created: number }; rows: { id?: string }[] };
  console.log(`\nFacility import of 1,000 rows (a real run): ${f(ms / 1000, 2)} s, ${report.totals.created} created, committed ${report.committed} (target ≤ 5 s): ${ms <= 5000 && report.committed ? 'yes' : 'NO'}`);
  const ids = report.rows.map((r) => r.id).filter(Boolean);
  await pool.query(`DELETE FROM registry_events WHERE entity_type = 'facility' AND entity_id = ANY($1)`, [ids]);
  await pool.query(`DELETE FROM facilities WHERE id = ANY($1)`, [ids]);
}

async function benchUsers(pool: Pool): Promise<void> {
  const hash = await hashPassword(PASSWORD);
  for (const [username, role, provinces] of [
    ['bench.planner', 'planner', []],
    ['bench.social', 'social_worker', []],
    ['bench.social.12', 'social_worker', ['12']],
    ['bench.inspector', 'inspector', []],
    ['bench.admin', 'admin', []],
  ] as const) {
    await pool.query(
      `INSERT INTO users (username, password_hash, display_name, role, province_codes) VALUES ($1, $2, $1, $3, $4)
       ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, active = true, province_codes = EXCLUDED.province_codes`,
      [username, hash, role, provinces],
    );
  }
  // An NGO's worker: the agency responsible for the most cases, for a scoped sync of the feed.
  await pool.query(
    `INSERT INTO users (username, password_hash, display_name, role, agency_id)
     SELECT 'bench.ngo', $1, 'bench.ngo', 'ngo_worker', responsible_agency_id FROM care_episodes GROUP BY responsible_agency_id ORDER BY count(*) DESC LIMIT 1
     ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, active = true, agency_id = EXCLUDED.agency_id`,
    [hash],
  );
}

async function load(
  port: number,
  token: string,
  next: () => HotRequest,
  okWrite: number,
): Promise<{ rps: number; p50: number; p95: number; errors: number }> {
  const times: number[] = [];
  let errors = 0;
  const warmEnd = Date.now() + 1000;
  const end = warmEnd + LOAD_SECONDS * 1000;
  const worker = async () => {
    while (Date.now() < end) {
      const [method, urlPath, body] = next();
      const start = process.hrtime.bigint();
      const answer = await call(port, method, urlPath, token, body);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (answer.status !== 200 && answer.status !== okWrite) errors++;
      if (Date.now() > warmEnd) times.push(ms);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { rps: times.length / LOAD_SECONDS, p50: percentile(times, 50), p95: percentile(times, 95), errors };
}

function watchRss(pid: number): { stop: () => number } {
  let peak = 0;
  const timer = setInterval(() => {
    void readFile(`/proc/${pid}/status`, 'utf8')
      .then((status) => {
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        peak = Math.max(peak, kb);
      })
      .catch(() => undefined);
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

function mean(runs: { rps: number; p50: number; p95: number; errors: number }[]) {
  const avg = (pick: (r: (typeof runs)[number]) => number) => runs.reduce((sum, r) => sum + pick(r), 0) / runs.length;
  return { rps: avg((r) => r.rps), p50: avg((r) => r.p50), p95: avg((r) => r.p95), errors: runs.reduce((sum, r) => sum + r.errors, 0) };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
