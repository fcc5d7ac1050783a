// Trafficking assessments of a child: list (audited, newest first) and record. Assessments are
// not edited: a new assessment is recorded instead, so the history shows how the picture changed.
import type { ChildScope } from '../children/child-scope';
import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { checkDates, today } from '../platform/dates';
import { invalidFields } from '../platform/errors';
import type { TraffickingAssessment } from './trafficking-assessment.entity';
import { TraffickingAssessmentsRepository } from './trafficking-assessments.repository';
import type { AssessmentOutcome, TraffickingIndicator } from './trafficking-indicators';

export interface AssessmentInput {
  indicators: TraffickingIndicator[];
  outcome: AssessmentOutcome;
  assessor: string;
  assessedOn: string;
  notes: string | null;
}

export class TraffickingAssessmentsService {
  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly scope: ChildScope,
    private readonly repo = new TraffickingAssessmentsRepository(),
  ) {}

  async listForChild(ctx: RequestContext, childId: string): Promise<TraffickingAssessment[]> {
    return this.scope.read(ctx, childId, 'trafficking_assessment', (tx) =>
      this.repo.forChild(tx, ctx.actor.authorityId, childId),
    );
  }

  async record(
    ctx: RequestContext,
    childId: string,
    input: AssessmentInput,
    outer?: Tx,
  ): Promise<TraffickingAssessment> {
    checkDates([
      {
        field: 'assessedOn',
        value: input.assessedOn,
        max: today(this.clock),
        message: 'assessedOn cannot be in the future',
      },
    ]);
    if (input.outcome === 'no_indicators' && input.indicators.length) {
      throw invalidFields([
        {
          field: 'outcome',
          message: 'outcome cannot be no_indicators when indicators are ticked: untick them or choose another outcome',
        },
      ]);
    }
    return this.scope.run(
      ctx,
      childId,
      async (tx) => {
        const assessment = await this.repo.insert(tx, {
          ...input,
          authorityId: ctx.actor.authorityId,
          childId,
          createdAt: this.clock.now(),
        });
        await this.audit.record(tx, ctx, {
          action: 'create',
          entityType: 'trafficking_assessment',
          entityId: assessment.id,
          childId,
        });
        return assessment;
      },
      outer,
    );
  }
}
