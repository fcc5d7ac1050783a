// A dedicated connection that LISTENs on one channel. If it drops, it reports that at once (so
// whoever relies on it can stop trusting what it has not heard) and reconnects with backoff.
import { Client } from 'pg';

import type { Logger } from '../logger';

export interface PgListenerHandlers {
  notice(payload: string): void;
  /** Listening again: anything said while deaf was missed. */
  up(): void;
  down(): void;
}

export class PgListener {
  private client: Client | null = null;
  private stopped = false;
  private failures = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly handlers: PgListenerHandlers,
    private readonly logger: Logger,
    private readonly applicationName: string,
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
    this.handlers.down();
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url, application_name: this.applicationName });
    this.client = client;
    client.on('notification', (n) => {
      if (n.channel === this.channel) this.handlers.notice(n.payload ?? '');
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      if (this.failures > 0) this.logger.info({ channel: this.channel }, 'listening again');
      this.failures = 0;
      if (this.client === client) this.handlers.up();
    } catch (err) {
      this.lost(client, err as Error);
    }
  }

  private lost(client: Client, err?: Error): void {
    if (this.stopped || this.client !== client) return;
    this.client = null;
    this.handlers.down();
    client.end().catch(() => undefined);
    this.failures += 1;
    const delay = Math.min(30_000, 250 * 2 ** Math.min(this.failures, 7));
    this.logger.warn({ channel: this.channel, err, retryInMs: delay }, 'lost a listening connection; reconnecting');
    this.timer = setTimeout(() => void this.connect(), delay);
    this.timer.unref();
  }
}
