// Issue 29: each message is written in its recipient's language (or both, the authority's first
// language first), chosen when it is queued. Null on rows queued before: English, as they were.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationLanguage1732300001860 implements MigrationInterface {
  name = 'NotificationLanguage1732300001860';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE notifications ADD COLUMN language text
        CONSTRAINT notifications_language_check CHECK (language IN ('en', 'cy', 'en+cy', 'cy+en'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP COLUMN language`);
  }
}
