// What reaches an episode from outside the episode API: a carer texting FOUND/BACK ends the child's
// absence; a placement or the child's care ending is noted on the open episode's timeline and ends
// nothing. The search goes on until the child is found or a manager closes the episode with a reason
// (placements often end because the child ran; a closed episode would stop every later step).
import type { DataSource } from 'typeorm';

import type { Child } from '../children/child.entity';
import { ChildrenRepository } from '../children/children.repository';
import type { EscalationService } from '../escalation/escalation.service';
import type { Placement } from '../placements/placement.entity';
import type { PlacementsRepository } from '../placements/placements.repository';
import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import { inTransaction, type Tx } from '../platform/database/transaction';
import { Conflict, Invalid, NotFound } from '../platform/errors';
import { addToTimeline } from './episode-events.repository';
import { transition } from './episode-state';
import type { MissingEpisode } from './missing-episode.entity';
import { MissingEpisodesRepository } from './missing-episodes.repository';
import { carerOf } from './report-missing.service';
import { returnedBySmsLine, stillMissingLine } from './timeline-lines';
import type { TimelineLineText } from './timeline-text';

export class EpisodeEndingsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly placements: PlacementsRepository,
    private readonly escalation: EscalationService,
    private readonly repo = new MissingEpisodesRepository(),
    private readonly children = new ChildrenRepository(),
  ) {}

  /** For the SMS channel: a registered carer texted FOUND or BACK for this child. */
  async recordReturnBySms(childId: string, carerMobile: string, at: Date, outer?: Tx): Promise<MissingEpisode> {
    return inTransaction(this.db, outer, async (tx) => {
      const child = await this.children.findInAnyAuthority(tx, childId);
      if (!child) throw new NotFound('No child with that id was found.');
      const carer = await carerOf(tx, this.placements, child, carerMobile);
      const episode = await this.repo.openForChild(tx, child.id);
      if (!episode)
        throw new Conflict(`Child ${child.reference} has no open missing episode, so there is no return to record.`);
      const state = transition(episode, 'return');
      const now = this.clock.now();
      if (at < episode.discoveredAt) throw new Invalid('The return cannot be before the child was discovered missing.');
      await this.repo.saveChanges(tx, episode.id, { state, returnedAt: at, returnedBy: carer.name, updatedAt: now });
      await addToTimeline(tx, episode, now, {
        type: 'returned',
        actorName: carer.name,
        ...returnedBySmsLine(carer.name),
      });
      await this.audit.record(tx, null, {
        action: 'update',
        entityType: 'missing_episode',
        entityId: episode.id,
        childId: child.id,
        authorityId: child.authorityId,
        changes: { via: 'sms', placementId: episode.placementId, fields: ['returnedAt'] },
      });
      await this.escalation.process(tx, episode.id);
      return this.repo.reload(tx, episode.id);
    });
  }

  /** PlacementsService.endedListeners hook: the episode in which the child is missing notes the end and stays open. */
  readonly onPlacementEnded = (
    tx: Tx,
    ctx: RequestContext | null,
    placement: Placement,
    endedAt: Date,
    reason: string,
  ): Promise<void> =>
    this.note(tx, ctx, placement.childId, endedAt, 'placement_ended', stillMissingLine('placement', reason));

  /** CareEndingsService.endedListeners hook: likewise for the end of the child's care. */
  readonly onCareEnded = (
    tx: Tx,
    ctx: RequestContext | null,
    child: Child,
    endedAt: Date,
    reason: string,
  ): Promise<void> => this.note(tx, ctx, child.id, endedAt, 'care_ended', stillMissingLine('care', reason));

  private async note(
    tx: Tx,
    ctx: RequestContext | null,
    childId: string,
    at: Date,
    type: string,
    line: TimelineLineText,
  ): Promise<void> {
    const episode = await this.repo.missingForChild(tx, childId);
    if (!episode) return;
    await addToTimeline(tx, episode, this.clock.now(), {
      type,
      actorUserId: ctx?.actor.userId ?? null,
      actorName: ctx?.actor.name ?? null,
      data: { at: at.toISOString() },
      ...line,
    });
  }
}
