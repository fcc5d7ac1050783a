// Changes to an open episode: police details and risk grade, sightings, the return, the return
// interview, closing and acknowledging an alert. Each goes through the state machine, is audited,
// and runs the escalation ladder in the same transaction.
import type { DataSource } from 'typeorm';

import type { EscalationService } from '../escalation/escalation.service';
import type { RiskGrade } from '../escalation/escalation-policy';
import { stepName } from '../escalation/step-names';
import { AcknowledgementsRepository } from '../notifications/acknowledgements.repository';
import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import { allows } from '../platform/auth/permissions';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { checkEventTimes, type EventTime } from '../platform/dates';
import { Conflict, Forbidden, Invalid, NotFound } from '../platform/errors';
import { closeEpisode } from './close-episode';
import { addToTimeline, recordRiskGrade } from './episode-events.repository';
import { EpisodeAction, transition } from './episode-state';
import type { MissingEpisode } from './missing-episode.entity';
import { MissingEpisodesRepository } from './missing-episodes.repository';
import {
  changedToMissingLine,
  closeReason,
  policeDetailsLine,
  returnedLine,
  returnInterviewLine,
  sightingLine,
} from './timeline-lines';
import type { TimelineLineText } from './timeline-text';

export interface PoliceInput {
  reportedToPoliceAt?: Date;
  policeReference?: string;
  riskGrade?: RiskGrade;
  reason?: string;
}
export interface SightingInput {
  at: Date;
  where: string;
  by?: string;
  details?: string;
}
export interface ReturnInput {
  returnedAt: Date;
  where?: string;
  by?: string;
  preventionInterviewAt?: Date;
  preventionInterviewBy?: string;
}
export interface ReturnInterviewInput {
  offeredAt?: Date;
  heldAt?: Date;
  by?: string;
  declined?: boolean;
  reasonNotHeld?: string;
}

