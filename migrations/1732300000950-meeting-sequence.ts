// Calendar invitations that follow the meeting: each change members' calendars must take (a new
// time, a new place, a cancellation) is sent again under the same UID with a higher SEQUENCE, and a
// calendar ignores anything not higher than what it holds, so the meeting keeps the number it sent last.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MeetingSequence1732300000950 implements MigrationInterface {
  name = 'MeetingSequence1732300000950';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE group_meetings ADD COLUMN sequence integer NOT NULL DEFAULT 0 CHECK (sequence >= 0)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE group_meetings DROP COLUMN sequence');
  }
}
