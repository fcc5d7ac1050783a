// Applies Twilio's status callbacks. Callbacks arrive late, twice and out of order, so a status is
// applied only if it ranks above the current one: a late "sent" never overwrites "delivered", a
// replay changes nothing, and an acknowledgement beats everything. "undelivered" and "failed"
// fall back to the next channel or contact and tell the duty manager, as a failed send does.
import type { DataSource } from 'typeorm';

import type { Clock } from '../platform/clock';
import type { DeliveryFailureService } from './delivery-failure.service';
import { type NotificationStatus, statusRank } from './notification.entity';
import { NotificationsRepository } from './notifications.repository';

const fromTwilio: Record<string, NotificationStatus> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'sending',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
};

export interface TwilioStatus {
  messageSid: string;
  messageStatus: string;
  errorCode?: string;
}

export class ProviderStatusService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly failures: DeliveryFailureService,
    private readonly repo = new NotificationsRepository(),
  ) {}

  /** Called only for callbacks whose Twilio signature the route has checked. */
  async applyTwilioStatus({ messageSid: sid, messageStatus, errorCode: code }: TwilioStatus): Promise<void> {
    const status = fromTwilio[messageStatus];
    if (!status) return;
    const errorCode = code || null;
    await this.db.transaction(async (tx) => {
      const n = await this.repo.lockByProviderId(tx, sid);
      if (!n || statusRank[status] <= statusRank[n.status]) return;
      const at = this.clock.now();
      const terminal = status === 'undelivered' || status === 'failed';
      const reason = `Twilio reported ${status}${errorCode ? ` (error ${errorCode})` : ''}`;
      const updated = await this.repo.setStatus(
        tx,
        n,
        {
          status,
          ...(status === 'delivered' ? { deliveredAt: at } : {}),
          ...(terminal ? { lastError: reason } : {}),
        },
        { at, detail: reason },
      );
      if (terminal) await this.failures.handle(tx, updated, reason);
    });
  }
}
