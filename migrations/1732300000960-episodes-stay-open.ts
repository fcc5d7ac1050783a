// Care ends with a recorded reason, and an episode stays open while it still owes something (its
// return interview) even after the child goes missing again: the database keeps one episode in
// which the child is *missing* per child, not one open episode. Overlap stays refused as before.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class EpisodesStayOpen1732300000960 implements MigrationInterface {
  name = 'EpisodesStayOpen1732300000960';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE children ADD COLUMN care_end_reason text;
      DROP INDEX missing_episodes_one_open;
      CREATE UNIQUE INDEX missing_episodes_one_missing ON missing_episodes (child_id) WHERE closed_at IS NULL AND returned_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX missing_episodes_one_missing;
      CREATE UNIQUE INDEX missing_episodes_one_open ON missing_episodes (child_id) WHERE closed_at IS NULL;
      ALTER TABLE children DROP COLUMN care_end_reason;
    `);
  }
}
