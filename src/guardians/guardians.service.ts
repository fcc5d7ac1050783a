// Guardians of a child: list (audited), add and change. An end date cannot come before the
// guardian was referred or allocated.
import type { DataSource } from 'typeorm';

import type { ChildScope } from '../children/child-scope';
import { AuditService, changedFields } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { checkDates } from '../platform/dates';
import { Invalid, NotFound } from '../platform/errors';
import { Guardian, GuardianKind } from './guardian.entity';
import { GuardiansRepository } from './guardians.repository';

export interface GuardianInput {
  kind: GuardianKind;
  name: string;
  organisation?: string | null;
  mobile?: string | null;
  email?: string | null;
  referredOn?: string | null;
  allocatedOn?: string | null;
  endedOn?: string | null;
  userId?: string | null;
}

export class GuardiansService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly scope: ChildScope,
    readonly repo = new GuardiansRepository(),
  ) {}

  /** The children the signed-in guardian guards now, by reference (their landing page), audited as shown. */
  async childrenGuardedBy(ctx: RequestContext): Promise<{ childId: string; reference: string }[]> {
    const children = await this.repo.guardedBy(this.db.manager, ctx.actor.authorityId, ctx.actor.userId);
    await this.audit.recordShown(
      null,
      ctx,
      'guarded_children',
      children.map((c) => ({ id: c.childId, childId: c.childId })),
    );
    return children;
  }

  async listForChild(ctx: RequestContext, childId: string): Promise<Guardian[]> {
    return this.scope.read(ctx, childId, 'guardian', (tx) => this.repo.forChild(tx, ctx.actor.authorityId, childId));
  }

  async add(ctx: RequestContext, childId: string, input: GuardianInput, outer?: Tx): Promise<Guardian> {
    checkOrder(input);
    return this.scope.run(
      ctx,
      childId,
      async (tx) => {
        await this.checkUser(tx, ctx.actor.authorityId, input.userId);
        const now = this.clock.now();
        const guardian = await this.repo.insert(tx, {
          ...input,
          authorityId: ctx.actor.authorityId,
          childId,
          createdAt: now,
          updatedAt: now,
        });
        await this.audit.record(tx, ctx, { action: 'create', entityType: 'guardian', entityId: guardian.id, childId });
        return guardian;
      },
      outer,
    );
  }

  /** One guardian of the caller's authority (for its edit page); the read is audited. */
  async get(ctx: RequestContext, id: string): Promise<Guardian> {
    return this.db.transaction(async (tx) => {
      const found = await this.repo.findById(tx, ctx.actor.authorityId, id);
      if (!found) throw new NotFound('No guardian with that id was found.');
      await this.audit.record(tx, ctx, {
        action: 'read',
        entityType: 'guardian',
        entityId: id,
        childId: found.childId,
      });
      return found;
    });
  }

  async change(ctx: RequestContext, id: string, changes: Partial<GuardianInput>): Promise<Guardian> {
    return this.db.transaction(async (tx) => {
      const guardian = await this.repo.findById(tx, ctx.actor.authorityId, id);
      if (!guardian) throw new NotFound('No guardian with that id was found.');
      checkOrder({ ...guardian, ...changes });
      if (changes.userId !== guardian.userId) await this.checkUser(tx, ctx.actor.authorityId, changes.userId);
      const diff = changedFields(guardian, changes);
      const saved = await this.repo.update(tx, guardian, { ...changes, updatedAt: this.clock.now() });
      await this.audit.record(tx, ctx, {
        action: 'update',
        entityType: 'guardian',
        entityId: id,
        childId: guardian.childId,
        changes: diff,
      });
      return saved;
    });
  }

  /**
   * A linked account must be a guardian user of this authority; another authority's id reads as one that does not
   * exist.
   */
  private async checkUser(tx: Tx, authorityId: string, userId: string | null | undefined): Promise<void> {
    if (!userId || (await this.repo.isGuardianUser(tx, authorityId, userId))) return;
    const message = 'userId is not a guardian user in your authority';
    throw new Invalid(`${message}.`, { errors: [{ field: 'userId', message }] });
  }
}

function checkOrder(g: Partial<GuardianInput>): void {
  checkDates([
    {
      field: 'allocatedOn',
      value: g.allocatedOn,
      min: g.referredOn,
      message: 'allocatedOn cannot be before the guardian was referred (referredOn)',
    },
    {
      field: 'endedOn',
      value: g.endedOn,
      min: g.allocatedOn ?? g.referredOn,
      message: 'endedOn cannot be before the guardian was referred or allocated',
    },
  ]);
}
