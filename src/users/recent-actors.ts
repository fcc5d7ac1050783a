// Who each bearer token (or page session's token) belonged to when this instance last looked, kept
// for at most a second (TOKEN_RECHECK_SECONDS): an integration reading many records a second costs
// one token lookup a second instead of one per request, which was what kept API reads under their
// goal (docs/decisions/token-recheck.md). The price, bounded and documented: a token revoked or a
// user disabled or given another role elsewhere (another instance, SQL) counts within that second;
// a token revoked or a language chosen on this instance counts at once. Only live tokens are kept,
// so a new token, or a guess, always goes to the database.
import type { Actor } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';

/** Far more tokens than are in use within a second; past this the oldest entry goes first. */
const MOST = 10_000;

export class RecentActors {
  private readonly seen = new Map<string, { actor: Actor; at: number; until: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly recheckMs: number,
  ) {}

  /** A copy (a request may change its actor's language) of the actor looked up less than recheckMs ago. */
  get(tokenHash: string): Actor | undefined {
    const entry = this.seen.get(tokenHash);
    if (!entry) return undefined;
    const now = this.clock.now().getTime();
    if (entry.at <= now && now < entry.until) return { ...entry.actor };
    this.seen.delete(tokenHash);
    return undefined;
  }

  /** Keeps a live token's actor until the recheck is due or the token expires, whichever is first. */
  keep(tokenHash: string, actor: Actor, expiresAt: Date): void {
    if (this.seen.size >= MOST) this.seen.delete(this.seen.keys().next().value!);
    const at = this.clock.now().getTime();
    this.seen.set(tokenHash, { actor: { ...actor }, at, until: Math.min(at + this.recheckMs, expiresAt.getTime()) });
  }

  forgetToken(tokenHash: string): void {
    this.seen.delete(tokenHash);
  }

  forgetUser(userId: string): void {
    for (const [hash, { actor }] of this.seen) if (actor.userId === userId) this.seen.delete(hash);
  }
}
