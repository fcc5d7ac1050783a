// A dedicated connection that LISTENs for the outbox's pg_notify, so a message leaves the moment its
// transaction commits. If the connection drops it reconnects with backoff and wakes the dispatcher
// once connected again, to pick up anything queued while it was deaf (the poll covers the gap too).
import { Client } from 'pg';

import type { Logger } from '../platform/logger';
import { listenForQueued } from './outbox.repository';

export const LISTENER_APPLICATION_NAME = 'missing-children-dispatcher';

export class OutboxListener {
  private client: Client | null = null;
  private stopped = false;
  private failures = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly wake: () => void,
    private readonly logger: Logger,
  ) {}

  /** Resolves after the first attempt to connect, whether or not it succeeded. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url, application_name: LISTENER_APPLICATION_NAME });
    this.client = client;
    client.on('notification', () => this.wake());
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await listenForQueued(client);
      if (this.failures > 0) this.logger.info('listening for new messages again');
      this.failures = 0;
      if (this.client === client) this.wake();
    } catch (err) {
      this.lost(client, err as Error);
    }
  }

  private lost(client: Client, err?: Error): void {
    if (this.stopped || this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    this.failures += 1;
    const delay = Math.min(30_000, 250 * 2 ** Math.min(this.failures, 7));
    this.logger.warn({ err, retryInMs: delay }, 'lost the connection listening for new messages; reconnecting');
    this.timer = setTimeout(() => void this.connect(), delay);
    this.timer.unref();
  }
}
