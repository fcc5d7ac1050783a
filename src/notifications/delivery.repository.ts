// The dispatcher's SQL: claim due rows, then record what happened to each. Every write is fenced
// on (status 'sending', attempts) so a dispatcher whose claim lapsed and was taken over by another
// cannot overwrite the newer outcome, and an acknowledgement is never overwritten by "sent".
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

import { entityFromRow } from '../platform/database/entity-rows';
import { queryPrepared } from '../platform/database/prepared';
import type { Tx } from '../platform/database/transaction';
import { Channel, Notification } from './notification.entity';
import type { MessageContent } from './templates';

/** Where the dispatcher's statements run: the service's pool, a transaction, or the dispatcher's own pool. */
export interface SqlRunner {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg and TypeORM both answer untyped rows
  query(sql: string, params?: unknown[]): Promise<any>;
}

/**
 * A node-postgres pool (the dispatcher's own) as a SqlRunner: its rows, as TypeORM's query answers, each statement
 * prepared (they run hundreds of times a second in a burst). Every statement here names the columns it returns.
 */
export function poolRunner(pool: Pool): SqlRunner {
  return { query: (text, params) => queryPrepared(pool, text, params) };
}

/** A claimed message, and the stop word its number texted (a text's only; null when none). */
export interface Claimed {
  n: Notification;
  stoppedBy: string | null;
}

export class DeliveryRepository {
  /** The claim returns the entity's columns by name, never n.*: prepared, its result must not change with the table. */
  private readonly claimed: string;

  constructor(private readonly db: DataSource) {
    this.claimed = db
      .getMetadata(Notification)
      .columns.map((c) => `n.${c.databaseName}`)
      .join(', ');
  }

  /**
   * One statement, so one short transaction: lock due rows of one lane (channel, and whether they
   * need acknowledging) no one else holds (queued and due, or sending whose claim lapsed because that
   * instance died), mark them ours until leaseUntil, log the attempt, and return the claimed rows,
   * each text with the stop word (STOP, STOPIO) its number sent, if not lifted since.
   */
  async claimDue(
    sql: SqlRunner,
    lane: { channel: Channel; urgent: boolean },
    now: Date,
    leaseUntil: Date,
    limit: number,
  ): Promise<Claimed[]> {
    const rows: (Record<string, unknown> & { stopped_by: string | null })[] = await sql.query(
      `
      WITH due AS (
        SELECT id, status AS previous FROM notifications
        WHERE ((status = 'queued' AND next_attempt_at <= $1) OR (status = 'sending' AND claimed_until < $1)) AND channel = $4 AND needs_ack = $5
        ORDER BY next_attempt_at, created_at
        LIMIT $3
        FOR UPDATE SKIP LOCKED
      ), claimed AS (
        UPDATE notifications n SET status = 'sending', claimed_until = $2, attempts = n.attempts + 1, updated_at = $1
        FROM due WHERE n.id = due.id
        RETURNING ${this.claimed}, due.previous
      ), logged AS (
        INSERT INTO notification_events (notification_id, at, status, detail)
        SELECT id, $1, 'sending', 'attempt ' || attempts || CASE WHEN previous = 'sending' THEN ' (an earlier claim lapsed)' ELSE '' END
        FROM claimed
      )
      SELECT c.*, o.keyword AS stopped_by FROM claimed c
        LEFT JOIN sms_opt_outs o ON c.channel = 'sms' AND o.mobile = c.address`,
      [now, leaseUntil, limit, lane.channel, lane.urgent],
    );
    return rows
      .map((r) => ({ n: entityFromRow(this.db, Notification, r), stoppedBy: r.stopped_by }))
      .sort(
        ({ n: a }, { n: b }) =>
          a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime(),
      );
  }

  async nextDueAt(sql: SqlRunner): Promise<Date | null> {
    const [row] = await sql.query(`SELECT min(next_attempt_at) AS at FROM notifications WHERE status = 'queued'`);
    return row?.at ? new Date(row.at) : null;
  }