export class EpisodeUpdatesService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly escalation: EscalationService,
    /** The zone a sighting's time is written in on the timeline people read. */
    private readonly timeZone = 'Europe/London',
    private readonly repo = new MissingEpisodesRepository(),
    private readonly acks = new AcknowledgementsRepository(),
  ) {}

  informPolice(ctx: RequestContext, id: string, input: PoliceInput): Promise<MissingEpisode> {
    return this.change(ctx, id, 'inform_police', async (tx, e, now) => {
      await this.checkTimes(tx, e, now, [{ field: 'reportedToPoliceAt', at: input.reportedToPoliceAt }]);
      const changes: Partial<MissingEpisode> = {
        reportedToPoliceAt: input.reportedToPoliceAt ?? e.reportedToPoliceAt ?? now,
        policeReference: input.policeReference ?? e.policeReference,
      };
      if (input.riskGrade && input.riskGrade !== e.riskGrade) {
        if (!input.reason)
          throw new Invalid('reason is required when the risk grade changes: say why the police graded it so.');
        changes.riskGrade = input.riskGrade;
        if (input.riskGrade === 'high' && !e.riskHighAt) changes.riskHighAt = now;
        await recordRiskGrade(tx, {
          episodeId: e.id,
          authorityId: e.authorityId,
          grade: input.riskGrade,
          previousGrade: e.riskGrade,
          reason: input.reason,
          gradedByUserId: ctx.actor.userId,
          gradedByName: ctx.actor.name,
          gradedAt: now,
        });
      }
      return {
        changes,
        type: 'police_informed',
        ...policeDetailsLine(changes.policeReference ?? null, changes.riskGrade ?? null, input.reason),
      };
    });
  }

  addSighting(ctx: RequestContext, id: string, input: SightingInput): Promise<MissingEpisode> {
    return this.change(ctx, id, 'sighting', async (tx, e, now) => {
      await this.checkTimes(tx, e, now, [{ field: 'at', at: input.at }]);
      return {
        changes: {},
        type: 'sighting',
        data: { ...input },
        ...sightingLine(input, this.timeZone),
      };
    });
  }

  recordReturn(ctx: RequestContext, id: string, input: ReturnInput): Promise<MissingEpisode> {
    return this.change(ctx, id, 'return', async (tx, e, now) => {
      await this.checkTimes(tx, e, now, [
        { field: 'returnedAt', at: input.returnedAt },
        { field: 'preventionInterviewAt', at: input.preventionInterviewAt },
      ]);
      if (input.returnedAt < e.discoveredAt)
        throw new Invalid('returnedAt cannot be before the child was discovered missing.');
      return {
        type: 'returned',
        changes: {
          returnedAt: input.returnedAt,
          returnedWhere: input.where ?? null,
          returnedBy: input.by ?? null,
          preventionInterviewAt: input.preventionInterviewAt ?? null,
          preventionInterviewBy: input.preventionInterviewBy ?? null,
        },
        ...returnedLine(input.where, input.by),
      };
    });
  }

  recordReturnInterview(ctx: RequestContext, id: string, input: ReturnInterviewInput): Promise<MissingEpisode> {
    return this.change(ctx, id, 'return_interview', async (tx, e, now) => {
      await this.checkTimes(tx, e, now, [
        { field: 'offeredAt', at: input.offeredAt },
        { field: 'heldAt', at: input.heldAt },
      ]);
      const changes: Partial<MissingEpisode> = {};
      if (input.offeredAt && e.returnedAt && input.offeredAt < e.returnedAt)
        throw new Invalid('offeredAt cannot be before the child returned.');
      if (input.offeredAt)
        Object.assign(changes, {
          returnInterviewOfferedAt: input.offeredAt,
          returnInterviewAttempts: e.returnInterviewAttempts + 1,
          state: 'return_interview_due',
        });
      if (input.declined) changes.returnInterviewDeclined = true;
      if (input.reasonNotHeld) changes.returnInterviewReasonNotHeld = input.reasonNotHeld;
      if (input.by) changes.returnInterviewBy = input.by;
      if (input.heldAt) {
        if (e.returnedAt && input.heldAt < e.returnedAt)
          throw new Invalid('heldAt cannot be before the child returned.');
        Object.assign(changes, { returnInterviewHeldAt: input.heldAt, state: 'return_interview_held' });
      }
      return {
        changes,
        type: 'return_interview',
        ...returnInterviewLine({ ...input, held: !!input.heldAt }),
      };
    });
  }

  /** Away (whereabouts known) becomes missing (whereabouts unknown): the missing ladder starts from now. */
  changeToMissing(ctx: RequestContext, id: string, input: { reason: string }): Promise<MissingEpisode> {
    return this.change(ctx, id, 'change_to_missing', async (_tx, e, now) => {
      if (e.kind === 'M')
        throw new Conflict(`Episode ${e.reference} is already a missing episode (whereabouts unknown).`);
      return {
        changes: { kind: 'M', missingSince: now },
        type: 'changed_to_missing',
        ...changedToMissingLine(input.reason),
      };
    });
  }

  /**
   * A manager's decision (the route allows no one else), always with a reason; while the child is missing it ends the
   * search.
   */
  async close(ctx: RequestContext, id: string, reason: string): Promise<MissingEpisode> {
    return this.withEpisode(ctx, id, async (tx, e, now) => {
      transition(e, 'close');
      const stillMissing = !e.returnedAt;
      await closeEpisode(tx, e, now, closeReason(reason, stillMissing), {
        userId: ctx.actor.userId,
        name: ctx.actor.name,
      });
      await this.audit.record(tx, ctx, {
        action: 'update',
        entityType: 'missing_episode',
        entityId: e.id,
        childId: e.childId,
        changes: { fields: ['closedAt'], stillMissing },
      });
    });
  }

  async acknowledge(ctx: RequestContext, id: string, stepKey: string): Promise<MissingEpisode> {
    return this.withEpisode(ctx, id, async (tx, e, now) => {
      if (!e.policy.steps.some((s) => s.key === stepKey))
        throw new NotFound(`Episode ${e.reference} has no escalation step ${stepKey}.`);
      if (!(await this.mayAcknowledgeStep(tx, ctx, e.id, stepKey))) {
        throw new Forbidden(
          `The alert “${stepName(stepKey)}” was not sent to you, so only someone it went to or a manager can acknowledge it.`,
        );
      }
      // The caller's own messages of the step show as acknowledged, as an SMS reply marks its message.
      await this.acks.markAcknowledged(
        tx,
        await this.acks.lockForUser(tx, e.id, stepKey, ctx.actor.userId),
        now,
        `acknowledged by ${ctx.actor.name} on the service`,
      );
      await this.escalation.acknowledge(tx, e.id, stepKey, { userId: ctx.actor.userId, name: ctx.actor.name });
      await this.audit.record(tx, ctx, {
        action: 'acknowledge',
        entityType: 'missing_episode',
        entityId: e.id,
        childId: e.childId,
        changes: { stepKey },
      });
    });
  }

  /** Of these steps, those the caller may acknowledge: the page offers a button for exactly these. */
  async acknowledgeable(ctx: RequestContext, episodeId: string, steps: string[]): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      const mine: string[] = [];
      for (const step of steps) if (await this.mayAcknowledgeStep(tx, ctx, episodeId, step)) mine.push(step);
      return mine;
    });
  }

  /** Acknowledging stops the repeats and the move to the next contact: only someone the alert went to, or a manager. */
  private async mayAcknowledgeStep(tx: Tx, ctx: RequestContext, episodeId: string, step: string): Promise<boolean> {
    const alert = await this.acks.stepSentTo(tx, episodeId, step, ctx.actor);
    // A step that sent nothing is answered by the escalation service (409), not refused here.
    return !alert.sent || allows(ctx.actor.role, 'episodes.acknowledge', new Set(alert.toYou ? ['alerted'] : []));
  }

  private async checkTimes(tx: Tx, e: MissingEpisode, now: Date, times: EventTime[]): Promise<void> {
    if (times.some((t) => t.at)) checkEventTimes(now, await this.repo.childBornOn(tx, e.childId), times);
  }

  private change(
    ctx: RequestContext,
    id: string,
    action: EpisodeAction,
    apply: (
      tx: Tx,
      e: MissingEpisode,
      now: Date,
    ) => Promise<{ changes: Partial<MissingEpisode>; type: string; data?: Record<string, unknown> } & TimelineLineText>,
  ) {
    return this.withEpisode(ctx, id, async (tx, e, now) => {
      const state = transition(e, action);
      const { changes, type, summary, text, data } = await apply(tx, e, now);
      await this.repo.saveChanges(tx, e.id, { state, ...changes, updatedAt: now });
      await addToTimeline(tx, e, now, {
        type,
        summary,
        text,
        data,
        actorUserId: ctx.actor.userId,
        actorName: ctx.actor.name,
      });
      await this.audit.record(tx, ctx, {
        action: 'update',
        entityType: 'missing_episode',
        entityId: e.id,
        childId: e.childId,
        changes: { action, fields: Object.keys(changes) },
      });
    });
  }

  private withEpisode(
    ctx: RequestContext,
    id: string,
    work: (tx: Tx, e: MissingEpisode, now: Date) => Promise<void>,
  ): Promise<MissingEpisode> {
    return this.db.transaction(async (tx) => {
      const episode = await this.repo.findForUpdate(tx, ctx.actor, id);
      if (!episode) throw new NotFound('No missing episode with that id was found.');
      await work(tx, episode, this.clock.now());
      await this.escalation.process(tx, id);
      return this.repo.reload(tx, id);
    });
  }
}
