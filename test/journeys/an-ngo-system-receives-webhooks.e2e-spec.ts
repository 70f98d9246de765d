import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { signWebhook } from '../../src/webhooks/domain/signature';
import { aChild, createAgency, referral } from '../support/builders';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app';

interface Received {
  id: string;
  timestamp: number;
  signature: string;
  body: string;
  headers: IncomingHttpHeaders;
}

/** A receiver on this machine, as an NGO's system would run one: it records every request and answers as told. */
class Receiver {
  readonly received: Received[] = [];
  answer: (delivery: Received, attempt: number) => number | 'hang' = () => 200;
  delayMs = 0;
  inFlight = new Set<string>();
  overlaps = 0;
  private server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const delivery = { id: String(req.headers['webhook-id']), timestamp: Number(req.headers['webhook-timestamp']), signature: String(req.headers['webhook-signature']), body: Buffer.concat(chunks).toString('utf8'), headers: req.headers };
      if (this.inFlight.has(delivery.id)) this.overlaps += 1;
      this.inFlight.add(delivery.id);
      this.received.push(delivery);
      const status = this.answer(delivery, this.received.filter((r) => r.id === delivery.id).length);
      if (status === 'hang') return;
      setTimeout(() => {
        this.inFlight.delete(delivery.id);
        res.writeHead(status).end();
      }, this.delayMs);
    });
  });
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }
  close() {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(resolve));
  }
  /** The distinct changes received with a 2xx answer pending or given, by entity and version. */
  changes(): Set<string> {
    return new Set(this.received.map((r) => JSON.parse(r.body) as { entityId: string; version: number }).map((c) => `${c.entityId}@${c.version}`));
  }
}

