// The numbers that texted a stop word and have not texted a start word since (sms_opt_outs).
import type { Tx } from '../platform/database/transaction';
import type { Language } from '../platform/i18n/language';

export class SmsOptOutsRepository {
  /** Records (or renews) this number's stop, with the word it used. */
  async stop(tx: Tx, mobile: string, keyword: string, language: Language, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO sms_opt_outs (mobile, keyword, language, opted_out_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (mobile) DO UPDATE SET keyword = $2, language = $3, opted_out_at = $4`,
      [mobile, keyword, language, at],
    );
  }

  /** Lifts this number's stop; true when there was one. */
  async start(tx: Tx, mobile: string): Promise<boolean> {
    const [, count] = (await tx.query(`DELETE FROM sms_opt_outs WHERE mobile = $1`, [mobile])) as [unknown, number];
    return count > 0;
  }
}
