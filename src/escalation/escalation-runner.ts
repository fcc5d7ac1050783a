// Runs the ladder for a batch of episodes (a sweep's batch, or the one episode a report or an
// update just changed): asks dueSteps what is due, claims every (step, repeat) with one INSERT ...
// ON CONFLICT DO NOTHING into escalation_runs, and writes the messages of only the steps it won to
// the outbox in the same transaction. That claim is the one guard that makes a step run once
// however many instances run at the same moment; the episode row lock the callers hold only
// serialises the ladder with other changes to the episode. Each stage is one statement per batch.
import { msg, type TimelineLineText } from '../missing/timeline-text';
import type { NotificationOutbox } from '../notifications/outbox';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { BatchMessages } from './batch-messages';
import { dueSteps, runKey, RunOutcome, StepDecision } from './due-steps';
import { LadderRepository, type RunRow } from './ladder.repository';
import { LadderChild, LadderEpisode, messageRisk, snapshotOf } from './ladder-episode';
import { foldOverdue, RECORDED_AFTER_THE_FACT, silencedSteps } from './late-entry';
import { EpisodeFacts, messageData } from './message-data';
import { rolesText } from './recipient-reasons';
import { EpisodeParty, RecipientResolver } from './recipients';
import type { SignedLinks } from './signed-link';
import { PlannedStep, planStep, sentStep } from './step-messages';
import { dutyManagerMessages, UnreachedRun } from './unreached-notice';

export interface RunSummary {
  fired: number;
  skipped: number;
  notifications: number;
  unreached: Unreached[];
}
/**
 * A fired step's roles that had nobody; dutyManagerTold is false when the authority has no duty manager to tell either.
 */
export interface Unreached {
  stepKey: string;
  roles: string[];
  dutyManagerTold: boolean;
}
export interface RunnerOptions {
  displayTimeZone: string;
}
export interface ProcessOptions {
  opened?: boolean;
  child?: LadderChild;
  /** The episode was over when entered: every step is recorded as skipped, and nothing is sent. */
  recordOnly?: boolean;
  /** The ladder starts again (a return was undone): steps overdue meanwhile reach each recipient as one summary. */
  resumed?: boolean;
}

type Recount = Pick<
  RunRow,
  'episodeId' | 'stepKey' | 'repeat' | 'notifications' | 'summary' | 'summaryKey' | 'summaryParams'
>;
type Won = {
  episode: LadderEpisode;
  party: EpisodeParty;
  decision: StepDecision;
  plan?: PlannedStep;
  from: number;
  expected: (string | null)[];
  count: number;
};

export class EscalationRunner {
  constructor(
    private readonly clock: Clock,
    private readonly outbox: NotificationOutbox,
    private readonly links: SignedLinks,
    private readonly options: RunnerOptions,
    private readonly repo = new LadderRepository(),
  ) {}

  /**
   * Processes one episode inside the caller's transaction (which holds the episode's row lock).
   * `opened`: the caller has just inserted it, so it has no history to read. `child`: the caller
   * has read the child already (a report locks its row), so the runner need not.
   */
  async process(tx: Tx, episodeOrId: LadderEpisode | string, options: ProcessOptions = {}): Promise<RunSummary> {
    const episode = typeof episodeOrId === 'string' ? await this.repo.find(tx, episodeOrId) : episodeOrId;
    return (await this.processMany(tx, [episode], new RecipientResolver(this.clock.now()), options)).get(episode.id)!;
  }

