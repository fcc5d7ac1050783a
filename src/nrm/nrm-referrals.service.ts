// NRM referrals of a child: list (audited), refer, and record decisions. decisionsDue feeds the
// operational group's agenda.
import type { DataSource } from 'typeorm';

import type { ChildScope } from '../children/child-scope';
import { AuditService, changedFields } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { today } from '../platform/dates';
import { invalidFields, NotFound } from '../platform/errors';
import { cgEarliestOn, DecisionMaker, NrmDecision, rgDueOn } from './nrm-deadlines';
import { NrmReferral } from './nrm-referral.entity';
import { NrmReferralsRepository } from './nrm-referrals.repository';
import { referralProblems } from './nrm-rules';

export interface ReferralInput {
  referredOn: string;
  firstResponder: string;
  reference?: string | null;
  decisionMaker: DecisionMaker;
  rgDecision?: NrmDecision;
  rgDecidedOn?: string | null;
  cgDecision?: NrmDecision;
  cgDecidedOn?: string | null;
}

export interface DecisionDue {
  referral: NrmReferral;
  decision: 'reasonable_grounds' | 'conclusive_grounds';
  /** RG: the deadline. CG: the earliest date the decision may be made. */
  dueOn: string;
  overdue: boolean;
}

export class NrmReferralsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly scope: ChildScope,
    readonly repo = new NrmReferralsRepository(),
  ) {}

  async listForChild(ctx: RequestContext, childId: string): Promise<NrmReferral[]> {
    return this.scope.read(ctx, childId, 'nrm_referral', (tx) =>
      this.repo.forChild(tx, ctx.actor.authorityId, childId),
    );
  }

  async refer(ctx: RequestContext, childId: string, input: ReferralInput, outer?: Tx): Promise<NrmReferral> {
    const referral = {
      rgDecision: 'pending' as const,
      rgDecidedOn: null,
      cgDecision: 'pending' as const,
      cgDecidedOn: null,
      reference: null,
      ...input,
    };
    this.check(referral);
    return this.scope.run(
      ctx,
      childId,
      async (tx) => {
        const now = this.clock.now();
        const saved = await this.repo.save(tx, {
          ...referral,
          authorityId: ctx.actor.authorityId,
          childId,
          rgDueOn: rgDueOn(input.referredOn, input.decisionMaker),
          createdAt: now,
          updatedAt: now,
        });
        await this.audit.record(tx, ctx, { action: 'create', entityType: 'nrm_referral', entityId: saved.id, childId });
        return saved;
      },
      outer,
    );
  }

  /** One NRM referral of the caller's authority (for its edit page); the read is audited. */
  async get(ctx: RequestContext, id: string): Promise<NrmReferral> {
    return this.db.transaction(async (tx) => {
      const found = await this.repo.findById(tx, ctx.actor.authorityId, id);
      if (!found) throw new NotFound('No NRM referral with that id was found.');
      await this.audit.record(tx, ctx, {
        action: 'read',
        entityType: 'nrm_referral',
        entityId: id,
        childId: found.childId,
      });
      return found;
    });
  }

  async change(ctx: RequestContext, id: string, changes: Partial<ReferralInput>): Promise<NrmReferral> {
    return this.db.transaction(async (tx) => {
      const referral = await this.repo.findById(tx, ctx.actor.authorityId, id);
      if (!referral) throw new NotFound('No NRM referral with that id was found.');
      const merged = { ...referral, ...changes };
      this.check(merged);
      const diff = changedFields(referral, changes);
      const saved = await this.repo.save(tx, {
        ...merged,
        rgDueOn: rgDueOn(merged.referredOn, merged.decisionMaker),
        updatedAt: this.clock.now(),
      });
      await this.audit.record(tx, ctx, {
        action: 'update',
        entityType: 'nrm_referral',
        entityId: id,
        childId: referral.childId,
        changes: diff,
      });
      return saved;
    });
  }

  /**
   * Decisions the operational group should expect between `from` and `to` (YYYY-MM-DD): pending RG
   * decisions due by `to` (those already due before `from` are included and flagged overdue), and
   * pending CG decisions whose earliest date falls in the range. Earliest first.
   */
  async decisionsDue(authorityId: string, from: string, to: string): Promise<DecisionDue[]> {
    const referrals = await this.repo.pendingDecisions(this.db.manager, authorityId, from, to);
    return referrals
      .map((referral): DecisionDue =>
        referral.rgDecision === 'pending'
          ? { referral, decision: 'reasonable_grounds', dueOn: referral.rgDueOn, overdue: referral.rgDueOn < from }
          : { referral, decision: 'conclusive_grounds', dueOn: cgEarliestOn(referral.rgDecidedOn)!, overdue: false },
      )
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  }

  private check(referral: Parameters<typeof referralProblems>[0]): void {
    const problems = referralProblems(referral, today(this.clock));
    if (problems.length) throw invalidFields(problems);
  }
}
