// Issue 29: a number that texted a stop word (STOP, or Welsh STOPIO) gets no more texts until it texts
// a start word (START, DECHRAU). Twilio keeps its own list for the English words only; this one is the
// service's, so Welsh words are honoured too and the duty team can see who has stopped texts.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class SmsOptOuts1732300001950 implements MigrationInterface {
  name = 'SmsOptOuts1732300001950';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sms_opt_outs (
        mobile text PRIMARY KEY,
        keyword text NOT NULL,
        language text NOT NULL CONSTRAINT sms_opt_outs_language_check CHECK (language IN ('en', 'cy')),
        opted_out_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sms_opt_outs`);
  }
}
