// Who each bearer token (or page session's token) belonged to when this instance last looked, kept
// for at most a second (TOKEN_RECHECK_SECONDS): an integration reading many records a second costs
// one token lookup a second instead of one per request, which was what kept API reads under their
// goal (docs/decisions/token-recheck.md). The price, bounded and documented: a token revoked or a
// user disabled or given another role elsewhere (another instance, SQL) counts within that second;
// a token revoked or a language chosen on this instance counts at once (a lookup in flight across
// it is not kept). Only live tokens are kept, so a new token, or a guess, always goes to the database.
import type { Actor } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';

/** Far more tokens than are in use within a second; past this the oldest entry goes first. */
const MOST = 10_000;

/** A live token's actor and when the token expires, as the database gave them. */
export interface LiveActor {
  actor: Actor;
  expiresAt: Date;
}

export class RecentActors {
  private readonly seen = new Map<string, { actor: Actor; at: number; until: number }>();
  /** Counts forgettings: an answer that was in flight across one is not kept (it may predate a revocation). */
  private forgettings = 0;

  constructor(
    private readonly clock: Clock,
    private readonly recheckMs: number,
  ) {}

  /**
   * The token's actor: as looked up less than recheckMs ago, else from lookUp (given the time the lookup starts).
   * A copy every time: a request may change its actor's language.
   */
  async actorOf(tokenHash: string, lookUp: (at: Date) => Promise<LiveActor | null>): Promise<Actor | null> {
    const at = this.clock.now();
    const entry = this.seen.get(tokenHash);
    if (entry && entry.at <= at.getTime() && at.getTime() < entry.until) return { ...entry.actor };
    this.seen.delete(tokenHash);
    const forgettings = this.forgettings;
    const live = await lookUp(at);
    if (!live) return null;
    if (forgettings === this.forgettings) this.keep(tokenHash, live, at.getTime());
    return { ...live.actor };
  }

  /** Kept from when the lookup started until the recheck is due or the token expires, whichever is first. */
  private keep(tokenHash: string, { actor, expiresAt }: LiveActor, at: number): void {
    if (this.seen.size >= MOST) this.seen.delete(this.seen.keys().next().value!);
    this.seen.set(tokenHash, { actor: { ...actor }, at, until: Math.min(at + this.recheckMs, expiresAt.getTime()) });
  }

  forgetToken(tokenHash: string): void {
    this.forgettings += 1;
    this.seen.delete(tokenHash);
  }

  forgetUser(userId: string): void {
    this.forgettings += 1;
    for (const [hash, { actor }] of this.seen) if (actor.userId === userId) this.seen.delete(hash);
  }
}
