// The dispatcher claims one lane at a time (channel, and whether the message needs acknowledging),
// oldest due first. With only the due-time index a burst's queued emails sit in front of the
// police texts and every text claim walked past them (1.7 ms a claim with 50 reports' messages
// queued, the costliest statement in the burst); this index goes straight to the lane's own rows.
// It replaces the due-time index: the one other reader, the earliest queued message's time, reads
// this index whole, and it holds only messages waiting or being sent. One index per outbox row, as
// before, so a sweep writing 2,000 rows pays nothing more.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxLanesIndex1732300002000 implements MigrationInterface {
  name = 'OutboxLanesIndex1732300002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX notifications_lane_due ON notifications (channel, needs_ack, next_attempt_at, created_at)
        WHERE status IN ('queued', 'sending');
      DROP INDEX notifications_due;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status IN ('queued', 'sending');
      DROP INDEX notifications_lane_due;
    `);
  }
}
