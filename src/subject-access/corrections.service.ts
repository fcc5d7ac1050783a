// Rectification (UK GDPR art. 16): a correction changes the child's record through the children
// service (same checks, same audit line) and, in the same transaction, keeps each changed field's
// value before and after, who changed it and why. The subject access export shows them.
import type { DataSource } from 'typeorm';

import type { Child } from '../children/child.entity';
import type { ChildInput, ChildrenService } from '../children/children.service';
import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import { Correction, CorrectionsRepository } from './corrections.repository';

export class CorrectionsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly children: ChildrenService,
    private readonly repo = new CorrectionsRepository(),
  ) {}

  async correct(ctx: RequestContext, childId: string, changes: ChildInput, reason: string): Promise<Child> {
    return this.children.update(ctx, childId, changes, async (tx, before) => {
      const at = this.clock.now();
      const fields = Object.keys(changes).filter(
        (k) =>
          JSON.stringify(before[k as keyof Child] ?? null) !== JSON.stringify(changes[k as keyof ChildInput] ?? null),
      );
      for (const field of fields)
        await this.repo.insert(
          tx,
          {
            authorityId: ctx.actor.authorityId,
            childId,
            field,
            oldValue: before[field as keyof Child],
            newValue: changes[field as keyof ChildInput],
          },
          reason,
          ctx.actor.userId,
          at,
        );
      await this.audit.record(tx, ctx, {
        action: 'correct',
        entityType: 'child',
        entityId: childId,
        childId,
        changes: { fields, reason },
      });
    });
  }

  async list(ctx: RequestContext, childId: string): Promise<Correction[]> {
    return this.db.transaction(async (tx) => {
      await this.children.require(tx, ctx, childId);
      await this.audit.record(tx, ctx, { action: 'read', entityType: 'child_correction', childId });
      return this.repo.forChild(tx, ctx.actor.authorityId, childId);
    });
  }
}
