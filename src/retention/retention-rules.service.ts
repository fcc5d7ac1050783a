// The retention rules an authority works to: read by anyone who reviews records, changed only by the
// data protection officer, with a reason, audited.
import type { DataSource } from 'typeorm';

import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { invalidFields, NotFound } from '../platform/errors';
import type { RetentionRule, RuleChange } from './retention-rule';
import { RetentionRulesRepository } from './retention-rules.repository';

export class RetentionRulesService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    readonly repo = new RetentionRulesRepository(),
  ) {}

  async list(ctx: RequestContext): Promise<RetentionRule[]> {
    return this.forAuthority(this.db.manager, ctx.actor.authorityId);
  }

  async forAuthority(tx: Tx, authorityId: string): Promise<RetentionRule[]> {
    return this.repo.effective(tx, authorityId);
  }

  async change(ctx: RequestContext, change: RuleChange): Promise<RetentionRule> {
    return this.db.transaction(async (tx) => {
      const rules = await this.repo.effective(tx, ctx.actor.authorityId);
      const rule = rules.find((r) => r.kind === change.kind);
      if (!rule) throw new NotFound('There is no retention rule of that kind.');
      if (change.automatic && rule.action !== 'shorten')
        throw invalidFields([
          { field: 'automatic', message: 'only a rule that removes message bodies can act without two people' },
        ]);
      const next: RetentionRule = {
        ...rule,
        keepYears: change.keepYears ?? rule.keepYears,
        automatic: change.automatic ?? rule.automatic,
        inquiryHold: change.inquiryHold ?? rule.inquiryHold,
        changeReason: change.reason,
        local: true,
        updatedAt: this.clock.now(),
      };
      await this.repo.save(tx, ctx.actor.authorityId, ctx.actor.userId, next, next.updatedAt);
      const fields = (['keepYears', 'automatic', 'inquiryHold'] as const).filter((f) => next[f] !== rule[f]);
      await this.audit.record(tx, ctx, {
        action: 'update',
        entityType: 'retention_rule',
        entityId: null,
        changes: { kind: rule.kind, fields, reason: change.reason },
      });
      return next;
    });
  }
}
