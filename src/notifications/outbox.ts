// Writes promised messages into the outbox inside the caller's transaction. pg_notify inside the
// same transaction wakes every dispatcher the moment the transaction commits (and never if it
// rolls back), so the first police alert leaves within a second without polling. One multi-row
// INSERT per batch keeps the sweep's cost to a few statements however many messages a step sends.
// The row is the whole record of the message's creation: its "queued" moment is created_at (no
// separate event row), and an email's HTML part is rendered from template and data when it is sent,
// which keeps each row small enough that PostgreSQL stores it without compressing it.
import { randomInt, randomUUID } from 'node:crypto';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { Attachment, Channel, Fallback, Notification, RecipientType } from './notification.entity';
import { renderEmailText, renderSms } from './templates';

export const OUTBOX_CHANNEL = 'notifications_outbox';

export interface Recipient { type: RecipientType; id: string | null; name: string; address: string }

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
   * Queues many messages in one statement (the rows and one wake-up) and returns,
   * for each message in order, its new id or null where the dedupe key already existed. Everything
   * is rendered before anything is written, so a template error leaves the transaction intact.
   */
  async enqueueMany(tx: Tx, messages: OutboxMessage[]): Promise<(string | null)[]> {
    if (!messages.length) return [];
    const now = this.clock.now();
    // Ids are chosen here so that RETURNING says exactly which messages a conflict skipped.
    const rows = messages.map((m) => ({ id: randomUUID(), ...this.row(m, now) }));
    // One jsonb parameter rather than thousands of placeholders: building those is what made a batch slow.
    // The wake-up rides in the same statement (one round trip less for every report): pg_notify is
    // volatile, so its CTE runs once, and only when something was inserted.
    const result: { id: string }[] = await tx.query(`WITH inserted AS (INSERT INTO notifications (${columns.join(', ')})
      SELECT ${columns.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS t(${columns.map((c) => `${c} ${columnTypes[c]}`).join(', ')})
      ON CONFLICT DO NOTHING RETURNING id), wake AS (SELECT pg_notify($2, id::text) FROM (SELECT id FROM inserted LIMIT 1) AS first)
      SELECT inserted.id FROM inserted LEFT JOIN wake ON true`, [JSON.stringify(rows), OUTBOX_CHANNEL]);
    const inserted = new Set(result.map((r) => r.id));
    const ids = rows.map((r) => (inserted.has(r.id) ? r.id : null));
    return ids;
  }

  private row(message: OutboxMessage, now: Date): Omit<Row, 'id'> {
    const ackCode = message.needsAck ? String(randomInt(1000, 10000)) : null;
    const data = { ...message.data, ackCode };
    const rendered = message.channel === 'sms'
      ? { subject: null, text: renderSms(message.template, data) }
      : renderEmailText(message.template, data);
    return {
      authority_id: message.authorityId,
      episode_id: message.episodeId ?? null,
      step_key: message.stepKey ?? null,
      dedupe_key: message.dedupeKey ?? null,
      channel: message.channel,
      recipient_type: message.recipient.type,
      recipient_id: message.recipient.id,
      recipient_name: message.recipient.name,
      address: message.recipient.address,
      template: message.template,
      data: message.data,
      subject: rendered.subject,
      body_text: rendered.text,
      body_html: null,
      needs_ack: !!message.needsAck,
      ack_code: ackCode,
      status: 'queued',
      attempts: 0,
      next_attempt_at: (message.notBefore ?? now).toISOString(),
      fallbacks: message.fallbacks ?? [],
      fallback_of: message.fallbackOf ?? null,
      attachments: message.attachments?.length ? message.attachments : null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
  }
}

const columnTypes = {
  id: 'uuid', authority_id: 'uuid', episode_id: 'uuid', step_key: 'text', dedupe_key: 'text', channel: 'text', recipient_type: 'text',
  recipient_id: 'uuid', recipient_name: 'text', address: 'text', template: 'text', data: 'jsonb', subject: 'text', body_text: 'text',
  body_html: 'text', needs_ack: 'boolean', ack_code: 'text', status: 'text', attempts: 'integer', next_attempt_at: 'timestamptz',
  fallbacks: 'jsonb', fallback_of: 'uuid', attachments: 'jsonb', created_at: 'timestamptz', updated_at: 'timestamptz',
} as const;
const columns = Object.keys(columnTypes) as (keyof typeof columnTypes)[];
type Row = Record<keyof typeof columnTypes, unknown> & { id: string; step_key: string | null };
