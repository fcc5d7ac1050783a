// Writes promised messages into the outbox inside the caller's transaction. pg_notify inside the
// same transaction wakes every dispatcher the moment the transaction commits (and never if it
// rolls back), so the first police alert leaves within a second without polling.
import { randomInt } from 'node:crypto';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { Attachment, Channel, Fallback, Notification, NotificationEvent, RecipientType } from './notification.entity';
import { renderEmail, renderSms } from './templates';

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
  /** Email only: files to attach (a calendar invitation). */
  attachments?: Attachment[];
}

export class NotificationOutbox {
  constructor(private readonly clock: Clock) {}

  /** Returns the new notification, or null if one with the same dedupe key already exists. */
  async enqueue(tx: Tx, message: OutboxMessage): Promise<Notification | null> {
    const now = this.clock.now();
    const ackCode = message.needsAck ? String(randomInt(1000, 10000)) : null;
    const data = { ...message.data, ackCode };
    const rendered = message.channel === 'sms'
      ? { subject: null, text: renderSms(message.template, data), html: null }
      : renderEmail(message.template, data);
    const result = await tx.createQueryBuilder().insert().into(Notification).values({
      authorityId: message.authorityId,
      episodeId: message.episodeId ?? null,
      stepKey: message.stepKey ?? null,
      dedupeKey: message.dedupeKey ?? null,
      channel: message.channel,
      recipientType: message.recipient.type,
      recipientId: message.recipient.id,
      recipientName: message.recipient.name,
      address: message.recipient.address,
      template: message.template,
      data: message.data as never,
      subject: rendered.subject,
      bodyText: rendered.text,
      bodyHtml: rendered.html,
      needsAck: !!message.needsAck,
      ackCode,
      status: 'queued',
      attempts: 0,
      nextAttemptAt: message.notBefore ?? now,
      fallbacks: (message.fallbacks ?? []) as never,
      fallbackOf: message.fallbackOf ?? null,
      attachments: (message.attachments?.length ? message.attachments : null) as never,
      createdAt: now,
      updatedAt: now,
    }).orIgnore().returning('*').execute();
    const row = result.raw[0] as Record<string, unknown> | undefined;
    if (!row) return null;
    await tx.insert(NotificationEvent, { notificationId: row.id as string, at: now, status: 'queued', detail: message.stepKey ?? null });
    await tx.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, row.id]);
    return tx.findOneByOrFail(Notification, { id: row.id as string });
  }
}
