// Every text received, with what it was understood as and what we replied. MessageSid is unique so
// Twilio's retries and replayed requests change nothing. Bodies live here (duty workers need
// them), never in the application log.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class InboundSms1732300000400 implements MigrationInterface {
  name = 'InboundSms1732300000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inbound_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_sid text NOT NULL UNIQUE,
        authority_id uuid REFERENCES local_authorities(id),
        from_number text NOT NULL,
        to_number text,
        body text NOT NULL,
        received_at timestamptz NOT NULL,
        command text NOT NULL,
        outcome text NOT NULL,
        child_id uuid REFERENCES children(id),
        episode_id uuid,
        reply text NOT NULL,
        needs_attention boolean NOT NULL DEFAULT false,
        handled_at timestamptz,
        handled_by uuid REFERENCES users(id),
        handled_note text
      );
      CREATE INDEX inbound_messages_queue ON inbound_messages (received_at) WHERE needs_attention AND handled_at IS NULL;
      CREATE INDEX inbound_messages_authority ON inbound_messages (authority_id, received_at);
      -- The number carers text: a text from an unknown sender is queued for the authority that owns it.
      ALTER TABLE local_authorities ADD COLUMN sms_number text UNIQUE;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE inbound_messages; ALTER TABLE local_authorities DROP COLUMN sms_number');
  }
}
