// Reads of the outbox for people (an episode's messages, failed messages) and the lookups that
// callbacks and replies need. Reads for people are always scoped to the caller's authority.
import { In } from 'typeorm';
import { MissingEpisode } from '../missing/missing-episode.entity';
import type { Tx } from '../platform/database/transaction';
import { Notification, NotificationEvent } from './notification.entity';

export type StatusChange = Partial<Pick<Notification, 'status' | 'acknowledgedAt' | 'deliveredAt' | 'lastError'>>;

export class NotificationsRepository {
  async forEpisode(tx: Tx, authorityId: string, episodeId: string): Promise<Notification[]> {
    return tx.find(Notification, { where: { authorityId, episodeId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Until the missing-episodes module lands, an episode is known by the messages sent about it. */
  async episodeKnown(tx: Tx, authorityId: string, episodeId: string): Promise<boolean> {
    return tx.existsBy(MissingEpisode, { authorityId, id: episodeId });
  }

  async failed(tx: Tx, authorityId: string, limit: number, offset: number): Promise<Notification[]> {
    return tx.find(Notification, { where: { authorityId, status: In(['failed', 'undelivered']) },
      order: { updatedAt: 'DESC', id: 'ASC' }, take: limit, skip: offset });
  }

  async eventsFor(tx: Tx, ids: string[]): Promise<NotificationEvent[]> {
    if (!ids.length) return [];
    return tx.find(NotificationEvent, { where: { notificationId: In(ids) }, order: { id: 'ASC' } });
  }

  /** Map from a failed notification's id to the fallback queued in its place. */
  async fallbacksOf(tx: Tx, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await tx.find(Notification, { select: { id: true, fallbackOf: true }, where: { fallbackOf: In(ids) } });
    return new Map(rows.map((r) => [r.fallbackOf!, r.id]));
  }

  async lockByProviderId(tx: Tx, providerId: string): Promise<Notification | null> {
    return tx.createQueryBuilder(Notification, 'n').setLock('pessimistic_write')
      .where('n.provider_id = :providerId', { providerId }).getOne();
  }

  /** The newest unacknowledged message with this code that was sent to this address. */
  async lockAckable(tx: Tx, ackCode: string, address: string): Promise<Notification | null> {
    return tx.createQueryBuilder(Notification, 'n').setLock('pessimistic_write')
      .where('n.ack_code = :ackCode AND n.needs_ack AND n.acknowledged_at IS NULL', { ackCode })
      .andWhere('lower(n.address) = lower(:address)', { address })
      .andWhere(`n.status <> 'cancelled'`)
      .orderBy('n.created_at', 'DESC').getOne();
  }

  async setStatus(tx: Tx, n: Notification, changes: StatusChange, event: { at: Date; detail: string | null }): Promise<Notification> {
    await tx.update(Notification, { id: n.id }, { ...changes, updatedAt: event.at });
    await tx.insert(NotificationEvent, { notificationId: n.id, at: event.at, status: changes.status ?? n.status, detail: event.detail });
    return tx.findOneByOrFail(Notification, { id: n.id });
  }
}
