import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook subscriptions and their outbox. Each subscription keeps its place in the change feed;
 * moving that place and writing the deliveries it passed happen in one transaction, so a change is
 * queued exactly once, and a queued delivery survives any restart until it is delivered or given up.
 */
export class Webhooks1765400000000 implements MigrationInterface {
  name = 'Webhooks1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE webhook_subscriptions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      created_at timestamptz NOT NULL DEFAULT now(),
      url text NOT NULL,
      entity_types text[] NOT NULL,
      description text,
      secret text NOT NULL,
      owner_id uuid NOT NULL REFERENCES users (id),
      agency_id uuid REFERENCES agencies (id),
      active boolean NOT NULL DEFAULT true,
      ended_at timestamptz,
      feed_xid xid8 NOT NULL,
      feed_seq bigint NOT NULL)`);
    await db.query(`CREATE INDEX webhook_subscriptions_agency ON webhook_subscriptions (agency_id, created_at DESC)`);
    await db.query(`CREATE TABLE webhook_deliveries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      subscription_id uuid NOT NULL REFERENCES webhook_subscriptions (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      payload text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      leased_until timestamptz,
      last_attempt_at timestamptz,
      last_response_status integer,
      last_error text,
      delivered_at timestamptz)`);
    await db.query(`CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`);
    await db.query(`CREATE INDEX webhook_deliveries_log ON webhook_deliveries (subscription_id, created_at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE webhook_deliveries`);
    await db.query(`DROP TABLE webhook_subscriptions`);
  }
}