  /** Processes episodes whose rows the caller's transaction has locked; one summary per episode id. */
  async processMany(
    tx: Tx,
    episodes: LadderEpisode[],
    resolver = new RecipientResolver(this.clock.now()),
    { opened = false, child, recordOnly = false, resumed = false }: ProcessOptions = {},
  ): Promise<Map<string, RunSummary>> {
    const now = this.clock.now();
    const summaries = new Map<string, RunSummary>(
      episodes.map((e) => [e.id, { fired: 0, skipped: 0, notifications: 0, unreached: [] }]),
    );
    if (!episodes.length) return summaries;
    const ids = episodes.map((e) => e.id);
    const children = await this.children(tx, episodes, child);
    const history = opened ? new Map() : await this.repo.history(tx, ids);
    const nextAt = new Map<string, Date | null>();
    const decided: Won[] = [];
    const parties = new Map<string, EpisodeParty>();
    for (const episode of episodes) {
      const h = history.get(episode.id) ?? { fired: new Map(), acknowledged: [] };
      const due = recordOnly
        ? { decisions: silencedSteps(episode.policy, RECORDED_AFTER_THE_FACT), nextAt: null }
        : dueSteps(snapshotOf(episode, h.acknowledged), episode.policy, h.fired, now);
      nextAt.set(episode.id, due.nextAt);
      const party = partyOf(episode, children.get(episode.childId)!);
      parties.set(episode.id, party);
      for (const decision of due.decisions) decided.push({ episode, party, decision, from: 0, expected: [], count: 0 });
    }
    const recipients = resolver.forBatch([...parties.values()]);
    await recipients.prefetch(
      tx,
      new Set(decided.filter((d) => d.decision.action === 'fire').flatMap((d) => d.decision.step.recipients)),
    );
    // Planned before claiming, so each run row is written once with its message count. The episode
    // row locks every caller holds mean no other transaction can claim these steps meanwhile; the
    // claim's ON CONFLICT is the database's own guarantee, and a step it refuses sends nothing.
    for (const d of decided.filter((x) => x.decision.action === 'fire')) {
      const facts = factsOf(d.episode, children.get(d.episode.childId)!);
      d.plan = await planStep(tx, recipients, {
        party: d.party,
        step: d.decision.step,
        repeat: d.decision.repeat,
        calls: d.decision.calls ?? false,
        data: (link) => messageData(facts, now, this.options.displayTimeZone, link),
        link: (audience) => this.links.claim(audience, now),
      });
    }
    // A report entered late, or a ladder resumed: the steps already overdue reach each recipient as one summary alert.
    if (opened || resumed)
      for (const episode of episodes)
        foldOverdue(
          decided.filter((d) => d.episode === episode),
          resumed ? now : episode.reportedAt,
        );
    const outbox = new BatchMessages();
    // The run row is the step's line on the timeline: what it expects to send is known before writing.
    for (const d of decided) {
      if (!d.plan) continue;
      d.from = outbox.add(d.plan.messages.map((m) => m.message));
      d.expected = outbox.expected(d.from, d.plan.messages.length);
      d.count = d.expected.filter(Boolean).length;
    }
    const won = await this.claim(tx, decided, now, (d) => ({ count: d.count, line: lineOf(d, d.expected) }));
    // A step with nobody to send to for a role tells the duty managers, in the same write as the steps' messages.
    const unreached: UnreachedRun[] = won
      .filter((w) => w.plan?.nobody.length)
      .map((w) => ({
        party: w.party,
        childRef: children.get(w.episode.childId)!.reference,
        episodeRef: w.episode.reference,
        stepKey: w.decision.step.key,
        stepRun: runKey(w.decision.step.key, w.decision.repeat),
        roles: w.plan!.nobody,
      }));
    const duty = await dutyManagerMessages(tx, recipients, unreached);
    const written = new Set([...won.filter((w) => w.plan).map((w) => w.from), outbox.add(duty.messages)]);
    const queued = await outbox.write(tx, this.outbox, written);
    const untold = new Set(duty.untold.map((run) => `${run.party.episodeId} ${run.stepKey}`));
    const recount: Recount[] = [];
    const visible = new Map(episodes.map((e) => [e.id, new Set(e.visibleToRoles)]));
    for (const w of won) {
      const summary = summaries.get(w.episode.id)!;
      if (!w.plan) {
        summary.skipped += 1;
        continue;
      }
      const ids = queued.slice(w.from, w.from + w.plan.messages.length);
      const sent = sentStep(w.plan, ids);
      sent.audiences.forEach((a) => visible.get(w.episode.id)!.add(a));
      summary.fired += 1;
      summary.notifications += sent.count;
      if (sent.nobody.length) {
        const dutyManagerTold = !untold.has(`${w.episode.id} ${w.decision.step.key}`);
        summary.unreached.push({ stepKey: w.decision.step.key, roles: sent.nobody, dutyManagerTold });
      }
      // Only where the outbox already held one of the messages does the run row need correcting.
      if (sent.count !== w.count) {
        recount.push({
          episodeId: w.episode.id,
          stepKey: w.decision.step.key,
          repeat: w.decision.repeat,
          notifications: sent.count,
          ...lineColumns(lineOf(w, ids)),
        });
      }
    }
    const changed = episodes.filter((e) => visible.get(e.id)!.size !== e.visibleToRoles.length);
    await this.repo.recount(tx, recount);
    await this.repo.schedule(
      tx,
      episodes.map((e) => ({ id: e.id, next: e.closedAt ? null : (nextAt.get(e.id) ?? null) })),
      changed.map((e) => ({ id: e.id, roles: [...visible.get(e.id)!] })),
    );
    return summaries;
  }

