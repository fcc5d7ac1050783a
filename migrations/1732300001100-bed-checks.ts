// Bed checks (issue 27): a plan version may carry a schedule of checks (local times and a number of
// days); each check sent is a row, unique per (child, due time) so that however many instances run
// the job, a check goes out once. The row records who it went to, the answer, the second text and
// the duty manager's alert, so each of those happens once too.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BedChecks1732300001100 implements MigrationInterface {
  name = 'BedChecks1732300001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE safeguarding_plans ADD COLUMN bed_checks jsonb;
      CREATE TABLE bed_checks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        child_id uuid NOT NULL REFERENCES children(id),
        plan_id uuid NOT NULL REFERENCES safeguarding_plans(id),
        due_at timestamptz NOT NULL,
        carer_numbers text[] NOT NULL,
        sent_at timestamptz NOT NULL,
        reminded_at timestamptz,
        escalated_at timestamptz,
        answered_at timestamptz,
        answer text CHECK (answer IN ('yes', 'no')),
        answered_from text,
        episode_id uuid REFERENCES missing_episodes(id),
        UNIQUE (child_id, due_at)
      );
      CREATE INDEX bed_checks_unanswered ON bed_checks (sent_at) WHERE answered_at IS NULL;
      CREATE INDEX bed_checks_numbers ON bed_checks USING gin (carer_numbers) WHERE answered_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE bed_checks; ALTER TABLE safeguarding_plans DROP COLUMN bed_checks');
  }
}
