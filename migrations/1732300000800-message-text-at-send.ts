// What a message says is now rendered when it is sent and stored on the row then, so a queued row
// has no text yet. Rows queued before this keep theirs, and the dispatcher sends those as they are.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class MessageTextAtSend1732300000800 implements MigrationInterface {
  name = 'MessageTextAtSend1732300000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE notifications ALTER COLUMN body_text DROP NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    // A row still queued has no text: it gets the template's name, the one thing known to be true of it.
    await q.query(
      `UPDATE notifications SET body_text = '(rendered when sent from template ' || template || ')' WHERE body_text IS NULL`,
    );
    await q.query('ALTER TABLE notifications ALTER COLUMN body_text SET NOT NULL');
  }
}
