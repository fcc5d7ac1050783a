// A dedicated connection that LISTENs for pg_notify from the outbox, so a message leaves the moment
// its transaction commits. If the connection drops it reconnects with backoff and wakes the
// dispatcher once connected again, to pick up anything queued while it was deaf.
import { PgListener } from '../platform/database/pg-listener';
import type { Logger } from '../platform/logger';
import { OUTBOX_CHANNEL } from './outbox';

export const LISTENER_APPLICATION_NAME = 'missing-children-dispatcher';

export class OutboxListener {
  private readonly listener: PgListener;

  constructor(url: string, onWake: () => void, logger: Logger) {
    this.listener = new PgListener(
      url,
      OUTBOX_CHANNEL,
      { notice: onWake, up: onWake, down: () => undefined },
      logger,
      LISTENER_APPLICATION_NAME,
    );
  }

  start(): Promise<void> {
    return this.listener.start();
  }

  stop(): Promise<void> {
    return this.listener.stop();
  }
}
