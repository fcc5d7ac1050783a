// The outbox's one write: many queued messages in one INSERT ... SELECT FROM unnest (one array
// parameter per column), skipping any whose dedupe key is already queued; each row written also
// signals the outbox channel, which wakes every dispatcher when (and only if) the transaction
// commits. PostgreSQL delivers identical signals of one transaction once, so a commit is one wake-up.
import type { Client } from 'pg';

import { queryPrepared } from '../platform/database/prepared';
import type { Tx } from '../platform/database/transaction';
import { Notification } from './notification.entity';

export const OUTBOX_CHANNEL = 'notifications_outbox';

/** A queued row's columns but status, attempts and the two timestamps, with their PostgreSQL types. */
export const QUEUED_COLUMNS = {
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
  language: 'text',
} as const;
export type QueuedRow = { [K in keyof typeof QUEUED_COLUMNS]: unknown };

const columns = Object.keys(QUEUED_COLUMNS) as (keyof typeof QUEUED_COLUMNS)[];
const INSERT = `INSERT INTO notifications (${columns.join(', ')}, status, attempts, created_at, updated_at)
  SELECT *, 'queued', 0, $${columns.length + 1}, $${columns.length + 1}
  FROM unnest(${columns.map((c, i) => `$${i + 1}::${QUEUED_COLUMNS[c]}[]`).join(', ')})
  ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, pg_notify('${OUTBOX_CHANNEL}', '')`;

/** Subscribes a dedicated connection to the commits that queue messages (each insert's pg_notify). */
export async function listenForQueued(client: Pick<Client, 'query'>): Promise<void> {
  await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
}

export class OutboxRepository {
  /** A queued notification as written. */
  byId(tx: Tx, id: string): Promise<Notification> {
    return tx.findOneByOrFail(Notification, { id });
  }

  /** Inserts the rows in the caller's transaction; returns the ids inserted (a taken dedupe key is skipped). */
  async insertQueued(tx: Tx, rows: QueuedRow[], now: Date): Promise<Set<string>> {
    const inserted = await queryPrepared<{ id: string }>(tx, INSERT, [
      ...columns.map((c) => rows.map((r) => r[c])),
      now,
    ]);
    return new Set(inserted.map((r) => r.id));
  }
}
