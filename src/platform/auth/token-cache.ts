// Remembers which actor a bearer token belongs to, so an API request need not look its token up.
// Safe only while it hears every revocation: database triggers announce each change to a token or
// its user (revoked, expired, disabled, new role) on one channel, every instance listens and forgets
// at once. While that connection is down nothing is cached; an entry also lives at most TTL_MS.
import type { DataSource } from 'typeorm';

import type { Clock } from '../clock';
import { PgListener } from '../database/pg-listener';
import type { Logger } from '../logger';
import type { Actor } from './actor';

export const REVOCATION_CHANNEL = 'auth_revocations';
const TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  actor: Actor;
  expiresAt: number;
  until: number;
}

export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private live = false;
  private listener: PgListener | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Whether revocations are being heard (and so lookups cached). */
  get listening(): boolean {
    return this.live;
  }

  get(tokenHash: string): Actor | null {
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    const now = this.clock.now().getTime();
    if (this.live && now < entry.until && now < entry.expiresAt) return entry.actor;
    this.entries.delete(tokenHash);
    return null;
  }

  /** Taken before a lookup; `set` ignores the result if anything was revoked in between. */
  stamp(): number {
    return this.generation;
  }

  set(tokenHash: string, stamp: number, actor: Actor, expiresAt: Date): void {
    if (!this.live || stamp !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(tokenHash, { actor, expiresAt: expiresAt.getTime(), until: this.clock.now().getTime() + TTL_MS });
  }

  forgetToken(tokenHash: string): void {
    this.generation += 1;
    this.entries.delete(tokenHash);
  }

  forgetUser(userId: string): void {
    this.generation += 1;
    for (const [hash, entry] of this.entries) if (entry.actor.userId === userId) this.entries.delete(hash);
  }

  /** Starts hearing revocations; caching begins once the listening connection is up. */
  async start(logger: Logger): Promise<void> {
    const url = (this.db.options as { url?: string }).url;
    if (!url || this.listener) return;
    this.listener = new PgListener(
      url,
      REVOCATION_CHANNEL,
      {
        notice: (payload) => this.onNotice(payload),
        up: () => this.setLive(true),
        down: () => this.setLive(false),
      },
      logger,
      'missing-children-token-cache',
    );
    await this.listener.start();
  }

  async stop(): Promise<void> {
    const listener = this.listener;
    this.listener = null;
    await listener?.stop();
  }

  private onNotice(payload: string): void {
    const [kind, id] = payload.split(':', 2);
    if (kind === 'token') this.forgetToken(id);
    else if (kind === 'user') this.forgetUser(id);
    else this.setLive(this.live);
  }

  private setLive(live: boolean): void {
    this.generation += 1;
    this.entries.clear();
    this.live = live;
  }
}
