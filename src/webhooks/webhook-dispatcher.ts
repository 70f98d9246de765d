import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ChangesService } from '../changes/changes.service';
import type { FeedEntityType } from '../changes/domain/feed-entity-types';
import { callerOf, type Caller, type CallerRow } from '../common/auth/caller';
import { Database } from '../common/database/database.service';
import { acting } from '../common/database/unit-of-work';
import { AppConfigService } from '../config/app-config.service';
import { nextAttemptAt } from './domain/retry-schedule';
import { webhookHeaders } from './domain/signature';
import { sendWebhook, type SendResult } from './webhook-sender';

const SUBSCRIPTIONS_PER_TICK = 50;
const CHANGES_PER_SUBSCRIPTION = 500;
const DELIVERIES_PER_BATCH = 100;
const BATCHES_PER_TICK = 10;
/** The deliveries log keeps what was delivered, given up or cancelled this long. */
export const DELIVERY_LOG_DAYS = 30;

interface Due {
  id: string;
  payload: string;
  attempts: number;
  created_at: Date;
  url: string;
  secret: string;
}

/**
 * Every instance runs one: each tick it queues, for each subscription, the changes its owner may
 * read that came after the subscription's place in the feed (moving the place in the same
 * transaction), then sends what is due. Subscriptions are taken `FOR UPDATE SKIP LOCKED` and
 * deliveries are leased, so two instances never queue one change twice nor send one delivery at
 * once; a lease outlives the send timeout, so an instance that dies mid-send only delays a retry.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Webhooks');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;
  private lastProblem = '';

  constructor(
    private readonly db: Database,
    private readonly changes: ChangesService,
    private readonly config: AppConfigService,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  /** Before the pool closes: no new tick, and the one running (its sends included) finishes. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = null;
        this.schedule();
      });
    }, this.config.values.webhooks.pollMs);
    this.timer.unref();
  }

  /** One round of queueing and sending; answers how many deliveries were attempted. */
  async tick(): Promise<number> {
    try {
      await this.queue();
      let attempted = 0;
      for (let batch = 0; batch < BATCHES_PER_TICK && !this.stopped; batch++) {
        const sent = await this.deliverBatch();
        attempted += sent;
        if (sent < DELIVERIES_PER_BATCH) break;
      }
      // Now and then (about once a minute per instance at the default pace), forget old outcomes.
      if (Math.random() < 0.004) await this.db.dataSource.query(`DELETE FROM webhook_deliveries WHERE status <> 'pending' AND created_at < now() - make_interval(days => $1)`, [DELIVERY_LOG_DAYS]);
      this.lastProblem = '';
      return attempted;
    } catch (error) {
      // The database may be down: say so once, not four times a second, and try again next tick.
      const problem = error instanceof Error ? error.message : String(error);
      if (problem !== this.lastProblem) this.logger.warn(`webhook round failed, retrying: ${problem.slice(0, 200)}`);
      this.lastProblem = problem;
      return 0;
    }
  }

  private async queue(): Promise<void> {
    await this.db.transaction(async (work) => {
      const manager = work.manager;
      const subscriptions = await manager.query<{ id: string; owner_id: string; entity_types: FeedEntityType[]; xid: string; seq: string }[]>(
        `SELECT id, owner_id, entity_types, feed_xid::text AS xid, feed_seq::text AS seq FROM webhook_subscriptions
         WHERE active ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [SUBSCRIPTIONS_PER_TICK],
      );
      for (const subscription of subscriptions) {
        const owner = await ownerOf(manager, subscription.owner_id);
        // A deactivated owner's subscription waits, its place kept, until the account is active again.
        if (!owner) continue;
        const { items, next } = await this.changes.readAs(acting(owner, work), subscription, subscription.entity_types, CHANGES_PER_SUBSCRIPTION);
        if (items.length > 0) {
          await manager.query('INSERT INTO webhook_deliveries (subscription_id, payload) SELECT $1, unnest($2::text[])', [subscription.id, items.map((item) => JSON.stringify(item))]);
        }
        if (next.xid !== subscription.xid || next.seq !== subscription.seq) {
          await manager.query('UPDATE webhook_subscriptions SET feed_xid = $2::xid8, feed_seq = $3 WHERE id = $1', [subscription.id, next.xid, next.seq]);
        }
      }
    }, 'webhook-dispatcher');
  }

  private async deliverBatch(): Promise<number> {
    const settings = this.config.values.webhooks;
    // An UPDATE … RETURNING answers [rows, count].
    const [due] = await this.db.dataSource.query<[Due[], number]>(
      `UPDATE webhook_deliveries d SET leased_until = now() + make_interval(secs => $1), attempts = d.attempts + 1, last_attempt_at = now()
       FROM webhook_subscriptions s
       WHERE s.id = d.subscription_id AND d.id IN (
         SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= now() AND (leased_until IS NULL OR leased_until < now())
         ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING d.id, d.payload, d.attempts, d.created_at, s.url, s.secret`,
      [settings.timeoutMs / 1000 + 30, DELIVERIES_PER_BATCH],
    );
    await Promise.all(
      due.map(async (delivery) => {
        const timestamp = Math.floor(Date.now() / 1000);
        const result = await sendWebhook(delivery.url, webhookHeaders(delivery.secret, delivery.id, timestamp, delivery.payload), delivery.payload, {
          timeoutMs: settings.timeoutMs,
          allowPrivate: settings.allowPrivateTargets,
        });
        await this.record(delivery, result);
      }),
    );
    return due.length;
  }

  private async record(delivery: Due, result: SendResult): Promise<void> {
    const retryAt = result.ok ? null : nextAttemptAt(delivery.attempts, delivery.created_at, new Date(), this.config.values.webhooks.retryBaseMs);
    const status = result.ok ? 'delivered' : retryAt ? 'pending' : 'failed';
    await this.db.dataSource.query(
      `UPDATE webhook_deliveries SET status = $2, last_response_status = $3, last_error = $4, next_attempt_at = coalesce($5, next_attempt_at),
         delivered_at = CASE WHEN $2 = 'delivered' THEN now() END, leased_until = NULL
       WHERE id = $1 AND status = 'pending'`,
      [delivery.id, status, result.status, result.error, retryAt],
    );
  }
}

async function ownerOf(manager: EntityManager, id: string): Promise<Caller | null> {
  const [user] = await manager.query<(CallerRow & { active: boolean })[]>('SELECT id, username, role, agency_id, province_codes, active FROM users WHERE id = $1', [id]);
  return user?.active ? callerOf(user) : null;
}
