// The dispatcher's SQL: claim due rows, then record what happened to each. Every write is fenced
// on (status 'sending', attempts) so a dispatcher whose claim lapsed and was taken over by another
// cannot overwrite the newer outcome, and an acknowledgement is never overwritten by "sent".
import { In } from 'typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '../platform/database/transaction';
import { Notification } from './notification.entity';

export class DeliveryRepository {
  /**
   * One statement, so one short transaction: lock due rows no one else holds (queued and due, or
   * sending whose claim lapsed because that instance died), mark them ours until leaseUntil.
   */
  async claimDue(db: DataSource, now: Date, leaseUntil: Date, limit: number): Promise<Notification[]> {
    const rows: { id: string }[] = await db.query(`
      WITH due AS (
        SELECT id, status AS previous FROM notifications
        WHERE (status = 'queued' AND next_attempt_at <= $1) OR (status = 'sending' AND claimed_until < $1)
        -- In a burst, alerts that need acknowledging (police, CEOP, managers) go first, and texts before
        -- emails: the first police text is the minute that matters.
        ORDER BY needs_ack DESC, channel = 'sms' DESC, next_attempt_at, created_at
        LIMIT $3
        FOR UPDATE SKIP LOCKED
      ), claimed AS (
        UPDATE notifications n SET status = 'sending', claimed_until = $2, attempts = n.attempts + 1, updated_at = $1
        FROM due WHERE n.id = due.id
        RETURNING n.id, n.attempts, due.previous
      ), logged AS (
        INSERT INTO notification_events (notification_id, at, status, detail)
        SELECT id, $1, 'sending', 'attempt ' || attempts || CASE WHEN previous = 'sending' THEN ' (an earlier claim lapsed)' ELSE '' END
        FROM claimed
      )
      SELECT id FROM claimed`, [now, leaseUntil, limit]);
    if (!rows.length) return [];
    return db.getRepository(Notification).find({ where: { id: In(rows.map((r) => r.id)) }, order: { nextAttemptAt: 'ASC', createdAt: 'ASC' } });
  }

  async nextDueAt(db: DataSource): Promise<Date | null> {
    const [row] = await db.query(`SELECT min(next_attempt_at) AS at FROM notifications WHERE status = 'queued'`);
    return row?.at ? new Date(row.at) : null;
  }

  /** Returns false when the claim was lost (lapsed and taken over, or acknowledged meanwhile). */
  async markSent(tx: Tx, n: Notification, providerId: string, now: Date): Promise<boolean> {
    return this.transition(tx, n, now, 'sent', providerId,
      'status = \'sent\', provider_id = $4, sent_at = $3, claimed_until = NULL, last_error = NULL', [providerId]);
  }

  async markRetry(tx: Tx, n: Notification, error: string, nextAttemptAt: Date, now: Date): Promise<boolean> {
    return this.transition(tx, n, now, 'queued', `attempt ${n.attempts} failed: ${error}; next attempt at ${nextAttemptAt.toISOString()}`,
      'status = \'queued\', next_attempt_at = $4, claimed_until = NULL, last_error = $5', [nextAttemptAt, error]);
  }

  async markFailed(tx: Tx, n: Notification, error: string, now: Date): Promise<boolean> {
    return this.transition(tx, n, now, 'failed', `attempt ${n.attempts} failed: ${error}`,
      'status = \'failed\', claimed_until = NULL, last_error = $4', [error]);
  }

  /** One statement (the update and its event), so recording a send costs one round trip. */
  private async transition(tx: Tx, n: Notification, now: Date, status: string, detail: string, set: string, extra: unknown[]): Promise<boolean> {
    const rows: unknown[] = await tx.query(`
      WITH changed AS (
        UPDATE notifications SET ${set}, updated_at = $3 WHERE id = $1 AND status = 'sending' AND attempts = $2 RETURNING id
      )
      INSERT INTO notification_events (notification_id, at, status, detail)
      SELECT id, $3, $${extra.length + 4}, $${extra.length + 5} FROM changed RETURNING notification_id`,
    [n.id, n.attempts, now, ...extra, status, detail]);
    return rows.length > 0;
  }
}
