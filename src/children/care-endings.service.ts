// Ending a child's care: when and why are recorded, the current placement ends with it (a placement
// cannot outlive care), and listeners are told. An open missing episode is not ended by this: it
// notes the end of care on its timeline and stays open until the child is found or a manager closes it.
import type { DataSource } from 'typeorm';

import type { PlacementsService } from '../placements/placements.service';
import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { checkEventTimes } from '../platform/dates';
import { Conflict, Invalid, NotFound } from '../platform/errors';
import type { Child } from './child.entity';
import { ChildrenRepository } from './children.repository';

export type CareEndedListener = (
  tx: Tx,
  ctx: RequestContext,
  child: Child,
  endedAt: Date,
  reason: string,
) => Promise<void>;

export class CareEndingsService {
  readonly endedListeners: CareEndedListener[] = [];

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly placements: PlacementsService,
    private readonly repo = new ChildrenRepository(),
  ) {}

  async end(ctx: RequestContext, childId: string, endedAt: Date | undefined, reason: string): Promise<Child> {
    return this.db.transaction(async (tx) => {
      const child = await this.repo.findForUpdate(tx, ctx.actor.authorityId, childId);
      if (!child) throw new NotFound('No child with that id was found.');
      if (child.careEndedAt) throw new Conflict("This child's care has already ended.");
      const now = this.clock.now();
      const at = endedAt ?? now;
      checkEventTimes(now, child.dateOfBirth, [{ field: 'endedAt', at }]);
      if (at < child.careStartedAt) throw new Invalid('endedAt cannot be before the child came into care.');
      const placement = await this.placements.repo.current(tx, child.authorityId, child.id);
      if (placement) await this.placements.endWithin(tx, ctx, placement, at, reason);
      const saved = await this.repo.update(tx, child, { careEndedAt: at, careEndReason: reason, updatedAt: now });
      await this.audit.record(tx, ctx, {
        action: 'update',
        entityType: 'child',
        entityId: child.id,
        childId: child.id,
        changes: { fields: ['careEndedAt', 'careEndReason'] },
      });
      for (const listener of this.endedListeners) await listener(tx, ctx, saved, at, reason);
      return saved;
    });
  }
}
