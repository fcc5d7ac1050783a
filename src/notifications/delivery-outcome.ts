// Records what became of a send: sent (batched by the SendRecorder), retry later with backoff, or
// failed with its fallback and the duty manager's alert. Every write is fenced by the claim, so a
// row whose claim lapsed meanwhile is 'lost' here and goes again (at least once, never dropped).
import type { DataSource } from 'typeorm';

import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { DeliveryRepository, SqlRunner } from './delivery.repository';
import type { DeliveryFailureService } from './delivery-failure.service';
import type { Notification } from './notification.entity';
import type { DeliveryError } from './providers/delivery-error';
import { retryDelayMs, RetryPolicy, shouldRetry } from './retry-policy';
import { SendRecorder } from './send-recorder';
import type { MessageContent } from './templates';

export type Outcome = 'sent' | 'retrying' | 'failed' | 'lost';

export interface DeliveryOutcomeDeps {
  db: DataSource;
  clock: Clock;
  failures: DeliveryFailureService;
  logger: Logger;
}

export class DeliveryOutcome {
  private readonly recorder: SendRecorder;

  constructor(
    private readonly deps: DeliveryOutcomeDeps,
    private readonly repo: DeliveryRepository,
    sql: () => SqlRunner,
    private readonly retry: RetryPolicy,
  ) {
    this.recorder = new SendRecorder(repo, sql);
  }

  async sent(n: Notification, providerId: string, content: MessageContent): Promise<'sent' | 'lost'> {
    const recorded = await this.record(n, () => this.recorder.record(n, providerId, this.deps.clock.now(), content));
    if (recorded === 'lost')
      this.deps.logger.warn(
        { notificationId: n.id },
        'sent, but the claim had lapsed or the message was acknowledged meanwhile',
      );
    return recorded === 'lost' ? 'lost' : 'sent';
  }

  async failed(n: Notification, failure: DeliveryError): Promise<Outcome> {
    const { clock, db, failures, logger } = this.deps;
    const now = clock.now();
    const retry = failure.kind === 'transient' && shouldRetry(n.attempts, this.retry);
    logger.warn(
      {
        notificationId: n.id,
        channel: n.channel,
        attempt: n.attempts,
        kind: failure.kind,
        error: failure.message,
        retry,
      },
      'a notification could not be sent',
    );
    return this.record(n, () =>
      db.transaction(async (tx): Promise<Outcome> => {
        if (retry) {
          const next = new Date(now.getTime() + retryDelayMs(n.attempts, this.retry));
          return (await this.repo.markRetry(tx, n, failure.message, next, now)) ? 'retrying' : 'lost';
        }
        const reason =
          failure.kind === 'permanent' ? failure.message : `${failure.message} (gave up after ${n.attempts} attempts)`;
        if (!(await this.repo.markFailed(tx, n, reason, now))) return 'lost';
        await failures.handle(tx, n, reason);
        return 'failed';
      }),
    );
  }

  /** A failure to record leaves the claim to lapse: the message goes again (at least once), never lost. */
  private async record<T extends Outcome | boolean>(n: Notification, write: () => Promise<T>): Promise<T | 'lost'> {
    try {
      const result = await write();
      return result === false ? 'lost' : result;
    } catch (err) {
      this.deps.logger.error(
        { err, notificationId: n.id },
        'could not record the outcome of a send; it will be retried when its claim lapses',
      );
      return 'lost';
    }
  }
}
