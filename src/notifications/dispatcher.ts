// Sends what the outbox holds. Claims due rows in one short statement (FOR UPDATE SKIP LOCKED, so
// any number of instances share the work), sends each outside any transaction, then records the
// outcome: sent, retry later with backoff, or failed with fallback and a duty-manager alert.
// Delivery is at least once: a crash between sending and recording repeats a message after the
// claim lapses; nothing is lost.
import type { DataSource } from 'typeorm';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { Notification } from './notification.entity';
import type { DeliveryFailureService } from './delivery-failure.service';
import type { EmailProvider } from './providers/email.provider';
import type { SmsProvider } from './providers/sms.provider';
import { asDeliveryError, DeliveryError } from './providers/delivery-error';
import { DeliveryRepository } from './delivery.repository';
import { RetryPolicy, retryDelayMs, shouldRetry } from './retry-policy';
import { OutboxListener } from './outbox-listener';
import { renderEmailHtml } from './templates';

export interface DispatcherDeps {
  db: DataSource; clock: Clock; sms: SmsProvider; email: EmailProvider; failures: DeliveryFailureService; logger: Logger;
}
export interface DispatcherOptions {
  retry: RetryPolicy; leaseMs: number; pollMs: number; publicBaseUrl: string; batchSize?: number; concurrency?: number;
}
type Outcome = 'sent' | 'retrying' | 'failed' | 'lost';
export type DispatchCounts = Record<Outcome | 'claimed', number>;

const emptyCounts = (): DispatchCounts => ({ claimed: 0, sent: 0, retrying: 0, failed: 0, lost: 0 });

export const statusCallbackPath = '/webhooks/twilio/status';

/** The same Message-ID on every attempt at one notification. */
export function messageIdFor(notificationId: string, publicBaseUrl: string): string {
  return `<${notificationId}@${new URL(publicBaseUrl).hostname}>`;
}

export class Dispatcher {
  private readonly repo = new DeliveryRepository();
  private draining: Promise<DispatchCounts> | null = null;
  private wokenWhileDraining = false;
  private listener: OutboxListener | null = null;
  private poll: NodeJS.Timeout | null = null;
  private nextDue: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly deps: DispatcherDeps, private readonly options: DispatcherOptions) {}

  /** Listens for commits that queue messages, and polls as a safety net. */
  async start(): Promise<void> {
    const url = (this.deps.db.options as { url?: string }).url;
    if (!url) throw new Error('The dispatcher needs the database URL to listen for new messages');
    this.listener = new OutboxListener(url, () => this.wake(), this.deps.logger);
    await this.listener.start();
    this.poll = setInterval(() => this.wake(), this.options.pollMs);
    this.poll.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    if (this.nextDue) clearTimeout(this.nextDue);
    await this.listener?.stop();
    await this.draining?.catch(() => undefined);
  }

  /** Starts draining unless a drain is running, in which case that drain goes round once more. */
  wake(): void {
    if (this.stopped) return;
    if (this.draining) { this.wokenWhileDraining = true; return; }
    this.drain().then(() => this.wakeWhenNextDue())
      .catch((err) => this.deps.logger.error({ err }, 'dispatching notifications failed; the next wake-up will retry'));
  }

  /** A retry due before the next poll gets its own wake-up, so backoff is not stretched to the poll. */
  private async wakeWhenNextDue(): Promise<void> {
    const next = await this.repo.nextDueAt(this.deps.db);
    if (!next || this.stopped) return;
    // At least a moment: a due row another transaction holds locked must not make this spin.
    const delay = Math.max(250, next.getTime() - this.deps.clock.now().getTime());
    if (delay >= this.options.pollMs) return;
    if (this.nextDue) clearTimeout(this.nextDue);
    this.nextDue = setTimeout(() => this.wake(), delay);
    this.nextDue.unref();
  }

  /** Claims and sends until nothing is due. Concurrent calls in one instance share one drain. */
  drain(): Promise<DispatchCounts> {
    if (this.draining) return this.draining;
    this.draining = (async () => {
      const total = emptyCounts();
      try {
        do {
          this.wokenWhileDraining = false;
          let round: DispatchCounts;
          do {
            round = await this.runOnce();
            for (const k of Object.keys(total) as (keyof DispatchCounts)[]) total[k] += round[k];
          } while (round.claimed > 0);
        } while (this.wokenWhileDraining);
        return total;
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }

  /** One claim and the sends it covers. */
  async runOnce(): Promise<DispatchCounts> {
    const now = this.deps.clock.now();
    const claimed = await this.repo.claimDue(this.deps.db, now, new Date(now.getTime() + this.options.leaseMs), this.options.batchSize ?? 50);
    const counts = { ...emptyCounts(), claimed: claimed.length };
    const queue = [...claimed];
    const worker = async () => {
      for (let n = queue.shift(); n; n = queue.shift()) counts[await this.deliver(n)] += 1;
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency ?? 20, claimed.length) }, worker));
    return counts;
  }

  private async deliver(n: Notification): Promise<Outcome> {
    let providerId: string;
    try {
      providerId = (await this.send(n)).providerId;
    } catch (err) {
      return this.recordFailure(n, asDeliveryError(err));
    }
    const recorded = await this.record(n, () => this.repo.markSent(this.deps.db.manager, n, providerId, this.deps.clock.now()));
    if (recorded === 'lost') this.deps.logger.warn({ notificationId: n.id }, 'sent, but the claim had lapsed or the message was acknowledged meanwhile');
    return recorded === 'lost' ? 'lost' : 'sent';
  }

  /** A failure to record leaves the claim to lapse: the message goes again (at least once), never lost. */
  private async record<T extends Outcome | boolean>(n: Notification, write: () => Promise<T>): Promise<T | 'lost'> {
    try {
      const result = await write();
      return result === false ? 'lost' : result;
    } catch (err) {
      this.deps.logger.error({ err, notificationId: n.id }, 'could not record the outcome of a send; it will be retried when its claim lapses');
      return 'lost';
    }
  }

  private send(n: Notification) {
    const base = this.options.publicBaseUrl;
    if (n.channel === 'sms') return this.deps.sms.send({ to: n.address, body: n.bodyText, statusCallback: base + statusCallbackPath });
    // Rows queued before the HTML part moved to send time still carry it.
    const html = n.bodyHtml ?? renderEmailHtml(n.template, { ...n.data, ackCode: n.ackCode });
    return this.deps.email.send({ to: n.address, subject: n.subject ?? '', html, text: n.bodyText, messageId: messageIdFor(n.id, base),
      attachments: n.attachments ?? undefined });
  }

  private async recordFailure(n: Notification, failure: DeliveryError): Promise<Outcome> {
    const { clock, db, failures, logger } = this.deps;
    const now = clock.now();
    const retry = failure.kind === 'transient' && shouldRetry(n.attempts, this.options.retry);
    logger.warn({ notificationId: n.id, channel: n.channel, attempt: n.attempts, kind: failure.kind, error: failure.message, retry }, 'a notification could not be sent');
    return this.record(n, () => db.transaction(async (tx): Promise<Outcome> => {
      if (retry) {
        const next = new Date(now.getTime() + retryDelayMs(n.attempts, this.options.retry));
        return (await this.repo.markRetry(tx, n, failure.message, next, now)) ? 'retrying' : 'lost';
      }
      const reason = failure.kind === 'permanent' ? failure.message : `${failure.message} (gave up after ${n.attempts} attempts)`;
      if (!(await this.repo.markFailed(tx, n, reason, now))) return 'lost';
      await failures.handle(tx, n, reason);
      return 'failed';
    }));
  }
}
