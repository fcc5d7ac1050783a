// Writes promised messages into the outbox inside the caller's transaction. pg_notify inside the
// same transaction wakes every dispatcher the moment the transaction commits (and never if it
// rolls back), so the first police alert leaves within a second without polling. One multi-row
// INSERT per batch keeps the sweep's cost to a few statements however many messages a step sends.
// The row is the whole record of the message's creation: its "queued" moment is created_at (no
// separate event row). What a message says is rendered from its template and data when it is sent
// (and then stored on the row as sent): a sweep's thousands of rows are then a third fewer bytes
// to build, send, insert and log, and the text still comes from the data as it was when queued.
import { randomInt } from 'node:crypto';

import type { Clock } from '../platform/clock';
import { copyRows, CopyType, encodeRows } from '../platform/database/copy-rows';
import { TextField, textRows } from '../platform/database/text-rows';
import { timeOrderedId } from '../platform/database/time-ordered-id';
import type { Tx } from '../platform/database/transaction';
import { Attachment, Channel, Fallback, Notification, RecipientType } from './notification.entity';
import { assertMessageTemplate } from './templates';

export const OUTBOX_CHANNEL = 'notifications_outbox';

export interface Recipient {
  type: RecipientType;
  id: string | null;
  name: string;
  address: string;
}

export interface OutboxMessage {
  authorityId: string;
  episodeId?: string | null;
  /** The escalation step (and repeat) that caused it, e.g. "report#0"; shown on the timeline. */
  stepKey?: string | null;
  /** Makes enqueueing idempotent: a second message with the same key is ignored. */
  dedupeKey?: string | null;
  channel: Channel;
  recipient: Recipient;
  /** Template name under templates/sms/ or templates/email/. */
  template: string;
  data: object;
  needsAck?: boolean;
  fallbacks?: Fallback[];
  fallbackOf?: string | null;
  /** Send no earlier than this (defaults to now). */
  notBefore?: Date;
  /** Email only: files to attach (e.g. the operational group's .ics invitation). */
  attachments?: Attachment[];
}

export class NotificationOutbox {
  constructor(private readonly clock: Clock) {}

  /** Returns the new notification, or null if one with the same dedupe key already exists. */
  async enqueue(tx: Tx, message: OutboxMessage): Promise<Notification | null> {
    const [id] = await this.enqueueMany(tx, [message]);
    return id ? tx.findOneByOrFail(Notification, { id }) : null;
  }

  /**
   * Queues many messages (the rows and one wake-up) and returns, for each message in order, its
   * new id or null where the dedupe key already existed. Every message's template is checked before
   * anything is written, so a missing one leaves the transaction intact.
   */
  async enqueueMany(tx: Tx, messages: OutboxMessage[]): Promise<(string | null)[]> {
    if (!messages.length) return [];
    const now = this.clock.now();
    if (messages.length >= COPY_FROM) {
      const copied = await this.copy(tx, this.rows(messages, now), now);
      if (copied) return copied;
    }
    return this.insert(tx, this.rows(messages, now), now);
  }

  private rows(messages: OutboxMessage[], now: Date): TextField[][] {
    const dataText = new Map<object, string>();
    const nowText = now.toISOString();
    return messages.map((m) => this.row(m, now, nowText, dataText));
  }

  /** One INSERT that skips rows whose dedupe key exists, and wakes the dispatchers. */
  private async insert(tx: Tx, rows: TextField[][], now: Date): Promise<(string | null)[]> {
    // The wake-up rides in the same statement (one round trip less for every report): pg_notify is
    // volatile, so its CTE runs once, and only when something was inserted. Only the dedupe key can
    // conflict (ids are new), so it is the one index probed before each row goes in.
    const { source, field, param } = textRows(rows, 1);
    const result: { id: string }[] = await tx.query(
      `WITH inserted AS (INSERT INTO notifications (${fields.join(', ')}, status, attempts, created_at, updated_at)
      SELECT ${fields.map((f, i) => `${field(i)}::${fieldTypes[f]}`).join(', ')}, 'queued', 0, $3, $3 FROM ${source}
      ON CONFLICT (dedupe_key) DO NOTHING RETURNING id), wake AS (SELECT pg_notify($2, id::text) FROM (SELECT id FROM inserted LIMIT 1) AS first)
      SELECT inserted.id FROM inserted LEFT JOIN wake ON true`,
      [param, OUTBOX_CHANNEL, now],
    );
    const inserted = new Set(result.map((r) => r.id));
    return rows.map((r) => (inserted.has(r[0]!) ? r[0] : null));
  }

