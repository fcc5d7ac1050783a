// What people and other modules ask of the outbox: the messages of an episode with their history,
// the messages that could not be delivered, and acknowledging an alert ("ACK 1234" or the link).
import type { DataSource } from 'typeorm';

import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { NotFound } from '../platform/errors';
import type { Notification } from './notification.entity';
import { HistoryLine, NotificationsRepository } from './notifications.repository';

export interface NotificationWithHistory {
  notification: Notification;
  events: HistoryLine[];
  fallbackId: string | null;
}
export interface Acknowledgement {
  ackCode: string;
  fromAddress: string;
}

export class NotificationsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly repo = new NotificationsRepository(),
  ) {}

  /** Every message of an episode, oldest first; another authority's episode is not found. */
  async listForEpisode(ctx: RequestContext, episodeId: string): Promise<NotificationWithHistory[]> {
    return this.db.transaction(async (tx) => {
      if (!(await this.repo.episodeKnown(tx, ctx.actor.authorityId, episodeId)))
        throw new NotFound('No episode with that id was found.');
      const rows = await this.repo.forEpisode(tx, ctx.actor.authorityId, episodeId);
      await this.audit.record(tx, ctx, { action: 'read', entityType: 'episode_notifications', entityId: episodeId });
      return this.withHistory(tx, rows);
    });
  }

  /** Failed and undelivered messages across the caller's authority, most recent first. */
  async listFailed(ctx: RequestContext, limit: number, offset: number): Promise<NotificationWithHistory[]> {
    return this.db.transaction(async (tx) => {
      await this.audit.record(tx, ctx, { action: 'read', entityType: 'failed_notifications' });
      return this.withHistory(tx, await this.repo.failed(tx, ctx.actor.authorityId, limit, offset));
    });
  }

  /**
   * Marks the newest unacknowledged alert with this code sent to this address as acknowledged and
   * returns it (with its episodeId and stepKey), or null if there is none.
   */
  async acknowledge(tx: Tx, { ackCode, fromAddress }: Acknowledgement): Promise<Notification | null> {
    const n = await this.repo.lockAckable(tx, ackCode.trim(), fromAddress.trim());
    if (!n) return null;
    const at = this.clock.now();
    return this.repo.setStatus(
      tx,
      n,
      { status: 'acknowledged', acknowledgedAt: at },
      { at, detail: `acknowledged by ${n.channel === 'sms' ? 'SMS reply' : 'the recipient'}` },
    );
  }

  private async withHistory(tx: Tx, rows: Notification[]): Promise<NotificationWithHistory[]> {
    const ids = rows.map((n) => n.id);
    const [history, fallbacks] = await Promise.all([this.repo.historyOf(tx, rows), this.repo.fallbacksOf(tx, ids)]);
    return rows.map((notification) => ({
      notification,
      events: history.get(notification.id)!,
      fallbackId: fallbacks.get(notification.id) ?? null,
    }));
  }
}
