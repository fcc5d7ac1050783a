// A return recorded by mistake, undone by a manager with a reason: the episode is missing again, the
// timeline and the audit trail say who undid it and why, everyone told of the return is told "still
// missing" (through the outbox, by reference only), and the ladder takes again the decisions the
// return had made, so the steps it skipped run now (overdue ones summarised in one alert each).
import type { DataSource } from 'typeorm';

import type { EscalationService } from '../escalation/escalation.service';
import type { NotificationOutbox } from '../notifications/outbox';
import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import { Conflict, NotFound } from '../platform/errors';
import { addToTimeline } from './episode-events.repository';
import { transition } from './episode-state';
import { MissingEpisode } from './missing-episode.entity';
import { MissingEpisodesRepository } from './missing-episodes.repository';
import { returnUndoneLine } from './timeline-lines';
import { UndoReturnRepository } from './undo-return.repository';

const cleared: Partial<MissingEpisode> = {
  returnedAt: null,
  returnedWhere: null,
  returnedBy: null,
  preventionInterviewAt: null,
  preventionInterviewBy: null,
  returnInterviewOfferedAt: null,
  returnInterviewHeldAt: null,
  returnInterviewBy: null,
  returnInterviewDeclined: false,
  returnInterviewAttempts: 0,
  returnInterviewReasonNotHeld: null,
};

export class UndoReturnService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly outbox: NotificationOutbox,
    private readonly escalation: EscalationService,
    private readonly repo = new MissingEpisodesRepository(),
    private readonly undo = new UndoReturnRepository(),
  ) {}

  async undoReturn(ctx: RequestContext, id: string, reason: string): Promise<MissingEpisode> {
    return this.db.transaction(async (tx) => {
      const e = await this.repo.findForUpdate(tx, ctx.actor, id);
      if (!e) throw new NotFound('No missing episode with that id was found.');
      const state = transition(e, 'undo_return');
      // An episode missing again runs on without end, so it cannot sit before a later one.
      const later = await this.undo.laterEpisode(tx, e.childId, e.id, e.discoveredAt);
      if (later)
        throw new Conflict(
          `The child has a later episode ${later}, so the return in episode ${e.reference} cannot be undone. Correct it there instead.`,
        );
      const now = this.clock.now();
      const returnSteps = e.policy.steps.filter((s) => s.from === 'returned').map((s) => s.key);
      const told = await this.undo.toldOfReturn(tx, e.id, returnSteps);
      const undone = await this.undo.undoneBefore(tx, e.id);
      await this.repo.saveChanges(tx, e.id, { ...cleared, state, updatedAt: now });
      await this.undo.forgetReturnDecisions(tx, e.id, returnSteps);
      const child = await this.undo.references(tx, e.childId);
      await this.outbox.enqueueMany(
        tx,
        told.map((t) => ({
          authorityId: e.authorityId,
          episodeId: e.id,
          stepKey: `return_undone#${undone}`,
          dedupeKey: `${e.id}:return_undone#${undone}:${t.channel}:${t.address}`,
          channel: t.channel,
          template: 'still-missing',
          data: { childRef: child.reference, episodeRef: e.reference, authorityName: child.authorityName },
          recipient: { type: t.recipientType, id: t.recipientId, name: t.recipientName, address: t.address },
        })),
      );
      await addToTimeline(tx, e, now, {
        type: 'return_undone',
        actorUserId: ctx.actor.userId,
        actorName: ctx.actor.name,
        data: { reason },
        ...returnUndoneLine(ctx.actor.name, reason, told.length),
      });
      await this.audit.record(tx, ctx, {
        action: 'update',
        entityType: 'missing_episode',
        entityId: e.id,
        childId: e.childId,
        changes: { action: 'undo_return', fields: Object.keys(cleared), reason },
      });
      await this.escalation.process(tx, e.id, { resumed: true });
      return this.repo.reload(tx, e.id);
    });
  }
}
