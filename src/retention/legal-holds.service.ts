// Legal holds: while one stands on a child, nothing of that child's is anonymised or shortened.
import type { DataSource } from 'typeorm';

import type { ChildrenService } from '../children/children.service';
import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import { Conflict, NotFound } from '../platform/errors';
import { LegalHold, LegalHoldsRepository } from './legal-holds.repository';

export class LegalHoldsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly children: ChildrenService,
    readonly repo = new LegalHoldsRepository(),
  ) {}

  async list(ctx: RequestContext, childId?: string): Promise<LegalHold[]> {
    return this.db.transaction(async (tx) => {
      if (childId) await this.children.require(tx, ctx, childId);
      const holds = await this.repo.list(tx, ctx.actor.authorityId, childId);
      await this.audit.recordShown(
        tx,
        ctx,
        'legal_hold',
        holds.map((h) => ({ id: h.id, childId: h.childId })),
      );
      return holds;
    });
  }

  async place(ctx: RequestContext, childId: string, reason: string): Promise<LegalHold> {
    return this.db.transaction(async (tx) => {
      await this.children.require(tx, ctx, childId);
      const id = await this.repo.insert(tx, ctx.actor.authorityId, childId, reason, ctx.actor.userId, this.clock.now());
      await this.audit.record(tx, ctx, { action: 'create', entityType: 'legal_hold', entityId: id, childId });
      return (await this.repo.find(tx, ctx.actor.authorityId, id))!;
    });
  }

  async release(ctx: RequestContext, id: string, reason: string): Promise<LegalHold> {
    return this.db.transaction(async (tx) => {
      const hold = await this.repo.find(tx, ctx.actor.authorityId, id);
      if (!hold) throw new NotFound('No legal hold with that id was found.');
      if (!(await this.repo.release(tx, id, reason, ctx.actor.userId, this.clock.now())))
        throw new Conflict('This legal hold was already released.');
      await this.audit.record(tx, ctx, {
        action: 'release',
        entityType: 'legal_hold',
        entityId: id,
        childId: hold.childId,
        changes: { reason },
      });
      return (await this.repo.find(tx, ctx.actor.authorityId, id))!;
    });
  }
}
