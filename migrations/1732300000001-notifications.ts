// The transactional outbox: every message the service has promised, written in the same
// transaction as the change that caused it, with its delivery history.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1732300000001 implements MigrationInterface {
  name = 'Notifications1732300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        episode_id uuid,
        step_key text,
        dedupe_key text UNIQUE,
        channel text NOT NULL CHECK (channel IN ('sms','email')),
        recipient_type text NOT NULL CHECK (recipient_type IN ('contact','user','carer','guardian','duty')),
        recipient_id uuid,
        recipient_name text NOT NULL,
        address text NOT NULL,
        template text NOT NULL,
        subject text,
        body_text text NOT NULL,
        body_html text,
        needs_ack boolean NOT NULL DEFAULT false,
        ack_code text,
        acknowledged_at timestamptz,
        status text NOT NULL DEFAULT 'queued'
          CHECK (status IN ('queued','sending','sent','delivered','undelivered','failed','acknowledged','cancelled')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        claimed_until timestamptz,
        provider_id text,
        last_error text,
        fallbacks jsonb NOT NULL DEFAULT '[]',
        fallback_of uuid REFERENCES notifications(id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        sent_at timestamptz,
        delivered_at timestamptz
      );
      CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status IN ('queued', 'sending');
      CREATE UNIQUE INDEX notifications_provider_id ON notifications (provider_id) WHERE provider_id IS NOT NULL;
      CREATE INDEX notifications_episode ON notifications (episode_id, created_at);
      CREATE INDEX notifications_ack ON notifications (ack_code) WHERE ack_code IS NOT NULL;

      CREATE TABLE notification_events (
        id bigserial PRIMARY KEY,
        notification_id uuid NOT NULL REFERENCES notifications(id),
        at timestamptz NOT NULL,
        status text NOT NULL,
        detail text
      );
      CREATE INDEX notification_events_notification ON notification_events (notification_id, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notification_events, notifications');
  }
}
