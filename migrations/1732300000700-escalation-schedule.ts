// The sweep's schedule moves out of missing_episodes into a narrow table of its own. Moving an
// episode's next look was an update of its wide row, which touched all seven of its indexes (the
// no-overlap exclusion among them) for every due episode; now it touches one small row and its
// index. Closed episodes have no row. Notifications also gain a sequence number: with no "queued"
// event row per message any more, it keeps the order in which one transaction queued its messages.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class EscalationSchedule1732300000700 implements MigrationInterface {
  name = 'EscalationSchedule1732300000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE escalation_schedule (
        episode_id uuid PRIMARY KEY REFERENCES missing_episodes(id),
        next_at timestamptz NOT NULL
      );
      CREATE INDEX escalation_schedule_due ON escalation_schedule (next_at);
      INSERT INTO escalation_schedule (episode_id, next_at)
        SELECT id, next_escalation_at FROM missing_episodes WHERE closed_at IS NULL AND next_escalation_at IS NOT NULL;
      DROP INDEX missing_episodes_due;
      ALTER TABLE missing_episodes DROP COLUMN next_escalation_at;
      ALTER TABLE notifications ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notifications DROP COLUMN seq;
      ALTER TABLE missing_episodes ADD COLUMN next_escalation_at timestamptz;
      UPDATE missing_episodes e SET next_escalation_at = s.next_at FROM escalation_schedule s WHERE s.episode_id = e.id;
      CREATE INDEX missing_episodes_due ON missing_episodes (next_escalation_at) WHERE closed_at IS NULL;
      DROP TABLE escalation_schedule;
    `);
  }
}
