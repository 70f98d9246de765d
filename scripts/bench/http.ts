import { Agent, request } from 'node:http';
import type { Pool } from 'pg';
import { today } from '../../src/common/time/calendar';

/** What the bench scripts share: keep-alive calls to a local server, logins, timings and tables. */
export const PASSWORD = 'bench-password-2026';
/** The secret the bench gives both servers, so that a token the API signs is good at the bare server too. */
export const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-42';
export const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** An answer's bytes; `body` decodes them when read, so timings end at the last byte, not after decoding megabytes. */
export class Answer {
  constructor(
    readonly status: number,
    readonly bytes: Buffer,
  ) {}

  get body(): string {
    return this.bytes.toString();
  }
}

export function call(port: number, method: string, urlPath: string, token?: string, body?: string, contentType = 'application/json'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: urlPath,
        agent,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': contentType, 'content-length': Buffer.byteLength(body) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(new Answer(res.statusCode ?? 0, Buffer.concat(chunks))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function login(port: number, username: string): Promise<string> {
  const answer = await call(port, 'POST', '/api/v1/auth/login', undefined, JSON.stringify({ username, password: PASSWORD }));
  if (answer.status !== 200) throw new Error(`login failed: ${answer.body}`);
  return (JSON.parse(answer.body) as { accessToken: string }).accessToken;
}

export async function waitFor(port: number, urlPath: string, status = 200, seconds = 60): Promise<void> {
  for (let i = 0; i < seconds * 10; i++) {
    const answer = await call(port, 'GET', urlPath).catch(() => undefined);
    if (answer?.status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server on port ${port} did not come up`);
}

export async function timeIt(rounds: number, work: () => Promise<void>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/**
 * Two ways of doing the same work, timed in turns (a, b, a, b…) so that both meet the same machine:
 * a burst of other work (autovacuum, a collection, a neighbour) then lands on both, not on one. A
 * short pause before each turn lets the previous one's trailing work (the server's collection after
 * it answered) end first, so it is not counted against the other.
 */
const PAUSE_MS = 20;

export async function timeInTurns(rounds: number, a: () => Promise<void>, b: () => Promise<void>): Promise<[{ p50: number; p95: number }, { p50: number; p95: number }]> {
  for (let i = 0; i < 3; i++) {
    await a();
    await b();
  }
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < rounds; i++) {
    for (const [n, work] of [a, b].entries()) {
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      const start = process.hrtime.bigint();
      await work();
      times[n].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  const summary = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95) });
  return [summary(times[0]), summary(times[1])];
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const f = (n: number, digits = 1) => n.toFixed(digits);

export function printTable(header: string[], rows: string[][]): void {
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}


export type HotRequest = readonly [method: string, urlPath: string, body: string | undefined];

/**
 * The two hot paths as the benches send them: the n-th read of an open episode, and the n-th
 * follow-up visit to an episode in family-based care, over 200 episodes of each. `random()` spreads
 * the load; `id` picks the same episodes in every run, for counts that compare.
 */
export async function hotPaths(pool: Pool, order: 'random()' | 'id'): Promise<{ read: (n: number) => HotRequest; write: (n: number) => HotRequest }> {
  const pick = async (status: string) =>
    (await pool.query<{ id: string }>(`SELECT id FROM care_episodes WHERE status ${status} ORDER BY ${order} LIMIT 200`)).rows.map((r) => r.id);
  const readIds = await pick(`<> 'closed'`);
  const writeIds = await pick(`= 'family_based_care'`);
  if (readIds.length === 0 || writeIds.length === 0) throw new Error('no care episodes: run `npm run seed -- national` first');
  const visit = JSON.stringify({
    visitedOn: today(),
    visitType: 'home_visit',
    childSeen: true,
    ratings: { safety: 4, health: 3, education: 3, familyRelationships: 4, economicSituation: 3, wellbeing: 4 },
  });
  return {
    read: (n) => ['GET', `/api/v1/care-episodes/${readIds[n % readIds.length]}`, undefined],
    write: (n) => ['POST', `/api/v1/care-episodes/${writeIds[n % writeIds.length]}/follow-up-visits`, visit],
  };
}
