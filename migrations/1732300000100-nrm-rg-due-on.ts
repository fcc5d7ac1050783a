// Stores each NRM referral's reasonable-grounds due date, so the operational group's "decisions
// due" can be queried by date. The service computes it (working days skip bank holidays).
import { MigrationInterface, QueryRunner } from 'typeorm';

export class NrmRgDueOn1732300000100 implements MigrationInterface {
  name = 'NrmRgDueOn1732300000100';

  async up(q: QueryRunner): Promise<void> {
    // Rows written before this migration get weekends skipped only (no bank holidays); the service
    // recomputes the date whenever the referral date or decision maker changes.
    await q.query(`
      ALTER TABLE nrm_referrals ADD COLUMN rg_due_on date;
      UPDATE nrm_referrals r SET rg_due_on = CASE WHEN r.decision_maker = 'devolved_panel' THEN r.referred_on + 45 ELSE (
        SELECT d::date FROM generate_series(r.referred_on + 1, r.referred_on + 14, interval '1 day') d
        WHERE extract(isodow FROM d) < 6 ORDER BY d OFFSET 4 LIMIT 1) END;
      ALTER TABLE nrm_referrals ALTER COLUMN rg_due_on SET NOT NULL;
      CREATE INDEX nrm_referrals_rg_pending ON nrm_referrals (authority_id, rg_due_on) WHERE rg_decision = 'pending';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE nrm_referrals DROP COLUMN rg_due_on');
  }
}
