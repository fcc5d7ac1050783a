// A guardian record may be linked to the guardian's user account, so that a signed-in guardian sees
// the episodes of the children they guard and no others (issue 23). Null: not linked, sees none.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class GuardianUsers1732300000990 implements MigrationInterface {
  name = 'GuardianUsers1732300000990';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE guardians ADD COLUMN user_id uuid REFERENCES users(id)');
    await q.query('CREATE INDEX guardians_user_id_idx ON guardians (user_id) WHERE user_id IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE guardians DROP COLUMN user_id');
  }
}
