// Writes promised messages into the outbox inside the caller's transaction, so a state change and
// the notifications it causes commit or vanish together; the dispatchers are woken on commit. The
// row is the whole record of the message's creation: its "queued" moment is created_at. What a
// message says is rendered from its template and data when it is sent (and then stored on the row).
import { randomInt } from 'node:crypto';

import { v7 as uuidv7 } from 'uuid';

import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { Rendering, renderingFor } from './message-language';
import { Attachment, Channel, Fallback, Notification, RecipientType } from './notification.entity';
import { OutboxRepository, QueuedRow } from './outbox.repository';
import { personKey, RecipientLanguagesRepository } from './recipient-languages.repository';
import { assertMessageTemplate } from './templates';

export { OUTBOX_CHANNEL } from './outbox.repository';

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
  /** The language(s) to write it in, when the caller knows; otherwise the recipient's choice or the authority's. */
  language?: Rendering;
}

export class NotificationOutbox {
  constructor(
    private readonly clock: Clock,
    private readonly repo = new OutboxRepository(),
    private readonly languages = new RecipientLanguagesRepository(),
  ) {}

  /** Returns the new notification, or null if one with the same dedupe key already exists. */
  async enqueue(tx: Tx, message: OutboxMessage): Promise<Notification | null> {
    const [id] = await this.enqueueMany(tx, [message]);
    return id ? this.repo.byId(tx, id) : null;
  }

  /**
   * Queues many messages and returns, for each in order, its new id or null where the dedupe key
   * already existed. Every template is checked before anything is written, so a missing one leaves
   * the transaction intact.
   */
  async enqueueMany(tx: Tx, messages: OutboxMessage[]): Promise<(string | null)[]> {
    if (!messages.length) return [];
    const now = this.clock.now();
    const renderings = await this.renderings(tx, messages);
    const rows = messages.map((m, i) => ({ ...rowOf(m, now), language: renderings[i] }));
    const inserted = await this.repo.insertQueued(tx, rows, now);
    return rows.map((r) => (inserted.has(r.id as string) ? (r.id as string) : null));
  }

  /** Each message's language: as given, or the recipient's recorded choice, or their authority's setting. */
  private async renderings(tx: Tx, messages: OutboxMessage[]): Promise<Rendering[]> {
    const asked = messages.filter((m) => !m.language);
    if (!asked.length) return messages.map((m) => m.language!);
    const queries = messages.map((m) => ({ authorityId: m.authorityId, ...m.recipient }));
    const found = await this.languages.find(
      tx,
      queries.filter((_, i) => !messages[i].language),
    );
    return messages.map((m, i) => {
      if (m.language) return m.language;
      const key = personKey(queries[i]);
      return renderingFor(key ? found.person.get(key) : null, found.authority.get(m.authorityId) ?? null);
    });
  }
}

function rowOf(message: OutboxMessage, now: Date): Omit<QueuedRow, 'language'> {
  assertMessageTemplate(message.channel, message.template);
  return {
    // Chosen here so the answer says which messages a taken dedupe key skipped; version 7 (time
    // first, from the injected clock), so new rows append to the primary key's last page.
    id: uuidv7({ msecs: now.getTime() }),
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
    data: JSON.stringify(message.data),
    needs_ack: !!message.needsAck,
    ack_code: message.needsAck ? String(randomInt(1000, 10000)) : null,
    next_attempt_at: message.notBefore ?? now,
    fallbacks: JSON.stringify(message.fallbacks ?? []),
    fallback_of: message.fallbackOf ?? null,
    attachments: message.attachments?.length ? JSON.stringify(message.attachments) : null,
  };
}