  /** Each episode's child (by child id): as the caller or the episode's own read gave it, otherwise read now. */
  private async children(tx: Tx, episodes: LadderEpisode[], given?: LadderChild): Promise<Map<string, LadderChild>> {
    const known = new Map<string, LadderChild>(episodes.filter((e) => e.child).map((e) => [e.childId, e.child!]));
    if (given) known.set(given.id, given);
    const unread = episodes.filter((e) => !known.has(e.childId)).map((e) => e.childId);
    if (unread.length) for (const c of await this.repo.children(tx, unread)) known.set(c.id, c);
    return known;
  }

  /**
   * One INSERT for every decision, each with its message count and timeline line; returns those this transaction won.
   */
  private async claim(
    tx: Tx,
    decided: Won[],
    now: Date,
    describe: (d: Won) => { count: number; line: TimelineLineText },
  ): Promise<Won[]> {
    const lines = decided.map(describe);
    const won = await this.repo.claimRuns(
      tx,
      decided.map((w, i) => ({
        episodeId: w.episode.id,
        stepKey: w.decision.step.key,
        repeat: w.decision.repeat,
        outcome: outcomeOf(w),
        reason: w.decision.reason,
        dueAt: w.decision.dueAt ?? null,
        notifications: lines[i].count,
        ...lineColumns(lines[i].line),
      })),
      now,
    );
    return decided.filter((w) => won.has(`${w.episode.id}:${runKey(w.decision.step.key, w.decision.repeat)}`));
  }
}

/** A fired step with nobody to send to at all is a failure, never "sent" (domain guide). */
function reachedNobody(plan: PlannedStep): boolean {
  return plan.messages.length === 0 && !plan.folded && plan.nobody.length > 0;
}

function outcomeOf(d: Won): RunOutcome {
  if (d.decision.action !== 'fire') return 'skipped';
  return d.plan && reachedNobody(d.plan) ? 'unreached' : 'fired';
}

/** The step's line on the episode's timeline, given which of its messages were (or will be) queued. */
function lineOf(d: Won, ids: (string | null)[]): TimelineLineText {
  const { step, reason, reasonText } = d.decision;
  const params = { step: { step: step.key }, reason: reasonText };
  if (d.plan && reachedNobody(d.plan)) {
    return {
      summary: `FAILED: nobody to send to. Step ${step.key} reached nobody: no active contact or user is set up as ${d.plan.nobody.join(', ')}. ${reason}`,
      text: msg('timeline.step.unreached', { ...params, roles: rolesText(d.plan.nobodyRoles) }),
    };
  }
  if (!d.plan) return { summary: `Step ${step.key} skipped. ${reason}`, text: msg('timeline.step.skipped', params) };
  const sent = sentStep(d.plan, ids);
  return {
    summary: `Step ${step.key} fired. ${reason} ${sent.summary}`,
    text: msg('timeline.step.fired', { ...params, sent: sent.summaryText }),
  };
}

/** A line as the run's columns: the English summary and its key with parameters. */
function lineColumns(line: TimelineLineText): Pick<RunRow, 'summary' | 'summaryKey' | 'summaryParams'> {
  return { summary: line.summary, summaryKey: line.text.key, summaryParams: line.text.params ?? {} };
}

function partyOf(episode: LadderEpisode, child: LadderChild): EpisodeParty {
  return {
    episodeId: episode.id,
    authorityId: episode.authorityId,
    childId: episode.childId,
    socialWorkerId: child.social_worker_id,
    placementId: episode.placementId,
    reportedByMobile: episode.reportedByMobile,
    parentNoticeSuppressed: !!episode.parentNoticeSuppressedReason,
  };
}

function factsOf(episode: LadderEpisode, child: LadderChild): EpisodeFacts {
  return {
    childRef: child.reference,
    episodeRef: episode.reference,
    authorityName: child.authority_name,
    kind: episode.kind,
    risk: messageRisk(episode),
    discoveredAt: episode.discoveredAt,
    lastSeenAt: episode.lastSeenAt,
    returnedAt: episode.returnedAt,
    policeReference: episode.policeReference,
    repeatCount: episode.repeatCount,
    repeatWindowDays: episode.policy.settings.repeatWindowDays,
  };
}