  /**
   * A large batch goes in by binary COPY: the INSERT made the database parse the batch as text
   * first (2,000 of a sweep's messages, measured alone: about 105 ms by INSERT, about 60 ms by
   * COPY). COPY cannot skip a row whose dedupe key exists, so it runs inside a savepoint: if any
   * key is taken (rare: the runs the sweep claimed are new), the savepoint is rolled back and the
   * batch goes through the INSERT instead (null: use the INSERT), rendered afresh.
   */
  private async copy(tx: Tx, rows: TextField[][], now: Date): Promise<string[] | null> {
    const ids = rows.map((r) => r[0]!);
    const data = encodeRows(copyColumns, rows, ['queued', '0', now.toISOString(), now.toISOString()]);
    await tx.query('SAVEPOINT outbox_copy');
    try {
      await copyRows(tx, 'notifications', data);
    } catch (err) {
      if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
      await tx.query('ROLLBACK TO SAVEPOINT outbox_copy');
      return null;
    }
    // The ids are made here (uuids, hex and dashes only), so the wake-up's payload can be written inline.
    await tx.query(`RELEASE SAVEPOINT outbox_copy; SELECT pg_notify('${OUTBOX_CHANNEL}', '${ids[0]}')`);
    return ids;
  }

  /** The row's fields, in the order of `fields`, as PostgreSQL's text input for each (null for NULL). */
  private row(message: OutboxMessage, now: Date, nowText: string, dataText: Map<object, string>): TextField[] {
    assertMessageTemplate(message.channel, message.template);
    const ackCode = message.needsAck ? String(randomInt(1000, 10000)) : null;
    // A step's SMS and email to one person share their data object: it is turned into JSON once.
    let json = dataText.get(message.data);
    if (json === undefined) dataText.set(message.data, (json = JSON.stringify(message.data)));
    return [
      // Chosen here so that RETURNING says exactly which messages a conflict skipped; time-ordered,
      // so new rows append to the primary key's last page rather than to random ones.
      timeOrderedId(now),
      message.authorityId,
      message.episodeId ?? null,
      message.stepKey ?? null,
      message.dedupeKey ?? null,
      message.channel,
      message.recipient.type,
      message.recipient.id,
      message.recipient.name,
      message.recipient.address,
      message.template,
      json,
      message.needsAck ? 'true' : 'false',
      ackCode,
      message.notBefore?.toISOString() ?? nowText,
      JSON.stringify(message.fallbacks ?? []),
      message.fallbackOf ?? null,
      message.attachments?.length ? JSON.stringify(message.attachments) : null,
    ];
  }
}

// Every column a queued row sets but status, attempts and the two timestamps (the same for all).
const fieldTypes = {
  id: 'uuid',
  authority_id: 'uuid',
  episode_id: 'uuid',
  step_key: 'text',
  dedupe_key: 'text',
  channel: 'text',
  recipient_type: 'text',
  recipient_id: 'uuid',
  recipient_name: 'text',
  address: 'text',
  template: 'text',
  data: 'json',
  needs_ack: 'boolean',
  ack_code: 'text',
  next_attempt_at: 'timestamptz',
  fallbacks: 'json',
  fallback_of: 'uuid',
  attachments: 'jsonb',
} as const;
const fields = Object.keys(fieldTypes) as (keyof typeof fieldTypes)[];
const copyColumns: Record<string, CopyType> = {
  ...fieldTypes,
  status: 'text',
  attempts: 'integer',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};
/**
 * From this many messages a batch is copied; a report's handful goes in one INSERT, its wake-up in the same round trip.
 */
export const COPY_FROM = 50;
const UNIQUE_VIOLATION = '23505';
