import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Pool } from 'pg';
import { today } from '../../src/common/time/calendar';
import { call, f, login, percentile, printTable, type Answer } from './http';

const WEBHOOK_SECONDS = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 20);
const WRITES_PER_SECOND = 50;

/**
 * What an integrating system sees: a full sync of the change feed through the API (as a national
 * reader, and as one NGO), and how long a change takes to reach a webhook receiver while 50 writes a
 * second go on.
 */
export async function benchIntegration(port: number, pool: Pool): Promise<void> {
  console.log('\nIntegration: the change feed and webhooks');
  const rows: string[][] = [];
  const inspector = await login(port, 'bench.inspector');
  const national = await syncFeed(port, inspector);
  rows.push(['full feed sync, national reader (1,000 a page)', national.items.toLocaleString(), f(national.seconds, 1), f(national.items / national.seconds, 0), `≥ 5,000/s: ${national.items / national.seconds >= 5000 ? 'yes' : 'NO'}`]);
  const ngo = await syncFeed(port, await login(port, 'bench.ngo'));
  rows.push(['full feed sync, the largest NGO (its scope only)', ngo.items.toLocaleString(), f(ngo.seconds, 1), f(ngo.items / ngo.seconds, 0), '(for information)']);
  printTable(['sync', 'items', 'seconds', 'items/s', 'target'], rows);
  await webhookLag(port, pool);
}

async function syncFeed(port: number, token: string): Promise<{ items: number; seconds: number }> {
  const started = process.hrtime.bigint();
  let cursor = '';
  let items = 0;
  for (;;) {
    const answer = await call(port, 'GET', `/api/v1/changes?limit=1000${cursor ? `&after=${cursor}` : ''}`, token);
    if (answer.status !== 200) throw new Error(`feed: ${answer.status} ${answer.body}`);
    const page = JSON.parse(answer.body) as { items: unknown[]; nextCursor: string };
    items += page.items.length;
    // An empty page that moved the cursor looked through others' changes: go on until it stops moving.
    if (page.items.length === 0 && page.nextCursor === cursor) break;
    cursor = page.nextCursor;
  }
  return { items, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

async function webhookLag(port: number, pool: Pool): Promise<void> {
  const firstSeen = new Map<string, number>();
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const at = performance.now();
      const change = JSON.parse(Buffer.concat(chunks).toString()) as { entityId: string };
      if (!firstSeen.has(change.entityId)) firstSeen.set(change.entityId, at);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const admin = await login(port, 'bench.admin');
  const social = await login(port, 'bench.social');
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  const subscribed = await call(port, 'POST', '/api/v1/webhook-subscriptions', admin, JSON.stringify({ url, entityTypes: ['care_episode'], description: 'bench' }));
  if (subscribed.status !== 201) throw new Error(`subscription: ${subscribed.body}`);
  const subscription = (JSON.parse(subscribed.body) as { id: string }).id;
  try {
    const count = WEBHOOK_SECONDS * WRITES_PER_SECOND;
    const ids = (await pool.query<{ id: string }>(`SELECT id FROM care_episodes WHERE status = 'family_based_care' ORDER BY random() LIMIT $1`, [count])).rows.map((r) => r.id);
    // Today in Phnom Penh: from 17:00 UTC the UTC date is the day before there, before placements made today.
    const visit = JSON.stringify({ visitedOn: today(), visitType: 'home_visit', childSeen: true, ratings: { safety: 4, health: 3, education: 3, familyRelationships: 4, economicSituation: 3, wellbeing: 4 } });
    const writtenAt = new Map<string, number>();
    const writes: Promise<unknown>[] = [];
    const start = performance.now();
    // An open-loop load: a write starts every 20 ms whatever the earlier ones are doing.
    for (let i = 0; i < ids.length; i++) {
      const due = start + (i * 1000) / WRITES_PER_SECOND;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const id = ids[i];
      writtenAt.set(id, performance.now());
      writes.push(call(port, 'POST', `/api/v1/care-episodes/${id}/follow-up-visits`, social, visit));
    }
    const answers = (await Promise.all(writes)) as Answer[];
    const refusals = answers.filter((a) => a.status !== 201);
    const failed = refusals.length;
    // What a failed write answered, so a refusal is told from an error.
    const why = new Map<string, number>();
    for (const refusal of refusals) {
      const problem = JSON.parse(refusal.body) as { code?: string; guard?: string };
      const key = `${refusal.status} ${problem.code ?? ''}${problem.guard ? ` ${problem.guard}` : ''}`;
      why.set(key, (why.get(key) ?? 0) + 1);
    }
    const deadline = performance.now() + 15_000;
    while (firstSeen.size < ids.length - failed && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const lags = ids.filter((id) => firstSeen.has(id)).map((id) => firstSeen.get(id)! - writtenAt.get(id)!);
    const p95 = percentile(lags, 95);
    printTable(
      ['webhooks under load', 'writes', 'per second', 'delivered', 'lag p50 ms', 'lag p95 ms', 'lag max ms', 'target'],
      [[`POST a follow-up visit, ${WEBHOOK_SECONDS} s`, String(ids.length), f(ids.length / ((performance.now() - start) / 1000), 0), `${lags.length} (${failed} writes failed${failed ? `: ${[...why].map(([k, n]) => `${n}× ${k}`).join(', ')}` : ''})`, f(percentile(lags, 50), 0), f(p95, 0), f(Math.max(...lags), 0), `p95 ≤ 2,000 ms: ${p95 <= 2000 && lags.length === ids.length - failed ? 'yes' : 'NO'}`]],
    );
  } finally {
    await call(port, 'DELETE', `/api/v1/webhook-subscriptions/${subscription}`, admin);
    receiver.closeAllConnections();
    receiver.close();
  }
}
