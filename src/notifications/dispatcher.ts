// Sends what the outbox holds. Claims due rows in one short statement (FOR UPDATE SKIP LOCKED, so
// any number of instances share the work), sends each outside any transaction (message-sender.ts),
// then records the outcome (delivery-outcome.ts): sent, retry later with backoff, or failed with
// fallback and a duty-manager alert.
// Sends go out in lanes (see dispatch-lane.ts), topped up as sends finish: alerts that need
// acknowledging (police, CEOP, managers) have wide lanes, one per channel so a slow mail server
// never holds back a text; other messages (the team's copies, carers' confirmations, notices) have
// narrow ones that give way: while an alert needing acknowledgement is being sent they wait, for
// up to giveWayMs at a stretch (DISPATCH_GIVE_WAY_SECONDS), so in a burst the reports and police
// alerts have the machine to themselves.
// Calls (voice) have one lane of their own: every call asks for acknowledgement (press 1).
// Delivery is at least once: a crash between sending and recording repeats a message after the
// claim lapses; nothing is lost. A live instance keeps its claims (lease-keeper.ts), so only a
// crash, never a slow send, repeats a message.
import { performance } from 'node:perf_hooks';

import { Pool } from 'pg';

import { DeliveryRepository, poolRunner, SqlRunner } from './delivery.repository';
import { DeliveryOutcome, DeliveryOutcomeDeps, Outcome } from './delivery-outcome';
import { Lane, whenQuiet } from './dispatch-lane';
import { LeaseKeeper } from './lease-keeper';
import { MessageSender, MessageSenderDeps, SendResult } from './message-sender';
import type { Notification } from './notification.entity';
import { OutboxListener } from './outbox-listener';
import { asDeliveryError, DeliveryError } from './providers/delivery-error';
import type { RetryPolicy } from './retry-policy';

export type DispatcherDeps = DeliveryOutcomeDeps & MessageSenderDeps;
export interface DispatcherOptions {
  retry: RetryPolicy;
  leaseMs: number;
  pollMs: number;
  /**
   * How long at a stretch routine messages wait while alerts needing acknowledgement are being sent (0: never): in a
   * burst of reports the team's copies, carers' confirmations and notices go out seconds later, never later than this.
   */
  giveWayMs: number;
  publicBaseUrl: string;
  /**
   * The most rows one claim takes (50); sends in flight per channel of alerts needing acknowledgement (20), and of the
   * others (4).
   */
  batchSize?: number;
  concurrency?: number;
  routineConcurrency?: number;
}
export type DispatchCounts = Record<Outcome | 'claimed', number>;

/** Sends in flight at once per channel: of alerts needing acknowledgement, and of the rest (the options' defaults). */
const URGENT_CONCURRENCY = 20;
const ROUTINE_CONCURRENCY = 4;
/**
 * The most messages one instance can have between sending and recording (two channels of each lane, and calls): what a
 * crash can repeat.
 */
export const MAX_IN_FLIGHT = 3 * URGENT_CONCURRENCY + 2 * ROUTINE_CONCURRENCY;

const emptyCounts = (): DispatchCounts => ({ claimed: 0, sent: 0, retrying: 0, failed: 0, lost: 0 });

/** Connections of the dispatcher's own pool (one per lane claiming, the rest recording sends). */
const DISPATCH_CONNECTIONS = 7;

