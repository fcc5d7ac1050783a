// The YES a carer is asked for when a text mentions a return without saying it plainly.
import type { Tx } from '../platform/database/transaction';

/** How long the question stands: a YES after it is not taken as an answer to it. */
export const CONFIRMATION_MINUTES = 30;

export interface WaitingConfirmation {
  id: string;
  authorityId: string;
  episodeId: string;
  childId: string;
}

export class ReturnConfirmationsRepository {
  /** Asks again: an earlier unanswered question to this number is replaced, so a YES answers the latest. */
  async ask(
    tx: Tx,
    q: { authorityId: string; fromNumber: string; episodeId: string; childId: string; at: Date },
  ): Promise<void> {
    await tx.query(
      `UPDATE sms_confirmations SET expires_at = $2 WHERE from_number = $1 AND answered_at IS NULL AND expires_at > $2`,
      [q.fromNumber, q.at],
    );
    await tx.query(
      `INSERT INTO sms_confirmations (authority_id, from_number, episode_id, child_id, asked_at, expires_at)
      VALUES ($1, $2, $3, $4, $5, $5::timestamptz + make_interval(mins => $6))`,
      [q.authorityId, q.fromNumber, q.episodeId, q.childId, q.at, CONFIRMATION_MINUTES],
    );
  }

  /** When the question still waiting for this number was asked, without answering it; null if none waits. */
  async askedAt(tx: Tx, fromNumber: string, at: Date): Promise<Date | null> {
    const [row] = await tx.query(
      `SELECT max(asked_at) AS asked_at FROM sms_confirmations WHERE from_number = $1 AND answered_at IS NULL
      AND expires_at > $2`,
      [fromNumber, at],
    );
    return row?.asked_at ? new Date(row.asked_at) : null;
  }

  /** Takes the question waiting for this number, if one is still open, and marks it answered. */
  async answer(tx: Tx, fromNumber: string, at: Date): Promise<WaitingConfirmation | null> {
    // Inside WITH, as the driver gives a bare UPDATE's RETURNING rows in another shape.
    const [row] = await tx.query(
      `WITH answered AS (UPDATE sms_confirmations SET answered_at = $2
      WHERE id = (SELECT id FROM sms_confirmations WHERE from_number = $1 AND answered_at IS NULL AND expires_at > $2
        ORDER BY asked_at DESC LIMIT 1 FOR UPDATE)
      RETURNING id, authority_id, episode_id, child_id) SELECT * FROM answered`,
      [fromNumber, at],
    );
    return row ? { id: row.id, authorityId: row.authority_id, episodeId: row.episode_id, childId: row.child_id } : null;
  }
}
