// Reading missing episodes: the list (open ones first for the duty team) and one episode with
// its timeline, risk-grade history and every escalation step fired or skipped, with reasons.
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../platform/auth/actor';
import type { AuditService } from '../platform/audit/audit.service';
import { NotFound } from '../platform/errors';
import { EpisodeFilter, MissingEpisodesRepository } from './missing-episodes.repository';

export class MissingEpisodesService {
  constructor(private readonly db: DataSource, private readonly audit: AuditService, private readonly repo = new MissingEpisodesRepository()) {}

  async list(ctx: RequestContext, filter: EpisodeFilter) {
    const result = await this.repo.list(this.db.manager, ctx.actor, filter);
    await this.audit.recordShown(null, ctx, 'missing_episode', result.items.map((e) => ({ id: e.id, childId: e.childId })));
    return result;
  }

  async get(ctx: RequestContext, id: string) {
    return this.db.transaction(async (tx) => {
      if (!(await this.repo.find(tx, ctx.actor, id))) throw new NotFound('No missing episode with that id was found.');
      const episode = await this.repo.reload(tx, id);
      await this.audit.record(tx, ctx, { action: 'read', entityType: 'missing_episode', entityId: id, childId: episode.childId });
      return { episode, ...(await this.repo.details(tx, id)) };
    });
  }
}