export class Dispatcher {
  private readonly repo: DeliveryRepository;
  private readonly sender: MessageSender;
  private readonly outcome: DeliveryOutcome;
  private readonly leases: LeaseKeeper;
  /**
   * Its own few connections once started, so claims and records never queue behind a burst of requests for the
   * service's pool.
   */
  private pool: Pool | null = null;
  // Texts and emails go out side by side, so a slow mail server never holds back a police text.
  private readonly lanes: Lane[];
  private listener: OutboxListener | null = null;
  private poll: NodeJS.Timeout | null = null;
  private nextDue: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly deps: DispatcherDeps,
    private readonly options: DispatcherOptions,
  ) {
    this.repo = new DeliveryRepository(deps.db);
    const urgent = options.concurrency ?? URGENT_CONCURRENCY;
    const routine = options.routineConcurrency ?? ROUTINE_CONCURRENCY;
    this.lanes = [
      new Lane('sms', true, urgent),
      new Lane('email', true, urgent),
      new Lane('sms', false, routine),
      new Lane('email', false, routine),
      new Lane('voice', true, urgent),
    ];
    this.sender = new MessageSender(deps, options.publicBaseUrl);
    this.outcome = new DeliveryOutcome(deps, this.repo, () => this.sql, options.retry);
    this.leases = new LeaseKeeper(
      (claims, now, until) => this.repo.renewClaims(this.sql, claims, now, until),
      deps.clock,
      options.leaseMs,
      deps.logger,
    );
  }

  private get sql(): SqlRunner {
    const { pool } = this;
    return pool ? poolRunner(pool) : this.deps.db;
  }

  /** Listens for commits that queue messages, and polls as a safety net. */
  async start(): Promise<void> {
    const url = (this.deps.db.options as { url?: string }).url;
    if (!url) throw new Error('The dispatcher needs the database URL to listen for new messages');
    this.pool = new Pool({
      connectionString: url,
      max: DISPATCH_CONNECTIONS,
      min: DISPATCH_CONNECTIONS,
      application_name: 'missing-children-dispatch',
    });
    this.pool.on('error', (err) =>
      this.deps.logger.warn({ err }, 'a dispatcher database connection failed; it will be replaced'),
    );
    const open = await Promise.all(Array.from({ length: DISPATCH_CONNECTIONS }, () => this.pool!.connect()));
    open.forEach((c) => c.release()); // connected before the first alert needs them
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
    await Promise.all(this.lanes.map((l) => l.draining?.catch(() => undefined)));
    await this.leases.stop();
    const pool = this.pool;
    this.pool = null;
    await pool?.end();
  }

  /** Starts draining each channel; a channel already draining claims again as soon as it has room. */
  wake(): void {
    if (this.stopped) return;
    for (const lane of this.lanes) {
      if (lane.draining) {
        lane.wake();
        continue;
      }
      this.drainLane(lane)
        .then(() => this.wakeWhenNextDue())
        .catch((err) =>
          this.deps.logger.error(
            { err, lane: lane.name },
            'dispatching notifications failed; the next wake-up will retry',
          ),
        );
    }
  }

  /** A retry due before the next poll gets its own wake-up, so backoff is not stretched to the poll. */
  private async wakeWhenNextDue(): Promise<void> {
    const next = await this.repo.nextDueAt(this.sql);
    if (!next || this.stopped) return;
    // At least a moment: a due row another transaction holds locked must not make this spin.
    const delay = Math.max(250, next.getTime() - this.deps.clock.now().getTime());
    if (delay >= this.options.pollMs) return;
    if (this.nextDue) clearTimeout(this.nextDue);
    this.nextDue = setTimeout(() => this.wake(), delay);
    this.nextDue.unref();
  }

  /** Claims and sends until nothing is due. Concurrent calls in one instance share one drain per channel. */
  async drain(): Promise<DispatchCounts> {
    const total = emptyCounts();
    let failed: number;
    do {
      // a failure queues its fallback and the duty manager's alert, perhaps on the other channel: go round again
      const before = total.failed;
      for (const counts of await Promise.all(this.lanes.map((l) => this.drainLane(l)))) {
        for (const k of Object.keys(total) as (keyof DispatchCounts)[]) total[k] += counts[k];
      }
      failed = total.failed - before;
    } while (failed > 0);
    return total;
  }

  private drainLane(lane: Lane): Promise<DispatchCounts> {
    if (lane.draining) {
      lane.wake(); // the running drain looks again, so whatever is due now goes before it ends
      return lane.draining;
    }
    lane.draining = this.pump(lane).finally(() => {
      lane.draining = null;
    });
    return lane.draining;
  }

  /**
   * Keeps up to the lane's number of sends in flight: claims as soon as a wake-up says something
   * new is due (so a police alert committed mid-burst waits for one free slot, not a whole batch), and
   * otherwise in batches once half the slots are free, until a claim finds nothing and every send is recorded.
   */
  private async pump(lane: Lane): Promise<DispatchCounts> {
    const counts = emptyCounts();
    const { concurrency } = lane;
    const inFlight = new Set<Promise<void>>();
    let mayHaveMore = true;
    for (;;) {
      const room = concurrency - inFlight.size;
      if (room > 0 && (lane.takeWake() || (mayHaveMore && (!inFlight.size || room >= concurrency / 2)))) {
        if (!lane.urgent) await this.giveWay(lane);
        const now = this.deps.clock.now();
        const until = new Date(now.getTime() + this.options.leaseMs);
        const claimed = await this.repo.claimDue(
          this.sql,
          lane,
          now,
          until,
          Math.min(concurrency - inFlight.size, this.options.batchSize ?? 50),
        );
        counts.claimed += claimed.length;
        mayHaveMore = claimed.length > 0;
        for (const { n, stoppedBy } of claimed) {
          this.leases.hold(n, until);
          const sending: Promise<void> = this.deliver(n, stoppedBy)
            .catch((err): Outcome => {
              this.deps.logger.error(
                { err, notificationId: n.id },
                'sending failed unexpectedly; it goes again when its claim lapses',
              );
              return 'lost';
            })
            .then((outcome) => {
              counts[outcome] += 1;
              mayHaveMore = true; // a failure may have queued a fallback, a retry may be due
            })
            .finally(() => {
              this.leases.release(n.id);
              inFlight.delete(sending);
            });
          inFlight.add(sending);
        }
        continue;
      }
      if (!inFlight.size) return counts;
      await Promise.race([...inFlight, lane.nextWake()]);
    }
  }

  /** A routine lane waits while an urgent one is draining, giveWayMs at most at a stretch. */
  private async giveWay(lane: Lane): Promise<void> {
    const urgent = this.lanes.filter((l) => l.urgent);
    lane.givingWaySince ??= performance.now();
    await whenQuiet(urgent, lane.givingWaySince + this.options.giveWayMs);
    if (urgent.every((l) => l.draining === null)) lane.givingWaySince = null;
  }

  private async deliver(n: Notification, stoppedBy: string | null): Promise<Outcome> {
    // A number that texted a stop word gets no texts (Twilio refuses the English words' anyway, 21610; the
    // Welsh ones only the service knows): failed at once, so the fallback and the duty manager's alert follow.
    if (stoppedBy) {
      const why = `the recipient texted ${stoppedBy} to stop texts from the service (START or DECHRAU lifts it)`;
      return this.outcome.failed(n, new DeliveryError('permanent', why));
    }
    let sent: SendResult;
    try {
      sent = await this.sender.send(n);
    } catch (err) {
      return this.outcome.failed(n, asDeliveryError(err));
    }
    return this.outcome.sent(n, sent.providerId, sent.content);
  }
}
