// Issue 29: a timeline line is shown in the reader's language. Each new line keeps its English
// summary (the API and other systems read it) and also its message key and parameters, from which
// a page renders it in Welsh or English. Null on lines written before: shown as stored, in English.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class TimelineKeys1732300001900 implements MigrationInterface {
  name = 'TimelineKeys1732300001900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE episode_events ADD COLUMN summary_key text, ADD COLUMN summary_params jsonb`);
    await q.query(`ALTER TABLE escalation_runs ADD COLUMN summary_key text, ADD COLUMN summary_params jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE escalation_runs DROP COLUMN summary_key, DROP COLUMN summary_params`);
    await q.query(`ALTER TABLE episode_events DROP COLUMN summary_key, DROP COLUMN summary_params`);
  }
}
