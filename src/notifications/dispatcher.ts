// Sends what the outbox holds. Claims due rows in one short statement (FOR UPDATE SKIP LOCKED, so
// any number of instances share the work), sends each outside any transaction, then records the
// outcome: sent, retry later with backoff, or failed with fallback and a duty-manager alert.
// Sends go out in lanes (see dispatch-lane.ts), topped up as sends finish: alerts that need
// acknowledging (police, CEOP, managers) have wide lanes, one per channel so a slow mail server
// never holds back a text; other messages (the team's copies, carers' confirmations, notices) have
// narrow ones, so in a burst they take their turn without slowing the reports and police alerts.
// Calls (voice) have one lane of their own: every call asks for acknowledgement (press 1).
// Delivery is at least once: a crash between sending and recording repeats a message after the
// claim lapses; nothing is lost. A live instance keeps its claims (lease-keeper.ts), so only a
// crash, never a slow send, repeats a message.
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';

import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { DeliveryRepository, SqlRunner } from './delivery.repository';
import type { DeliveryFailureService } from './delivery-failure.service';
import { Lane } from './dispatch-lane';
import { LeaseKeeper } from './lease-keeper';
import type { Notification } from './notification.entity';
import { OutboxListener } from './outbox-listener';
import { asDeliveryError, DeliveryError } from './providers/delivery-error';
import type { EmailProvider } from './providers/email.provider';
import type { SmsProvider } from './providers/sms.provider';
import type { VoiceProvider } from './providers/voice.provider';
import { retryDelayMs, RetryPolicy, shouldRetry } from './retry-policy';
import { SendRecorder } from './send-recorder';
import { MessageContent, renderEmailHtml, renderMessage, renderVoice } from './templates';
import { alertTwiml, callKeysPath, callStatusPath, callTwimlPath } from './voice/call-twiml';

export interface DispatcherDeps {
  db: DataSource;
  clock: Clock;
  sms: SmsProvider;
  email: EmailProvider;
  /** Without one, a call fails at once and falls back (the dispatcher of a test that sends no calls). */
  voice?: VoiceProvider;
  failures: DeliveryFailureService;
  logger: Logger;
  /** What a message's data gains when it is sent (the signed link its data names); nothing if not given. */
  dataAtSend?: (n: Notification) => object;
}
export interface DispatcherOptions {
  retry: RetryPolicy;
  leaseMs: number;
  pollMs: number;
  publicBaseUrl: string;
  /**
   * The most rows one claim takes (50); sends in flight per channel of alerts needing acknowledgement (20), and of the
   * others (4).
   */
  batchSize?: number;
  concurrency?: number;
  routineConcurrency?: number;
}
type Outcome = 'sent' | 'retrying' | 'failed' | 'lost';
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

export const statusCallbackPath = '/webhooks/twilio/status';

/** The same Message-ID on every attempt at one notification. */
export function messageIdFor(notificationId: string, publicBaseUrl: string): string {
  return `<${notificationId}@${new URL(publicBaseUrl).hostname}>`;
}

export class Dispatcher {
  private readonly repo: DeliveryRepository;
  private readonly recorder: SendRecorder;
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
    this.recorder = new SendRecorder(this.repo, () => this.sql);
    this.leases = new LeaseKeeper(
      (claims, now, until) => this.repo.renewClaims(this.sql, claims, now, until),
      deps.clock,
      options.leaseMs,
      deps.logger,
    );
  }

  private get sql(): SqlRunner {
    const { pool } = this;
    return pool ? { query: async (text, params) => (await pool.query(text, params)).rows } : this.deps.db;
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
        const now = this.deps.clock.now();
        const until = new Date(now.getTime() + this.options.leaseMs);
        const claimed = await this.repo.claimDue(
          this.sql,
          lane,
          now,
          until,
          Math.min(room, this.options.batchSize ?? 50),
        );
        counts.claimed += claimed.length;
        mayHaveMore = claimed.length > 0;
        for (const n of claimed) {
          this.leases.hold(n, until);
          const sending: Promise<void> = this.deliver(n)
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

  private async deliver(n: Notification): Promise<Outcome> {
    let content: MessageContent;
    let providerId: string;
    try {
      const data = this.dataOf(n);
      content = contentOf(n, data);
      providerId = (await this.send(n, content, data)).providerId;
    } catch (err) {
      return this.recordFailure(n, asDeliveryError(err));
    }
    const recorded = await this.record(n, () => this.recorder.record(n, providerId, this.deps.clock.now(), content));
    if (recorded === 'lost')
      this.deps.logger.warn(
        { notificationId: n.id },
        'sent, but the claim had lapsed or the message was acknowledged meanwhile',
      );
    return recorded === 'lost' ? 'lost' : 'sent';
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

  /** The data a message is written from: as queued, with what it gains at send and its ack code. */
  private dataOf(n: Notification): object {
    return { ...n.data, ...this.deps.dataAtSend?.(n), ackCode: n.ackCode };
  }

  private send(n: Notification, content: MessageContent, data: object) {
    const base = this.options.publicBaseUrl;
    if (n.channel === 'sms')
      return this.deps.sms.send({ to: n.address, body: content.text, statusCallback: base + statusCallbackPath });
    if (n.channel === 'voice') return this.call(n, content, data);
    // Rows queued before the HTML part moved to send time still carry it.
    const html = n.bodyHtml ?? renderEmailHtml(n.template, data);
    return this.deps.email.send({
      to: n.address,
      subject: content.subject ?? '',
      html,
      text: content.text,
      messageId: messageIdFor(n.id, base),
      attachments: n.attachments ?? undefined,
    });
  }

  /** A call whose words Twilio fetches from the service's TwiML route when it is answered. */
  private call(n: Notification, content: MessageContent, data: object) {
    const { voice } = this.deps;
    if (!voice) throw new DeliveryError('permanent', 'calls are not set up in this service');
    const base = this.options.publicBaseUrl;
    return voice.call({
      to: n.address,
      url: base + callTwimlPath(n.id),
      statusCallback: base + callStatusPath,
      twiml: alertTwiml(content.text, renderVoice('call-prompt', data), base + callKeysPath(n.id)),
    });
  }

  private async recordFailure(n: Notification, failure: DeliveryError): Promise<Outcome> {
    const { clock, db, failures, logger } = this.deps;
    const now = clock.now();
    const retry = failure.kind === 'transient' && shouldRetry(n.attempts, this.options.retry);
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
          const next = new Date(now.getTime() + retryDelayMs(n.attempts, this.options.retry));
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
}

/**
 * What the message says: rendered now from its template and its data (rows queued before rendering
 * moved to send time carry their text). A template that cannot be rendered will not render on a
 * retry either, so the message fails at once and its fallback and the duty manager's alert follow.
 */
function contentOf(n: Notification, data: object): MessageContent {
  if (n.bodyText !== null) return { subject: n.subject, text: n.bodyText };
  try {
    return renderMessage(n.channel, n.template, data);
  } catch (err) {
    throw new DeliveryError(
      'permanent',
      `the message could not be written from its template ${n.template}: ${(err as Error).message}`,
    );
  }
}
