// Bed checks: a check is answerable until the next check's time (issue 27: "expires with the next
// check"), not until the next check's row happens to be written. The expiry is fixed when the check
// is sent; checks sent before this migration keep the six hours the code allowed then.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BedCheckExpiry1732300001350 implements MigrationInterface {
  name = 'BedCheckExpiry1732300001350';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE bed_checks ADD COLUMN expires_at timestamptz;
      UPDATE bed_checks SET expires_at = due_at + interval '6 hours';
      ALTER TABLE bed_checks ALTER COLUMN expires_at SET NOT NULL,
        ADD CONSTRAINT bed_checks_expiry_after_due CHECK (expires_at > due_at);
      CREATE INDEX bed_checks_child_due ON bed_checks (authority_id, due_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX bed_checks_child_due; ALTER TABLE bed_checks DROP COLUMN expires_at');
  }
}
