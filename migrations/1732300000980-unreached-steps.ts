// A fired step that reached nobody (no active contact or user for any of its roles) is recorded as
// 'unreached', so the episode page and the dashboard can show it as the failure it is, never "Sent".
import { MigrationInterface, QueryRunner } from 'typeorm';

export class UnreachedSteps1732300000980 implements MigrationInterface {
  name = 'UnreachedSteps1732300000980';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE escalation_runs DROP CONSTRAINT escalation_runs_outcome_check,
      ADD CONSTRAINT escalation_runs_outcome_check CHECK (outcome IN ('fired', 'skipped', 'unreached'))`);
    // The dashboard lists these for open episodes; they are rare, so a small partial index finds them.
    await q.query(`CREATE INDEX escalation_runs_unreached ON escalation_runs (episode_id) WHERE outcome = 'unreached'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX escalation_runs_unreached');
    // Before this, a step that reached nobody was 'fired'; its line still begins "FAILED: nobody to send to".
    await q.query(`UPDATE escalation_runs SET outcome = 'fired' WHERE outcome = 'unreached'`);
    await q.query(`ALTER TABLE escalation_runs DROP CONSTRAINT escalation_runs_outcome_check,
      ADD CONSTRAINT escalation_runs_outcome_check CHECK (outcome IN ('fired', 'skipped'))`);
  }
}
