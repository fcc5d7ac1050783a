// Delivery needs two things the outbox contract did not keep: the template data, so a fallback to
// another channel can be rendered for that channel, and a quick way to list failed messages.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationDelivery1732300000200 implements MigrationInterface {
  name = 'NotificationDelivery1732300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notifications ADD COLUMN data jsonb;
      CREATE INDEX notifications_failed ON notifications (authority_id, updated_at) WHERE status IN ('failed', 'undelivered');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX notifications_failed; ALTER TABLE notifications DROP COLUMN data');
  }
}
