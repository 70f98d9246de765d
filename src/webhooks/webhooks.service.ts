import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ChangesService } from '../changes/changes.service';
import { FEED_READ_PERMISSION } from '../changes/domain/feed-entity-types';
import type { ChangeItem } from '../changes/dto/changes.dto';
import { roleHasPermission } from '../common/auth/roles';
import type { Acting } from '../common/database/unit-of-work';
import { NotFound, ValidationFailed } from '../common/errors/domain-errors';
import { atCursorPrecision, decodeCursor, pageOf, type Page, type PageQuery } from '../common/http/pagination';
import { AppConfigService } from '../config/app-config.service';
import { newWebhookSecret } from './domain/signature';
import type { CreatedWebhookSubscription, CreateWebhookSubscriptionRequest, WebhookDeliveryView, WebhookSubscriptionView } from './dto/webhook.dto';
import { refusedTarget } from './webhook-target';

interface SubscriptionRow {
  id: string;
  url: string;
  entity_types: WebhookSubscriptionView['entityTypes'];
  description: string | null;
  owner_id: string;
  agency_id: string | null;
  active: boolean;
  created_at: Date;
  ended_at: Date | null;
}

interface DeliveryRow {
  id: string;
  status: WebhookDeliveryView['status'];
  payload: string;
  attempts: number;
  created_at: Date;
  last_attempt_at: Date | null;
  last_response_status: number | null;
  last_error: string | null;
  next_attempt_at: Date;
  delivered_at: Date | null;
  /** Deliveries queued together share a timestamp to the microsecond, which a Date would round. */
  created_at_text: string;
}

const SUBSCRIPTION_COLUMNS = 'id, url, entity_types, description, owner_id, agency_id, active, created_at, ended_at';

const subscriptionView = (row: SubscriptionRow): WebhookSubscriptionView => ({
  id: row.id,
  url: row.url,
  entityTypes: row.entity_types,
  description: row.description,
  ownerId: row.owner_id,
  agencyId: row.agency_id,
  active: row.active,
  createdAt: row.created_at,
  endedAt: row.ended_at,
});

const deliveryView = (row: DeliveryRow): WebhookDeliveryView => ({
  id: row.id,
  status: row.status,
  change: JSON.parse(row.payload) as ChangeItem,
  attempts: row.attempts,
  createdAt: row.created_at,
  lastAttemptAt: row.last_attempt_at,
  lastResponseStatus: row.last_response_status,
  lastError: row.last_error,
  nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
  deliveredAt: row.delivered_at,
});

const isDeliveryPosition = (p: Record<string, unknown>) => typeof p.queuedAt === 'string' && typeof p.id === 'string' && Object.keys(p).length === 2;

/** Subscriptions are an agency's (an ngo_worker sees its agency's) or, for admins, anyone's. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly audit: AuditService,
    private readonly changes: ChangesService,
    private readonly config: AppConfigService,
  ) {}

  async create(caller: Acting, request: CreateWebhookSubscriptionRequest): Promise<CreatedWebhookSubscription> {
    const unreadable = request.entityTypes.filter((type) => !roleHasPermission(caller.role, FEED_READ_PERMISSION[type]));
    if (unreadable.length > 0) throw new ValidationFailed([{ field: 'entityTypes', messages: [`your role does not read ${unreadable.join(', ')}`] }]);
    const refusal = await refusedTarget(request.url, this.config.values.webhooks.allowPrivateTargets);
    if (refusal) throw new ValidationFailed([{ field: 'url', messages: [refusal] }]);
    const secret = newWebhookSecret();
    const start = await this.changes.end(caller.work);
    const [row] = await caller.work.manager.query<SubscriptionRow[]>(
      `INSERT INTO webhook_subscriptions (url, entity_types, description, secret, owner_id, agency_id, feed_xid, feed_seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7::xid8, $8) RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [request.url, request.entityTypes, request.description ?? null, secret, caller.userId, caller.agencyId, start.xid, start.seq],
    );
    this.audit.record(caller.work, { action: 'webhook_subscription.create', entityType: 'webhook_subscription', entityId: row.id, changes: { url: 'set', entityTypes: request.entityTypes } });
    return { ...subscriptionView(row), secret };
  }

  async list(caller: Acting, page: PageQuery): Promise<Page<WebhookSubscriptionView>> {
    const limit = page.limit ?? 50;
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    const rows = await caller.work.manager.query<SubscriptionRow[]>(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions
       WHERE ($1::uuid IS NULL OR agency_id = $1) AND ($2::timestamptz IS NULL OR (${atCursorPrecision('created_at')}, id) < ($2, $3::uuid))
       ORDER BY ${atCursorPrecision('created_at')} DESC, id DESC LIMIT $4`,
      [this.agencyScope(caller), after?.createdAt ?? null, after?.id ?? null, limit + 1],
    );
    const found = pageOf(rows, limit, (last) => ({ createdAt: last.created_at.toISOString(), id: last.id }));
    return { items: found.items.map(subscriptionView), nextCursor: found.nextCursor };
  }

  async get(caller: Acting, id: string): Promise<WebhookSubscriptionView> {
    return subscriptionView(await this.findInScope(caller, id));
  }

  /** Ends a subscription: nothing more is queued, and what waits is cancelled. */
  async end(caller: Acting, id: string): Promise<void> {
    const subscription = await this.findInScope(caller, id, true);
    if (!subscription.active) return;
    await caller.work.manager.query('UPDATE webhook_subscriptions SET active = false, ended_at = now() WHERE id = $1', [id]);
    await caller.work.manager.query(`UPDATE webhook_deliveries SET status = 'cancelled', leased_until = NULL WHERE subscription_id = $1 AND status = 'pending'`, [id]);
    this.audit.record(caller.work, { action: 'webhook_subscription.end', entityType: 'webhook_subscription', entityId: id, changes: { active: { from: true, to: false } } });
  }

  async deliveries(caller: Acting, id: string, page: PageQuery): Promise<Page<WebhookDeliveryView>> {
    await this.findInScope(caller, id);
    const limit = page.limit ?? 50;
    const after = page.cursor ? decodeCursor<{ queuedAt: string; id: string }>(page.cursor, isDeliveryPosition) : null;
    const rows = await caller.work.manager.query<DeliveryRow[]>(
      `SELECT id, status, payload, attempts, created_at, created_at::text AS created_at_text, last_attempt_at, last_response_status, last_error, next_attempt_at, delivered_at
       FROM webhook_deliveries WHERE subscription_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) < ($2, $3::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $4`,
      [id, after?.queuedAt ?? null, after?.id ?? null, limit + 1],
    );
    const found = pageOf(rows, limit, (last) => ({ queuedAt: last.created_at_text, id: last.id }));
    return { items: found.items.map(deliveryView), nextCursor: found.nextCursor };
  }

  private agencyScope(caller: Acting): string | null {
    return caller.role === 'admin' ? null : (caller.agencyId ?? '00000000-0000-0000-0000-000000000000');
  }

  private async findInScope(caller: Acting, id: string, lock = false): Promise<SubscriptionRow> {
    const [row] = await caller.work.manager.query<SubscriptionRow[]>(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions WHERE id = $1 AND ($2::uuid IS NULL OR agency_id = $2)${lock ? ' FOR UPDATE' : ''}`,
      [id, this.agencyScope(caller)],
    );
    if (!row) throw new NotFound('webhook subscription');
    return row;
  }
}
