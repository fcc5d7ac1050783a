// Episodes ended from outside the episode API: a carer texting FOUND/BACK, and a placement ending
// (an episode never outlives the placement or care episode it began in).
import type { DataSource } from 'typeorm';
import type { Clock } from '../platform/clock';
import type { RequestContext } from '../platform/auth/actor';
import { inTransaction, type Tx } from '../platform/database/transaction';
import type { AuditService } from '../platform/audit/audit.service';
import { Conflict, Invalid, NotFound } from '../platform/errors';
import { Child } from '../children/child.entity';
import type { Placement } from '../placements/placement.entity';
import type { PlacementsRepository } from '../placements/placements.repository';
import type { EscalationService } from '../escalation/escalation.service';
import { MissingEpisode } from './missing-episode.entity';
import { MissingEpisodesRepository } from './missing-episodes.repository';
import { transition } from './episode-state';
import { addToTimeline } from './episode-timeline';
import { closeEpisode } from './close-episode';
import { carerOf } from './report-missing.service';

export class EpisodeEndingsService {
  constructor(private readonly db: DataSource, private readonly clock: Clock, private readonly audit: AuditService,
    private readonly placements: PlacementsRepository, private readonly escalation: EscalationService,
    private readonly repo = new MissingEpisodesRepository()) {}

  /** For the SMS channel: a registered carer texted FOUND or BACK for this child. */
  async recordReturnBySms(childId: string, carerMobile: string, at: Date, outer?: Tx): Promise<MissingEpisode> {
    return inTransaction(this.db, outer, async (tx) => {
      const child = await tx.findOne(Child, { where: { id: childId } });
      if (!child) throw new NotFound('No child with that id was found.');
      const carer = await carerOf(tx, this.placements, child, carerMobile);
      const episode = await this.repo.openForChild(tx, child.id);
      if (!episode) throw new Conflict(`Child ${child.reference} has no open missing episode, so there is no return to record.`);
      const state = transition(episode, 'return');
      const now = this.clock.now();
      if (at < episode.discoveredAt) throw new Invalid('The return cannot be before the child was discovered missing.');
      await tx.update(MissingEpisode, { id: episode.id }, { state, returnedAt: at, returnedBy: carer.name, updatedAt: now });
      await addToTimeline(tx, episode, now, { type: 'returned', actorName: carer.name,
        summary: `Child returned, reported by ${carer.name} by text. Return interview due within 72 hours.` });
      await this.audit.record(tx, null, { action: 'update', entityType: 'missing_episode', entityId: episode.id, childId: child.id,
        authorityId: child.authorityId, changes: { via: 'sms', placementId: episode.placementId, fields: ['returnedAt'] } });
      await this.escalation.process(tx, episode.id);
      return this.repo.reload(tx, episode.id);
    });
  }

  /** PlacementsService.endedListeners hook: closes the child's open episode in the same transaction. */
  readonly onPlacementEnded = (tx: Tx, ctx: RequestContext | null, placement: Placement, endedAt: Date): Promise<void> =>
    this.closeOpen(tx, ctx, placement.childId, endedAt, 'The placement ended, so the episode ended with it.', 'placement_ended');

  /** For whoever ends a care episode (no endpoint does yet): no episode may stay open once care ends. */
  onCareEnded(tx: Tx, ctx: RequestContext | null, childId: string, endedAt: Date): Promise<void> {
    return this.closeOpen(tx, ctx, childId, endedAt, 'The care episode ended, so the missing episode ended with it.', 'care_ended');
  }

  private async closeOpen(tx: Tx, ctx: RequestContext | null, childId: string, at: Date, sentence: string, reason: string): Promise<void> {
    const episode = await this.repo.openForChild(tx, childId);
    if (!episode) return;
    await closeEpisode(tx, episode, at, sentence, ctx ? { userId: ctx.actor.userId, name: ctx.actor.name } : null);
    await this.audit.record(tx, ctx, { action: 'update', entityType: 'missing_episode', entityId: episode.id, childId,
      authorityId: episode.authorityId, changes: { fields: ['closedAt'], reason } });
    await this.escalation.process(tx, episode.id);
  }
}