  /**
   * Records many sends in one statement (each fenced like the others), with what each said; returns
   * the ids recorded. An id missing from the answer lost its claim (lapsed and taken over, or
   * acknowledged meanwhile).
   */
  async markSentMany(
    sql: SqlRunner,
    sends: { n: Notification; providerId: string; at: Date; content: MessageContent }[],
  ): Promise<Set<string>> {
    const rows: { notification_id: string }[] = await sql.query(
      `
      WITH changed AS (
        UPDATE notifications n SET status = 'sent', provider_id = t.provider_id, sent_at = t.at, claimed_until = NULL, last_error = NULL, updated_at = t.at,
          subject = t.subject, body_text = t.body
        FROM unnest($1::uuid[], $2::int[], $3::text[], $4::timestamptz[], $5::text[], $6::text[]) AS t(id, attempts, provider_id, at, subject, body)
        WHERE n.id = t.id AND n.status = 'sending' AND n.attempts = t.attempts
        RETURNING n.id, n.provider_id, t.at
      )
      INSERT INTO notification_events (notification_id, at, status, detail)
      SELECT id, at, 'sent', provider_id FROM changed RETURNING notification_id`,
      [
        sends.map((s) => s.n.id),
        sends.map((s) => s.n.attempts),
        sends.map((s) => s.providerId),
        sends.map((s) => s.at),
        sends.map((s) => s.content.subject),
        sends.map((s) => s.content.text),
      ],
    );
    return new Set(rows.map((r) => r.notification_id));
  }

  /**
   * Extends claims this instance still holds (no event row: a claim's renewal is not news); returns the ids extended.
   */
  async renewClaims(
    sql: SqlRunner,
    claims: { id: string; attempts: number }[],
    now: Date,
    until: Date,
  ): Promise<Set<string>> {
    const rows: { id: string }[] = await sql.query(
      `
      UPDATE notifications n SET claimed_until = $3, updated_at = $4 FROM unnest($1::uuid[], $2::int[]) AS t(id, attempts)
      WHERE n.id = t.id AND n.status = 'sending' AND n.attempts = t.attempts RETURNING n.id`,
      [claims.map((c) => c.id), claims.map((c) => c.attempts), until, now],
    );
    return new Set(rows.map((r) => r.id));
  }

  async markRetry(tx: Tx, n: Notification, error: string, nextAttemptAt: Date, now: Date): Promise<boolean> {
    return this.transition(
      tx,
      n,
      now,
      'queued',
      `attempt ${n.attempts} failed: ${error}; next attempt at ${nextAttemptAt.toISOString()}`,
      "status = 'queued', next_attempt_at = $4, claimed_until = NULL, last_error = $5",
      [nextAttemptAt, error],
    );
  }

  async markFailed(tx: Tx, n: Notification, error: string, now: Date): Promise<boolean> {
    return this.transition(
      tx,
      n,
      now,
      'failed',
      `attempt ${n.attempts} failed: ${error}`,
      "status = 'failed', claimed_until = NULL, last_error = $4",
      [error],
    );
  }

  /** One statement (the update and its event), so recording a send costs one round trip. */
  private async transition(
    tx: SqlRunner,
    n: Notification,
    now: Date,
    status: string,
    detail: string,
    set: string,
    extra: unknown[],
  ): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `
      WITH changed AS (
        UPDATE notifications SET ${set}, updated_at = $3 WHERE id = $1 AND status = 'sending' AND attempts = $2 RETURNING id
      )
      INSERT INTO notification_events (notification_id, at, status, detail)
      SELECT id, $3, $${extra.length + 4}, $${extra.length + 5} FROM changed RETURNING notification_id`,
      [n.id, n.attempts, now, ...extra, status, detail],
    );
    return rows.length > 0;
  }
}