async function until<T>(what: string, check: () => T | Promise<T>, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const FAST = { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_POLL_MS: '50', WEBHOOK_RETRY_BASE_MS: '200', WEBHOOK_TIMEOUT_MS: '1000' };

/** An NGO's system is told of each change as it commits, signed, again after a failure, and across a restart. */
describe('an NGO system receives webhooks', () => {
  let t: TestApp;
  let receiver: Receiver;
  let url: string;
  let ngo: ApiClient;
  let agency: string;
  let second: NestFastifyApplication | null = null;
  let restarted: NestFastifyApplication | null = null;

  beforeAll(async () => {
    t = await startTestApp(FAST);
    receiver = new Receiver();
    url = await receiver.start();
    agency = await createAgency(t.admin, { name: 'Friends of Battambang Children' });
    ngo = await t.asUser('ngo_worker', { agencyId: agency });
  });
  afterAll(async () => {
    await receiver.close();
    if (restarted) {
      await restarted.close();
      await t.db.destroy();
    } else {
      await second?.close();
      await t.close();
    }
  });

  const subscribe = async (client: ApiClient, body: object = {}) => {
    const created = await client.post('/webhook-subscriptions', { url, entityTypes: ['child', 'care_episode'], description: 'OSCaR', ...body });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`/api/v1/webhook-subscriptions/${created.body.id}`);
    return created.body as { id: string; secret: string };
  };
  const end = (id: string) => request(t.app.getHttpServer()).delete(`/api/v1/webhook-subscriptions/${id}`).set('Authorization', `Bearer ${ngo.token}`);

  it('delivers each change the subscriber may read, signed as Standard Webhooks says', async () => {
    const subscription = await subscribe(ngo);
    expect(subscription.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const episode = await referral(ngo, agency);
    await referral(t.admin, await createAgency(t.admin, { name: 'Someone else' }));

    await until('both changes', () => receiver.changes().has(`${episode.id}@1`) && receiver.changes().has(`${episode.childId}@1`));
    const delivery = receiver.received.find((r) => r.body.includes(episode.id))!;
    expect(delivery.signature).toBe(signWebhook(subscription.secret, delivery.id, delivery.timestamp, delivery.body));
    expect(Math.abs(delivery.timestamp - Date.now() / 1000)).toBeLessThan(30);
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(JSON.parse(delivery.body)).toMatchObject({ entityType: 'care_episode', entityId: episode.id, action: 'created', version: 1, cursor: expect.any(String), occurredAt: expect.any(String) });
    // Only what the NGO may read: another agency's case is not sent to it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received.filter((r) => !r.body.includes(episode.id) && !r.body.includes(episode.childId))).toEqual([]);

    const log = await until('the log to show it delivered', async () => {
      const page = (await ngo.get(`/webhook-subscriptions/${subscription.id}/deliveries`)).body;
      return page.items.length === 2 && page.items.every((d: { status: string }) => d.status === 'delivered') ? page : null;
    });
    expect(log.items[0]).toMatchObject({ attempts: 1, lastResponseStatus: 200, nextAttemptAt: null, deliveredAt: expect.any(String) });
    expect((await end(subscription.id)).status).toBe(204);
  });

  it('retries after a 500 and after a timeout, with the same webhook-id, until it is accepted', async () => {
    receiver.answer = (delivery, attempt) => (attempt === 1 ? 500 : attempt === 2 ? 'hang' : 200);
    const subscription = await subscribe(ngo, { entityTypes: ['child'] });
    const child = await ngo.post('/children', aChild());
    const log = await until('the third attempt to succeed', async () => {
      const items = (await ngo.get(`/webhook-subscriptions/${subscription.id}/deliveries`)).body.items;
      return items[0]?.status === 'delivered' ? items : null;
    });
    expect(log[0]).toMatchObject({ attempts: 3, lastResponseStatus: 200, status: 'delivered' });
    const attempts = receiver.received.filter((r) => r.body.includes(child.body.id));
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((a) => a.id)).size).toBe(1);
    // Each attempt is signed afresh, over its own timestamp.
    for (const attempt of attempts) expect(attempt.signature).toBe(signWebhook(subscription.secret, attempt.id, attempt.timestamp, attempt.body));
    receiver.answer = () => 200;
    expect((await end(subscription.id)).status).toBe(204);
  });

  it('stops when the subscription ends, cancelling what waits', async () => {
    receiver.answer = () => 503;
    const subscription = await subscribe(ngo, { entityTypes: ['child'] });
    await ngo.post('/children', aChild());
    await until('a failed attempt', async () => (await ngo.get(`/webhook-subscriptions/${subscription.id}/deliveries`)).body.items[0]?.lastResponseStatus === 503);
    expect((await end(subscription.id)).status).toBe(204);
    const ended = (await ngo.get(`/webhook-subscriptions/${subscription.id}`)).body;
    expect(ended).toMatchObject({ active: false, endedAt: expect.any(String) });
    expect((await ngo.get(`/webhook-subscriptions/${subscription.id}/deliveries`)).body.items[0].status).toBe('cancelled');
    const before = receiver.received.length;
    await ngo.post('/children', aChild());
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(receiver.received.length).toBe(before);
    receiver.answer = () => 200;
  });

  it('keeps subscriptions to their agency, and refuses what the subscriber may not read', async () => {
    const subscription = await subscribe(ngo);
    const other = await t.asUser('ngo_worker', { agencyId: await createAgency(t.admin, { name: 'Third NGO' }) });
    expect((await other.get(`/webhook-subscriptions/${subscription.id}`)).status).toBe(404);
    expect((await other.get('/webhook-subscriptions')).body.items).toEqual([]);
    expect((await t.admin.get('/webhook-subscriptions')).body.items.map((s: { id: string }) => s.id)).toContain(subscription.id);
    expect(JSON.stringify((await ngo.get(`/webhook-subscriptions/${subscription.id}`)).body)).not.toContain(subscription.secret);
    expect((await (await t.asUser('social_worker')).post('/webhook-subscriptions', { url, entityTypes: ['child'] })).status).toBe(403);
    expect((await ngo.post('/webhook-subscriptions', { url: 'ftp://example.org/x', entityTypes: ['child'] })).body.errors[0].field).toBe('url');
    expect((await ngo.post('/webhook-subscriptions', { url, entityTypes: [] })).body.errors[0].field).toBe('entityTypes');
    expect((await end(subscription.id)).status).toBe(204);
  });

  it('refuses loopback and private targets unless the server allows them', async () => {
    const strict = await createApp(loadConfig({ JWT_SECRET: 'a-test-secret-that-is-long-enough-to-pass', LOG_REQUESTS: 'false' }), t.url);
    try {
      const post = (target: string) =>
        request(strict.getHttpServer()).post('/api/v1/webhook-subscriptions').set('Authorization', `Bearer ${ngo.token}`).send({ url: target, entityTypes: ['child'] });
      for (const target of [url, 'http://localhost:9/x', 'http://10.0.0.5/x', 'http://[::1]:8080/x', 'http://169.254.169.254/latest/meta-data', 'http://[::ffff:127.0.0.1]/x']) {
        const refused = await post(target);
        expect([target, refused.status]).toEqual([target, 400]);
        expect(refused.body.errors[0]).toMatchObject({ field: 'url', messages: [expect.stringMatching(/private|loopback/)] });
      }
      expect((await post('http://user:pw@example.org/x')).body.errors[0].messages[0]).toMatch(/user name or password/);
    } finally {
      await strict.close();
    }
  });

  it('never sends one delivery from two instances at once, and each change once when answered', async () => {
    second = await createApp(t.config, t.url);
    receiver.delayMs = 40;
    receiver.overlaps = 0;
    receiver.inFlight.clear();
    const start = receiver.received.length;
    const subscription = await subscribe(ngo, { entityTypes: ['child'] });
    const children = await Promise.all(Array.from({ length: 30 }, async () => (await ngo.post('/children', aChild())).body.id as string));
    await until('every child', () => children.every((id) => receiver.changes().has(`${id}@1`)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const mine = receiver.received.slice(start);
    expect(receiver.overlaps).toBe(0);
    expect(mine).toHaveLength(30);
    expect(new Set(mine.map((r) => r.id)).size).toBe(30);
    expect((await end(subscription.id)).status).toBe(204);
    receiver.delayMs = 0;
  });

  it('loses nothing across a restart: what was queued, and what changed while the API was down', async () => {
    // Passport keeps one strategy per process, the last instance's: this test talks to that one.
    const running = second!;
    const as = (path: string, body: object) => request(running.getHttpServer()).post(`/api/v1${path}`).set('Authorization', `Bearer ${ngo.token}`).send(body);
    receiver.answer = () => 500;
    const subscribed = await as('/webhook-subscriptions', { url, entityTypes: ['child'] });
    expect(subscribed.status).toBe(201);
    const before = await Promise.all(Array.from({ length: 5 }, async () => (await as('/children', aChild())).body.id as string));
    await until('failed attempts', async () => {
      const [{ failing }] = await t.db.query(`SELECT count(*)::int AS failing FROM webhook_deliveries WHERE subscription_id = $1 AND last_response_status = 500`, [subscribed.body.id]);
      return failing === 5;
    });
    await Promise.all([t.app.close(), running.close()]);
    second = null;
    // While no API runs, another system writes straight to the database: the feed still has it.
    const [during] = await t.db.query<[{ id: string; version: number }[], number]>(`UPDATE children SET version = version + 1 WHERE id = ANY($1) RETURNING id, version`, [before.slice(0, 2)]);
    receiver.answer = () => 200;

    restarted = await createApp(t.config, t.url);
    const expected = [...before.map((id) => `${id}@1`), ...during.map((row) => `${row.id}@${row.version}`)];
    await until('every change, old and new', () => expected.every((change) => receiver.changes().has(change)), 20_000);
    const log = async () => (await request(restarted!.getHttpServer()).get(`/api/v1/webhook-subscriptions/${subscribed.body.id}/deliveries`).set('Authorization', `Bearer ${ngo.token}`)).body.items as { status: string }[];
    await until('the log to show all seven delivered', async () => {
      const items = await log();
      return items.length === 7 && items.every((d) => d.status === 'delivered');
    });
  });
});
