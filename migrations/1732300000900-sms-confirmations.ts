// A carer's text that mentions a return without saying it plainly ("I think she's back") is asked to
// be confirmed with YES. The question is tied to the number it went to and the episode it is about,
// and lapses after 30 minutes; only a YES from that number, in time, records the return.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SmsConfirmations1732300000900 implements MigrationInterface {
  name = 'SmsConfirmations1732300000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sms_confirmations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        from_number text NOT NULL,
        episode_id uuid NOT NULL REFERENCES missing_episodes(id),
        child_id uuid NOT NULL REFERENCES children(id),
        asked_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        answered_at timestamptz
      );
      CREATE INDEX sms_confirmations_waiting ON sms_confirmations (from_number, asked_at) WHERE answered_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sms_confirmations');
  }
}
