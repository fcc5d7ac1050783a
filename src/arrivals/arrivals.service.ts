// A child identified at a port (Operation Newbridge at Gatwick, Paladin at Heathrow): the child, the
// photograph, the placement with its carer, the first protection plan (high risk from the first
// minute, with the proposed bed checks), the trafficking indicators seen, the ICTG and NRM referrals,
// and the notices to the police and the guardian service, all in one transaction through the services
// that own each record: an arrival is recorded whole or not at all.
import type { DataSource } from 'typeorm';

import type { Child } from '../children/child.entity';
import type { ChildrenService } from '../children/children.service';
import type { GuardiansService } from '../guardians/guardians.service';
import type { MissingProfilePhotosService } from '../missing-profiles/missing-profile-photos.service';
import type { CleanPhoto } from '../missing-profiles/photo-image';
import type { NrmReferralsService } from '../nrm/nrm-referrals.service';
import type { PlacementsService } from '../placements/placements.service';
import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { englandDate, today } from '../platform/dates';
import type { SafeguardingPlansService } from '../safeguarding/safeguarding-plans.service';
import type { TraffickingAssessmentsService } from '../trafficking/trafficking-assessments.service';
import type { ArrivalInput } from './arrival-input';
import type { ArrivalNotices } from './arrival-notices';

export interface ArrivalServices {
  children: ChildrenService;
  placements: PlacementsService;
  safeguardingPlans: SafeguardingPlansService;
  guardians: GuardiansService;
  nrmReferrals: NrmReferralsService;
  traffickingAssessments: TraffickingAssessmentsService;
  missingProfilePhotos: MissingProfilePhotosService;
}

export interface RecordedArrival {
  child: Child;
  /** How many messages to the police and the guardian service were queued. */
  messagesQueued: number;
}

export class ArrivalsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly s: ArrivalServices,
    private readonly notices: ArrivalNotices,
  ) {}

  /** `alsoInTransaction` runs last, before the commit (the page deletes the draft the arrival came from). */
  async record(
    ctx: RequestContext,
    input: ArrivalInput,
    photo: CleanPhoto | null = null,
    alsoInTransaction?: (tx: Tx) => Promise<void>,
  ): Promise<RecordedArrival> {
    return this.db.transaction(async (tx) => {
      const child = await this.s.children.create(
        ctx,
        {
          ...input.child,
          arrivalDate: englandDate(input.arrival.arrivedAt),
          arrivalPort: input.arrival.port,
          identifiedBy: input.arrival.identifiedBy,
          careStartedAt: input.arrival.arrivedAt,
        },
        tx,
      );
      const id = child.id;
      if (photo) await this.s.missingProfilePhotos.store(ctx, id, photo, tx);
      await this.s.placements.start(ctx, id, input.placement, tx);
      const on = today(this.clock);
      await this.s.safeguardingPlans.create(
        ctx,
        id,
        {
          // A child arriving at a port is high risk of going missing from the first minute (domain guide).
          riskOfMissing: 'high',
          measures: input.plan.measures,
          agenciesToNotify: [],
          agreedBy: input.plan.agreedBy,
          agreedOn: on,
          reviewOn: input.plan.reviewOn,
          notes: input.plan.notes,
          bedChecks: input.plan.bedChecks,
        },
        tx,
      );
      await this.s.traffickingAssessments.record(
        ctx,
        id,
        {
          indicators: input.indicators.seen,
          // At the port nothing is concluded: indicators seen, or an assessment still to make.
          outcome: input.indicators.seen.length ? 'indicators_present' : 'inconclusive',
          assessor: ctx.actor.name,
          assessedOn: on,
          notes: input.indicators.notes,
        },
        tx,
      );
      const g = input.guardian;
      const guardian = await this.s.guardians.add(
        ctx,
        id,
        {
          kind: 'ictg_direct_worker',
          name: g.name ?? `${g.organisation} (to be allocated)`,
          organisation: g.organisation,
          mobile: g.mobile,
          email: g.email,
          referredOn: g.referredOn,
        },
        tx,
      );
      await this.s.nrmReferrals.refer(ctx, id, { ...input.nrm }, tx);
      const messagesQueued = await this.notices.tell(tx, {
        authorityId: ctx.actor.authorityId,
        childId: id,
        childRef: child.reference,
        port: input.arrival.port,
        arrivedAt: input.arrival.arrivedAt,
        identifiedBy: input.arrival.identifiedBy,
        guardian: { id: guardian.id, name: guardian.name, mobile: guardian.mobile, email: guardian.email },
      });
      await this.audit.record(tx, ctx, {
        action: 'create',
        entityType: 'arrival',
        entityId: id,
        childId: id,
        changes: { port: input.arrival.port, identifiedBy: input.arrival.identifiedBy, messagesQueued },
      });
      await alsoInTransaction?.(tx);
      return { child, messagesQueued };
    });
  }
}
