// The children a signed-in carer looks after now: those whose current placement lists the carer's
// registered mobile or email. A carer may report only these children missing or found.
import type { DataSource } from 'typeorm';

import type { Child } from '../children/child.entity';
import { ChildAccess } from '../children/child-access.service';
import type { ChildrenService } from '../children/children.service';
import type { PlacementsRepository } from '../placements/placements.repository';
import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import { NotFound } from '../platform/errors';

export class CaredForChildren {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly children: ChildrenService,
    private readonly placements: PlacementsRepository,
    private readonly access = new ChildAccess(),
  ) {}

  async list(ctx: RequestContext): Promise<Child[]> {
    return this.db.transaction(async (tx) => {
      const placements = await this.placements.currentForCarerUser(tx, ctx.actor.authorityId, ctx.actor.userId);
      const children: Child[] = [];
      for (const p of placements) children.push(await this.children.require(tx, ctx, p.childId));
      await this.audit.recordShown(
        tx,
        ctx,
        'cared_for_children',
        children.map((c) => ({ id: c.id, childId: c.id })),
      );
      return children;
    });
  }

  /** The child, if the caller may report them missing: carers only the children they look after. */
  async reportable(ctx: RequestContext, childId: string): Promise<Child> {
    // The same rule as the API's report: another carer's child is refused, not offered.
    await this.db.transaction(async (tx) =>
      this.access.require(tx, ctx, (await this.children.require(tx, ctx, childId)).id, 'episodes.report'),
    );
    if (ctx.actor.role !== 'carer') return this.children.get(ctx, childId);
    const child = (await this.list(ctx)).find((c) => c.id === childId);
    if (!child) throw new NotFound('No child with that id was found.');
    return child;
  }
}
