// Reading missing episodes: the list (open ones first for the duty team) and one episode with
// its timeline, risk-grade history and every escalation step fired or skipped, with reasons.
import type { DataSource } from 'typeorm';

import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import { allowsAcross } from '../platform/auth/permissions';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { NotFound } from '../platform/errors';
import { EpisodeFilter, MissingEpisodesRepository } from './missing-episodes.repository';

/** How long after an episode closes the host authority may still read it. */
const HOST_READ_DAYS = 28;

export class MissingEpisodesService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly repo = new MissingEpisodesRepository(),
  ) {}

  async list(ctx: RequestContext, filter: EpisodeFilter) {
    const result = await this.repo.list(this.db.manager, ctx.actor, filter);
    await this.audit.recordShown(
      null,
      ctx,
      'missing_episode',
      result.items.map((e) => ({ id: e.id, childId: e.childId })),
    );
    return result;
  }

  /**
   * The episode the child is missing in now, for the banner on every page about her. Not audited here: it is
   * shown only on pages whose own read of the child is audited.
   */
  async missingNow(ctx: RequestContext, childId: string) {
    return this.repo.missingNow(this.db.manager, ctx.actor.authorityId, childId);
  }

  async get(ctx: RequestContext, id: string) {
    return this.db.transaction(async (tx) => {
      const own = await this.repo.find(tx, ctx.actor, id);
      const hosted = !own && (await this.hostedEpisode(tx, ctx, id));
      if (!own && !hosted) throw new NotFound('No missing episode with that id was found.');
      const episode = await this.repo.reload(tx, id);
      // A host authority's read goes on the placing authority's trail, where "who saw this child?" is asked.
      const auditCtx = hosted ? { ...ctx, actor: { ...ctx.actor, authorityId: episode.authorityId } } : ctx;
      await this.audit.record(tx, auditCtx, {
        action: 'read',
        entityType: 'missing_episode',
        entityId: id,
        childId: episode.childId,
        ...(hosted && { changes: { tie: 'host', hostAuthorityId: ctx.actor.authorityId } }),
      });
      return { episode, ...(await this.repo.details(tx, id)) };
    });
  }

  /** The 'host' tie: the caller's authority hosts the episode's placement, open or closed within HOST_READ_DAYS. */
  private async hostedEpisode(tx: Tx, ctx: RequestContext, id: string): Promise<boolean> {
    if (!allowsAcross(ctx.actor.role, 'episodes.read', new Set(['host']))) return false;
    const since = new Date(this.clock.now().getTime() - HOST_READ_DAYS * 86_400_000);
    return !!(await this.repo.findAsHost(tx, ctx.actor, id, since));
  }
}
