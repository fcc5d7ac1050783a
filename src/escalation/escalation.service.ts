// The escalation engine's entry points: run one episode now (in the caller's transaction or its
// own), sweep every episode with something due, and record an acknowledgement (which stops that
// step's repeats). Episodes to sweep are found through escalation_schedule alone (open episodes only).
import { performance } from 'node:perf_hooks';

import type { DataSource } from 'typeorm';

import { addToTimeline } from '../missing/episode-events.repository';
import { acknowledgedLine } from '../missing/timeline-lines';
import type { TimelineLineText } from '../missing/timeline-text';
import { AcknowledgementsRepository } from '../notifications/acknowledgements.repository';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { Conflict, NotFound } from '../platform/errors';
import type { Logger } from '../platform/logger';
import { EscalationGapsRepository, UnreachedStep } from './escalation-gaps.repository';
import { EscalationRunner, ProcessOptions, RunSummary } from './escalation-runner';
import { LadderRepository } from './ladder.repository';
import type { LadderEpisode } from './ladder-episode';
import { RecipientResolver } from './recipients';

export interface SweepResult extends Omit<RunSummary, 'unreached'> {
  due: number;
  processed: number;
  ms: number;
}
export interface SweepOptions {
  batch?: number;
  concurrency?: number;
  perTransaction?: number;
}

export class EscalationService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    readonly runner: EscalationRunner,
    private readonly logger: Logger,
    private readonly acks = new AcknowledgementsRepository(),
    private readonly gaps = new EscalationGapsRepository(),
    private readonly ladder = new LadderRepository(),
  ) {}

  /**
   * Steps of the authority's open episodes that reached nobody (references and roles only, so not audited as a read of
   * a child).
   */
  async unreachedSteps(ctx: RequestContext, limit = 20): Promise<UnreachedStep[]> {
    return this.gaps.unreachedSteps(this.db.manager, ctx.actor.authorityId, limit);
  }

  /** The steps of an episode whose alert waits for acknowledgement (the episode page offers a button for each). */
  async pendingAcknowledgements(episodeId: string, tx: Tx = this.db.manager): Promise<string[]> {
    return this.acks.pendingSteps(tx, episodeId);
  }

  /** Runs the ladder for an episode whose row the caller's transaction has locked (given as read by it, or by id). */
  async process(tx: Tx, episode: LadderEpisode | string, options: ProcessOptions = {}): Promise<RunSummary> {
    return this.warnUnreached(
      typeof episode === 'string' ? episode : episode.id,
      await this.runner.process(tx, episode, options),
    );
  }

  // A step that reached nobody means a contact or user is missing from the set-up: say so loudly.
  // The duty managers were told through the outbox; with none to tell, this log is all that is left.
  private warnUnreached(episodeId: string, summary: RunSummary): RunSummary {
    for (const { stepKey, roles, dutyManagerTold } of summary.unreached) {
      this.logger.warn(
        { episodeId, stepKey, roles, dutyManagerTold },
        dutyManagerTold
          ? 'an escalation step reached nobody: set up a contact or user for these roles'
          : 'an escalation step reached nobody and there is no active duty manager to tell: set up a duty manager contact',
      );
    }
    return summary;
  }

  /**
   * Every open episode with something due at the clock's now, `perTransaction` at a time: each batch
   * locks its episodes (SKIP LOCKED, so a concurrent sweeper takes others) and writes all their runs
   * and messages in one transaction. If a batch fails, its episodes are retried one by one so that
   * one bad episode cannot hold back the others.
   */
  async sweep({ batch = 1000, concurrency = 2, perTransaction = 250 }: SweepOptions = {}): Promise<SweepResult> {
    const started = performance.now();
    const now = this.clock.now();
    const resolver = new RecipientResolver(now);
    const result: SweepResult = { due: 0, processed: 0, fired: 0, skipped: 0, notifications: 0, ms: 0 };
    const seen = new Set<string>();
    const run = async (ids: string[]) => {
      const summaries = await this.db.transaction(async (tx) => {
        await this.ladder.commitWithoutWaitingForDisk(tx);
        return this.runner.processMany(tx, await this.ladder.lockDue(tx, ids, now), resolver);
      });
      for (const [id, summary] of summaries) {
        this.warnUnreached(id, summary);
        result.processed += 1;
        result.fired += summary.fired;
        result.skipped += summary.skipped;
        result.notifications += summary.notifications;
      }
    };
    for (;;) {
      const due = await this.ladder.dueEpisodeIds(this.db, now, batch);
      const ids = due.filter((id) => !seen.has(id));
      if (!ids.length) break;
      ids.forEach((id) => seen.add(id));
      result.due += ids.length;
      await inParallel(chunks(ids, perTransaction), concurrency, async (chunk) => {
        try {
          await run(chunk);
        } catch (err) {
          if (chunk.length === 1) return this.failed(err, chunk[0]);
          this.logger.warn(
            { err, episodes: chunk.length },
            'an escalation batch failed; retrying its episodes one by one',
          );
          for (const id of chunk) await run([id]).catch((e) => this.failed(e, id));
        }
      });
      if (due.length < batch) break;
    }
    result.ms = Math.round(performance.now() - started);
    return result;
  }

  private failed(err: unknown, episodeId: string): void {
    this.logger.error({ err, episodeId }, 'escalation failed for one episode; the next sweep retries it');
  }

  /** Records that someone acknowledged a step's alert; its repeats stop. False if already acknowledged. */
  async acknowledge(
    tx: Tx,
    episodeId: string,
    stepKey: string,
    by: { userId: string | null; name: string },
    /** The timeline's line, when the way it was acknowledged says more (a key pressed on a call, a profile link). */
    line?: TimelineLineText,
  ): Promise<boolean> {
    const episode = await this.ladder.lockEpisode(tx, episodeId);
    if (!episode) throw new NotFound('No episode with that id was found.');
    const { fired, acknowledged } = await this.ladder.acknowledgement(tx, episodeId, stepKey);
    if (!fired)
      throw new Conflict(
        `Step ${stepKey} has not sent any alert for episode ${episode.reference}, so there is nothing to acknowledge.`,
      );
    if (acknowledged) return false;
    await addToTimeline(tx, episode, this.clock.now(), {
      type: 'acknowledged',
      stepKey,
      actorUserId: by.userId,
      actorName: by.name,
      ...(line ?? acknowledgedLine(by, stepKey)),
    });
    await this.runner.process(tx, episodeId);
    return true;
  }
}

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}
