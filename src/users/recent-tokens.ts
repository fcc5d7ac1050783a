// Bearer tokens looked up in the last few seconds, so a client reading many records does not pay a database
// round trip per request for the same answer (measured: docs/sizing-and-benchmarks.md, 2026-12-05 night).
// Kept deliberately plain: an entry lives at most `ttlMs` (and never past the token's own expiry); a sign-out
// or revocation on this instance forgets the token at once; one on another instance, or a user disabled in the
// database, takes effect here within `ttlMs`. Only live tokens are kept: an unknown token always asks the
// database, so a token issued a moment ago on another instance works at once.
import type { Actor } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';

export class RecentTokens {
  private readonly entries = new Map<string, { actor: Actor; until: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  get(tokenHash: string): Actor | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.until > this.clock.now().getTime()) return entry.actor;
    this.entries.delete(tokenHash);
    return undefined;
  }

  keep(tokenHash: string, actor: Actor, expiresAt: Date): void {
    if (this.ttlMs <= 0) return;
    // A Map keeps insertion order: when full, the oldest entry goes.
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    const until = Math.min(this.clock.now().getTime() + this.ttlMs, expiresAt.getTime());
    this.entries.set(tokenHash, { actor, until });
  }

  forget(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }
}
