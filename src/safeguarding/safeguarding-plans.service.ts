// Safeguarding plans: every save is a new version (history is never rewritten); the newest is in
// force. dueForReview feeds the dashboard and the operational group's agenda.
import type { DataSource } from 'typeorm';

import type { ChildScope } from '../children/child-scope';
import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { addDays, checkDates, today } from '../platform/dates';
import { NotFound } from '../platform/errors';
import type { BedCheckSchedule, PlanMeasure, RiskOfMissing } from './plan-measures';
import { SafeguardingPlan } from './safeguarding-plan.entity';
import { SafeguardingPlansRepository } from './safeguarding-plans.repository';

export interface PlanInput {
  riskOfMissing: RiskOfMissing;
  measures: PlanMeasure[];
  agenciesToNotify: string[];
  agreedBy: string;
  agreedOn: string;
  reviewOn: string;
  notes?: string | null;
  /** Replaces the schedule of the version before; absent or null: no bed checks. */
  bedChecks?: BedCheckSchedule | null;
}

export class SafeguardingPlansService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly scope: ChildScope,
    readonly repo = new SafeguardingPlansRepository(),
  ) {}

  /** Every version, newest first (audited). */
  async history(ctx: RequestContext, childId: string): Promise<SafeguardingPlan[]> {
    return this.scope.read(ctx, childId, 'safeguarding_plan', (tx) =>
      this.repo.history(tx, ctx.actor.authorityId, childId),
    );
  }

  async current(ctx: RequestContext, childId: string): Promise<SafeguardingPlan> {
    const plan = await this.scope.read(ctx, childId, 'safeguarding_plan', (tx) =>
      this.repo.current(tx, ctx.actor.authorityId, childId),
    );
    if (!plan) throw new NotFound('This child has no safeguarding plan yet.');
    return plan;
  }

  /** Saves a new version n+1; earlier versions stay as they were. */
  async create(ctx: RequestContext, childId: string, input: PlanInput, outer?: Tx): Promise<SafeguardingPlan> {
    checkDates([
      {
        field: 'reviewOn',
        value: input.reviewOn,
        min: addDays(input.agreedOn, 1),
        message: 'reviewOn must be after the date the plan was agreed (agreedOn)',
      },
    ]);
    return this.scope.run(
      ctx,
      childId,
      async (tx) => {
        const version = await this.repo.nextVersion(tx, ctx.actor.authorityId, childId);
        const plan = await this.repo.insert(tx, {
          ...input,
          notes: input.notes || null,
          bedChecks: input.bedChecks ?? null,
          authorityId: ctx.actor.authorityId,
          childId,
          version,
          createdBy: ctx.actor.userId,
          createdAt: this.clock.now(),
        });
        await this.audit.record(tx, ctx, {
          action: 'create',
          entityType: 'safeguarding_plan',
          entityId: plan.id,
          childId,
          changes: { version },
        });
        return plan;
      },
      outer,
    );
  }

  /** Plans in force due for review on or before the date (YYYY-MM-DD; default today), earliest first. */
  async dueForReview(authorityId: string, onOrBefore: string = today(this.clock)): Promise<SafeguardingPlan[]> {
    return this.repo.dueForReview(this.db.manager, authorityId, onOrBefore);
  }
}
