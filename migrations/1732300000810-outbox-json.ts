// A message's data and fallbacks become json: they are only ever stored whole and read back whole
// (nothing queries inside them), and PostgreSQL takes json in about a third of the time it takes to
// build jsonb, for every one of a sweep's thousands of rows (2,000 rows' data and fallbacks, parsed
// alone: 12-20 ms as jsonb, 5-7 ms as json). Attachments stay jsonb: few messages carry any.
// Changing the type rewrites the table under an exclusive lock: on a large outbox, run it in a quiet hour.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxJson1732300000810 implements MigrationInterface {
  name = 'OutboxJson1732300000810';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications ALTER COLUMN data TYPE json USING data::json,
      ALTER COLUMN fallbacks TYPE json USING fallbacks::json, ALTER COLUMN fallbacks SET DEFAULT '[]'::json`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications ALTER COLUMN data TYPE jsonb USING data::jsonb,
      ALTER COLUMN fallbacks TYPE jsonb USING fallbacks::jsonb, ALTER COLUMN fallbacks SET DEFAULT '[]'::jsonb`);
  }
}
