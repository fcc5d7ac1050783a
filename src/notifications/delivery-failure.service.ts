// What happens when a message cannot be delivered (retries exhausted, a permanent error, or an
// undelivered/failed callback): the next fallback is queued and the duty manager is told, in the
// same transaction as the failure, so neither can be lost. Both are deduplicated by key, so
// handling the same failure twice (the dispatcher and then a late callback) queues nothing twice.
import type { Tx } from '../platform/database/transaction';
import type { Logger } from '../platform/logger';
import { activeDutyManagers, DutyManager } from './duty-managers.repository';
import type { Notification } from './notification.entity';
import type { NotificationOutbox, OutboxMessage } from './outbox';
import { messageToPerson } from './person-message';

const channelLabel = { sms: 'SMS', email: 'email', voice: 'phone call' } as const;

export class DeliveryFailureService {
  constructor(
    private readonly outbox: NotificationOutbox,
    private readonly logger: Logger,
  ) {}

  async handle(tx: Tx, n: Notification, reason: string): Promise<void> {
    const [next, ...rest] = n.fallbacks ?? [];
    if (next && n.data) {
      await this.enqueueFallback(tx, {
        authorityId: n.authorityId,
        episodeId: n.episodeId,
        stepKey: n.stepKey,
        dedupeKey: `fallback-of:${n.id}`,
        channel: next.channel,
        template: n.template,
        data: n.data,
        needsAck: n.needsAck,
        fallbacks: rest,
        fallbackOf: n.id,
        recipient: { type: next.recipientType, id: next.recipientId, name: next.recipientName, address: next.address },
      });
    } else if (next) {
      this.logger.error(
        { notificationId: n.id },
        'a failed notification has a fallback but no template data to render it with',
      );
    }
    // A failed alert to a duty manager still falls back, but does not alert the duty managers about itself.
    if (n.recipientType === 'duty') return;
    const managers = await activeDutyManagers(tx, n.authorityId);
    if (!managers.length)
      this.logger.error(
        { notificationId: n.id, authorityId: n.authorityId },
        'a notification failed and the authority has no active duty manager contact to tell',
      );
    const data = {
      recipientName: n.recipientName,
      channel: channelLabel[n.channel],
      reason,
      fallback: next ? `${channelLabel[next.channel]} to ${next.recipientName}` : null,
      stepKey: n.stepKey,
    };
    for (const manager of managers) {
      const message = dutyAlert(n, manager, data);
      if (message) await this.outbox.enqueue(tx, message);
    }
  }

  /**
   * A fallback whose template has no files for its channel must not stop the duty manager hearing of
   * the failure. The outbox checks templates before it writes, so the transaction is intact; a
   * database error instead aborts it, and the next statement fails and rolls the whole failure back.
   * (A fallback whose data its template cannot be rendered from is queued, fails when sent, and the
   * duty manager hears of that too.)
   */
  private async enqueueFallback(tx: Tx, message: OutboxMessage): Promise<void> {
    try {
      await this.outbox.enqueue(tx, message);
    } catch (err) {
      this.logger.error(
        { err, fallbackOf: message.fallbackOf },
        'the fallback could not be queued; telling the duty manager anyway',
      );
    }
  }
}

function dutyAlert(n: Notification, m: DutyManager, data: object): OutboxMessage | null {
  return messageToPerson(m, 'duty', {
    authorityId: n.authorityId,
    episodeId: n.episodeId,
    stepKey: 'delivery-failed',
    dedupeKey: `delivery-failed:${n.id}:${m.id}`,
    template: 'delivery-failed',
    data,
  });
}
