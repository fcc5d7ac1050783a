// Keeps this instance's claims on messages alive for as long as it holds them. A claim lapses after
// the lease so that a dead instance's messages go again; but a live instance whose sends are only
// slow (queued behind a slow mail server in a burst, a provider near its timeout) must not lose them
// to another instance, which would send each a second time. So every third of a lease, one
// statement extends the claims with less than two thirds of their lease left, fenced like every
// other write on (status 'sending', attempts). Only a dead or frozen instance's claims lapse.
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { Notification } from './notification.entity';

export interface HeldClaim {
  id: string;
  attempts: number;
}
/** Extends the given claims to `until`; returns the ids still held (the others were recorded, or taken over). */
export type RenewClaims = (claims: HeldClaim[], now: Date, until: Date) => Promise<Set<string>>;

export class LeaseKeeper {
  /** Claims in this instance's hands: attempts (the fence) and the end of the lease, in ms. */
  private readonly held = new Map<string, { attempts: number; until: number }>();
  private timer: NodeJS.Timeout | null = null;
  private renewing: Promise<void> | null = null;

  constructor(
    private readonly renew: RenewClaims,
    private readonly clock: Clock,
    private readonly leaseMs: number,
    private readonly logger: Logger,
  ) {}

  /** Stops renewing (once the sends are over: a claim still held then lapses, as a dead instance's would). */
  async stop(): Promise<void> {
    this.held.clear();
    this.idle();
    await this.renewing;
  }

  /** `n` is claimed until `until`. */
  hold(n: Notification, until: Date): void {
    this.held.set(n.id, { attempts: n.attempts, until: until.getTime() });
    // The timer runs only while something is held: an idle dispatcher writes nothing.
    if (!this.timer) {
      this.timer = setInterval(() => {
        void this.renewDue();
      }, this.leaseMs / 3);
      this.timer.unref();
    }
  }

  release(id: string): void {
    this.held.delete(id);
    if (!this.held.size) this.idle();
  }

  private idle(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Extends the claims due for it; one renewal at a time, so a slow database does not stack them up. */
  private renewDue(): Promise<void> {
    this.renewing ??= this.renewNow().finally(() => {
      this.renewing = null;
    });
    return this.renewing;
  }

  private async renewNow(): Promise<void> {
    const now = this.clock.now();
    const due = [...this.held].filter(([, h]) => h.until - now.getTime() < (this.leaseMs * 2) / 3);
    if (!due.length) return;
    const until = new Date(now.getTime() + this.leaseMs);
    try {
      const kept = await this.renew(
        due.map(([id, h]) => ({ id, attempts: h.attempts })),
        now,
        until,
      );
      for (const [id, h] of due) {
        // One not kept was recorded meanwhile, or (this instance having stalled past its lease) taken
        // over; either way it is not ours to renew again, and its record will say so.
        if (kept.has(id)) h.until = until.getTime();
        else if (this.held.get(id) === h) this.release(id);
      }
    } catch (err) {
      this.logger.warn(
        { err, claims: due.length },
        'could not extend the claims on messages being sent; they lapse if this goes on',
      );
    }
  }
}
