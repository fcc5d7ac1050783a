// Runs the ladder for one episode: asks dueSteps what is due, claims each (step, repeat) with an
// INSERT ... ON CONFLICT DO NOTHING into escalation_runs, and writes its messages to the outbox in
// the same transaction, so a step runs once however many instances run at the same moment.
import { IsNull, LessThanOrEqual } from 'typeorm';
import type { Tx } from '../platform/database/transaction';
import type { Clock } from '../platform/clock';
import type { NotificationOutbox } from '../notifications/outbox';
import { MissingEpisode } from '../missing/missing-episode.entity';
import { addToTimeline } from '../missing/episode-timeline';
import { dueSteps, effectiveRisk, EpisodeSnapshot, FiredKeys, runKey, RunOutcome, StepDecision } from './due-steps';
import { EpisodeParty, RecipientResolver } from './recipients';
import { messageData, EpisodeFacts } from './message-data';
import { sendStep } from './step-messages';
import type { SignedLinks } from './signed-link';

export interface RunSummary { fired: number; skipped: number; notifications: number; unreached: { stepKey: string; roles: string[] }[] }
export interface RunnerOptions { displayTimeZone: string }

export class EscalationRunner {
  constructor(private readonly clock: Clock, private readonly outbox: NotificationOutbox, private readonly links: SignedLinks,
    private readonly options: RunnerOptions) {}

  /** Processes one episode inside the caller's transaction (which holds the episode's row lock). */
  async process(tx: Tx, episodeOrId: MissingEpisode | string, resolver = new RecipientResolver(this.clock.now())): Promise<RunSummary> {
    const now = this.clock.now();
    const episode = typeof episodeOrId === 'string' ? await tx.findOneByOrFail(MissingEpisode, { id: episodeOrId }) : episodeOrId;
    const episodeId = episode.id;
    const [child] = await tx.query(`SELECT c.reference, c.social_worker_id, a.name AS authority_name FROM children c
      JOIN local_authorities a ON a.id = c.authority_id WHERE c.id = $1`, [episode.childId]);
    const { fired, acknowledged } = await this.history(tx, episodeId);
    const { decisions, nextAt } = dueSteps(snapshotOf(episode, acknowledged), episode.policySnapshot, fired, now);
    const summary: RunSummary = { fired: 0, skipped: 0, notifications: 0, unreached: [] };
    const party: EpisodeParty = { episodeId, authorityId: episode.authorityId, childId: episode.childId, socialWorkerId: child.social_worker_id,
      placementId: episode.placementId, reportedByMobile: episode.reportedByMobile, parentNoticeSuppressed: !!episode.parentNoticeSuppressedReason };
    const facts: EpisodeFacts = { childRef: child.reference, episodeRef: episode.reference, authorityName: child.authority_name, kind: episode.kind,
      risk: effectiveRisk(snapshotOf(episode, [])), discoveredAt: episode.discoveredAt, lastSeenAt: episode.lastSeenAt, returnedAt: episode.returnedAt,
      policeReference: episode.policeReference, repeatCount: episode.repeatCount, repeatWindowDays: episode.policySnapshot.settings.repeatWindowDays };
    const visible = new Set(episode.visibleToRoles);
    for (const decision of decisions) {
      if (!(await this.claim(tx, episodeId, decision, now))) continue;
      if (decision.action === 'skip') {
        summary.skipped += 1;
        await addToTimeline(tx, episode, now, { type: 'step_skipped', stepKey: decision.step.key, repeat: decision.repeat,
          summary: `Step ${decision.step.key} skipped. ${decision.reason}` });
        continue;
      }
      const sent = await sendStep(tx, this.outbox, resolver, {
        party, step: decision.step, repeat: decision.repeat,
        data: (link) => messageData(facts, now, this.options.displayTimeZone, link),
        link: (audience) => this.links.url(episodeId, audience, now),
      });
      sent.audiences.forEach((a) => visible.add(a));
      summary.fired += 1;
      summary.notifications += sent.count;
      if (sent.nobody.length) summary.unreached.push({ stepKey: decision.step.key, roles: sent.nobody });
      await tx.query('UPDATE escalation_runs SET notifications = $4 WHERE episode_id = $1 AND step_key = $2 AND repeat = $3',
        [episodeId, decision.step.key, decision.repeat, sent.count]);
      await addToTimeline(tx, episode, now, { type: 'step_fired', stepKey: decision.step.key, repeat: decision.repeat,
        summary: `Step ${decision.step.key} fired. ${decision.reason} ${sent.summary}`, data: { recipients: sent.recipients } });
    }
    await tx.update(MissingEpisode, { id: episodeId }, { nextEscalationAt: episode.closedAt ? null : nextAt, visibleToRoles: [...visible] });
    return summary;
  }

  /** Locks and loads an episode for the sweep if it is still due and no other instance holds it. */
  async claimDue(tx: Tx, episodeId: string): Promise<MissingEpisode | null> {
    return tx.findOne(MissingEpisode, { where: { id: episodeId, closedAt: IsNull(), nextEscalationAt: LessThanOrEqual(this.clock.now()) },
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' } });
  }

  private async claim(tx: Tx, episodeId: string, d: StepDecision, now: Date): Promise<boolean> {
    const rows = await tx.query(`INSERT INTO escalation_runs (episode_id, step_key, repeat, outcome, reason, due_at, ran_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING 1`,
    [episodeId, d.step.key, d.repeat, d.action === 'fire' ? 'fired' : 'skipped', d.reason, d.dueAt, now]);
    return rows.length > 0;
  }

  /** The (step, repeat) pairs already run, and the steps acknowledged through the API or by a notification (SMS ACK). */
  private async history(tx: Tx, episodeId: string): Promise<{ fired: FiredKeys; acknowledged: string[] }> {
    const rows: { step_key: string; repeat: number | null; outcome: RunOutcome | null }[] = await tx.query(`
      SELECT step_key, repeat, outcome FROM escalation_runs WHERE episode_id = $1
      UNION ALL SELECT step_key, NULL, NULL FROM episode_events WHERE episode_id = $1 AND type = 'acknowledged'
      UNION ALL SELECT split_part(step_key, '#', 1), NULL, NULL FROM notifications WHERE episode_id = $1 AND step_key IS NOT NULL
        AND (acknowledged_at IS NOT NULL OR status = 'acknowledged')`, [episodeId]);
    const fired = new Map(rows.filter((r) => r.outcome).map((r) => [runKey(r.step_key, r.repeat!), r.outcome!]));
    return { fired, acknowledged: [...new Set(rows.filter((r) => !r.outcome).map((r) => r.step_key))] };
  }
}

export function snapshotOf(e: MissingEpisode, acknowledgedSteps: string[]): EpisodeSnapshot {
  return {
    discoveredAt: e.discoveredAt, reportedAt: e.reportedAt, returnedAt: e.returnedAt, closedAt: e.closedAt, riskHighAt: e.riskHighAt,
    riskGrade: e.riskGrade, highRiskFromStart: e.highRiskFromStart, traffickingStatus: e.traffickingStatus,
    placementStartedAt: e.placementStartedAt, repeatCount: e.repeatCount,
    returnInterviewPending: !e.returnInterviewHeldAt && !e.returnInterviewDeclined && !e.returnInterviewReasonNotHeld,
    acknowledgedSteps,
  };
}
