// Reads of the outbox for people (an episode's messages, failed messages) and the lookups that
// callbacks and replies need. Reads for people are always scoped to the caller's authority.
import { In } from 'typeorm';

import { MissingEpisode } from '../missing/missing-episode.entity';
import type { Tx } from '../platform/database/transaction';
import { Notification, NotificationEvent } from './notification.entity';

export type HistoryLine = Pick<NotificationEvent, 'notificationId' | 'at' | 'status' | 'detail'>;
export type StatusChange = Partial<Pick<Notification, 'status' | 'acknowledgedAt' | 'deliveredAt' | 'lastError'>>;

export class NotificationsRepository {
  async forEpisode(tx: Tx, authorityId: string, episodeId: string): Promise<Notification[]> {
    // Messages queued in one transaction share created_at; seq keeps the order they were queued in.
    return tx.find(Notification, { where: { authorityId, episodeId }, order: { createdAt: 'ASC', seq: 'ASC' } });
  }

  /** Until the missing-episodes module lands, an episode is known by the messages sent about it. */
  async episodeKnown(tx: Tx, authorityId: string, episodeId: string): Promise<boolean> {
    return tx.existsBy(MissingEpisode, { authorityId, id: episodeId });
  }

  async failed(tx: Tx, authorityId: string, limit: number, offset: number): Promise<Notification[]> {
    return tx.find(Notification, {
      where: { authorityId, status: In(['failed', 'undelivered']) },
      order: { updatedAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  /**
   * The status history of each message, oldest first. Its first line, "queued", is the row's own
   * creation (the outbox writes no event for it); rows queued before that change have it stored.
   */
  async historyOf(tx: Tx, notifications: Notification[]): Promise<Map<string, HistoryLine[]>> {
    const history = new Map<string, HistoryLine[]>(notifications.map((n) => [n.id, []]));
    if (!notifications.length) return history;
    const events = await tx.find(NotificationEvent, {
      where: { notificationId: In([...history.keys()]) },
      order: { id: 'ASC' },
    });
    for (const e of events) history.get(e.notificationId)!.push(e);
    for (const n of notifications) {
      const lines = history.get(n.id)!;
      const stored = lines[0]?.status === 'queued' && lines[0].at.getTime() === n.createdAt.getTime();
      if (!stored) lines.unshift({ notificationId: n.id, at: n.createdAt, status: 'queued', detail: n.stepKey });
    }
    return history;
  }

  /** Map from a failed notification's id to the fallback queued in its place. */
  async fallbacksOf(tx: Tx, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await tx.find(Notification, {
      select: { id: true, fallbackOf: true },
      where: { fallbackOf: In(ids) },
    });
    return new Map(rows.map((r) => [r.fallbackOf!, r.id]));
  }

  async lockByProviderId(tx: Tx, providerId: string): Promise<Notification | null> {
    return tx
      .createQueryBuilder(Notification, 'n')
      .setLock('pessimistic_write')
      .where('n.provider_id = :providerId', { providerId })
      .getOne();
  }

  /** The newest unacknowledged message with this code that was sent to this address. */
  async lockAckable(tx: Tx, ackCode: string, address: string): Promise<Notification | null> {
    return tx
      .createQueryBuilder(Notification, 'n')
      .setLock('pessimistic_write')
      .where('n.ack_code = :ackCode AND n.needs_ack AND n.acknowledged_at IS NULL', { ackCode })
      .andWhere('lower(n.address) = lower(:address)', { address })
      .andWhere(`n.status <> 'cancelled'`)
      .orderBy('n.created_at', 'DESC')
      .getOne();
  }

  async setStatus(
    tx: Tx,
    n: Notification,
    changes: StatusChange,
    event: { at: Date; detail: string | null },
  ): Promise<Notification> {
    await tx.update(Notification, { id: n.id }, { ...changes, updatedAt: event.at });
    await tx.insert(NotificationEvent, {
      notificationId: n.id,
      at: event.at,
      status: changes.status ?? n.status,
      detail: event.detail,
    });
    return tx.findOneByOrFail(Notification, { id: n.id });
  }
}
