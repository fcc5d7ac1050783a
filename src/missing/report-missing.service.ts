// Opening a missing episode, from the web/API or from a carer's text. The episode copies the
// escalation policy in force, works out whether the child is high risk from the first minute,
// and runs the ladder in the same transaction, so the police alert is in the outbox on commit.
// An episode entered with its return is recorded and sends nothing (past-entry.ts). A report never
// closes the child's earlier episode: what that one owes (its return interview) stays due.
// A carer's text is the 3 a.m. path, so it reads everything it needs in a few round trips.
import type { DataSource } from 'typeorm';

import type { Child } from '../children/child.entity';
import { ChildAccess } from '../children/child-access.service';
import type { ChildrenService } from '../children/children.service';
import { isNewPlacement } from '../escalation/due-steps';
import type { EscalationService } from '../escalation/escalation.service';
import type { EscalationPoliciesService } from '../escalation/escalation-policies.service';
import { snapshotOf } from '../escalation/escalation-policies.service';
import type { PolicySnapshot } from '../escalation/escalation-policy';
import type { EscalationPolicy } from '../escalation/escalation-policy.entity';
import type { PlacementsRepository } from '../placements/placements.repository';
import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import { inTransaction, type Tx } from '../platform/database/transaction';
import { checkEventTimes } from '../platform/dates';
import { Conflict, Forbidden, Invalid, NotFound } from '../platform/errors';
import { addToTimeline } from './episode-events.repository';
import { newEpisodeReference } from './episode-reference';
import { MissingEpisode } from './missing-episode.entity';
import { MissingEpisodesRepository } from './missing-episodes.repository';
import { entryKind, overlapRefusal } from './past-entry';
import { lockChild, LockedChild, ReportContext, reportContext } from './report-context.repository';
import { reportedLine, returnedAfterTheFactLine } from './timeline-lines';

export interface LastSeen {
  at?: Date;
  where?: string;
  by?: string;
  clothing?: string;
}
export interface ReportInput {
  kind: 'M' | 'A';
  discoveredAt: Date;
  lastSeen?: LastSeen;
  reportedVia: 'sms' | 'web' | 'phone';
  /** Who made the report, when someone reports on another's behalf (e.g. a carer's phone call). */
  reportedBy?: string;
  /** Recorded reason for not telling parents with PR. */
  suppressParentNotice?: string;
  /** Given at entry: the episode is over and is recorded after the fact, without alerts. */
  returnedAt?: Date;
  returnedWhere?: string;
  returnedBy?: string;
  /** Confirms that a child found missing more than a week ago is still missing. */
  stillMissing?: boolean;
}
interface Reporter {
  userId: string | null;
  name: string;
  mobile: string | null;
  ctx: RequestContext | null;
}
const DAY = 86_400_000;

export class ReportMissingService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly children: ChildrenService,
    private readonly policies: EscalationPoliciesService,
    private readonly escalation: EscalationService,
    private readonly timeZone: string,
    private readonly repo = new MissingEpisodesRepository(),
    private readonly access = new ChildAccess(),
  ) {}

  async report(ctx: RequestContext, childId: string, input: ReportInput): Promise<MissingEpisode> {
    return this.db.transaction(async (tx) => {
      const child = await this.children.require(tx, ctx, childId);
      // A carer reports only a child placed with them, through the API as on the page.
      await this.access.require(tx, ctx, child.id, 'episodes.report');
      const locked = await lockChild(tx, child.id);
      const context = await reportContext(tx, locked!, null);
      const episode = await this.open(tx, locked!, context, input, {
        userId: ctx.actor.userId,
        name: input.reportedBy ?? ctx.actor.name,
        mobile: null,
        ctx,
      });
      return this.repo.reload(tx, episode.id);
    });
  }

  /**
   * For the SMS channel: a registered carer of the child's current placement texted MISSING. Given a
   * transaction, the episode and its alerts commit with the record of the text. Returns the episode
   * as opened (what the ladder then changed on it, such as who may see it, is not read back).
   */
  async reportMissingBySms(childId: string, carerMobile: string, at: Date, outer?: Tx): Promise<MissingEpisode> {
    return inTransaction(this.db, outer, async (tx) => {
      const child = await lockChild(tx, childId);
      if (!child) throw new NotFound('No child with that id was found.');
      const context = await reportContext(tx, child, carerMobile);
      const carerName = context.placement?.carerName;
      if (!carerName) throw notTheirCarer();
      const episode = await this.open(
        tx,
        child,
        context,
        { kind: 'M', discoveredAt: at, reportedVia: 'sms' },
        { userId: null, name: carerName, mobile: carerMobile, ctx: null },
      );
      return Object.assign(episode, { childReference: child.reference });
    });
  }

  /** Opens the episode and runs the ladder; the child's row is locked and the context read after the lock. */
  private async open(
    tx: Tx,
    child: LockedChild,
    context: ReportContext,
    input: ReportInput,
    by: Reporter,
  ): Promise<MissingEpisode> {
    const now = this.clock.now();
    // Times that cannot be (the future, before birth) first: a typing slip, before any question about the past.
    checkEventTimes(now, child.dateOfBirth, [
      { field: 'discoveredAt', at: input.discoveredAt },
      { field: 'lastSeen.at', at: input.lastSeen?.at },
      { field: 'returnedAt', at: input.returnedAt },
    ]);
    const kind = entryKind(input, now);
    const recorded = kind === 'recorded';
    // A past episode of a child who has since left care can still be recorded; nothing new opens after care ends.
    if (child.careEndedAt && !(recorded && input.discoveredAt < child.careEndedAt)) {
      throw new Conflict('This child has left care, so a missing episode cannot be opened.');
    }
    if (input.lastSeen?.at && input.lastSeen.at > input.discoveredAt)
      throw new Invalid('lastSeen.at cannot be after discoveredAt.');
    const missingNow = context.episodes.find((e) => !e.closedAt && !e.returnedAt);
    if (missingNow && !recorded) {
      throw new Conflict(
        `This child is already reported missing in episode ${missingNow.reference}. Add updates to that episode instead.`,
        { episodeId: missingNow.id, episodeReference: missingNow.reference },
      );
    }
    const overlap = overlapRefusal(context.episodes, input.discoveredAt, input.returnedAt ?? null, this.timeZone);
    if (overlap) throw new Conflict(overlap);
    const { placement } = context;
    const policy = context.policy ?? snapshotWithId(await this.policies.inForce(tx, child.authorityId));
    const trafficked = child.traffickingStatus === 'suspected' || child.traffickingStatus === 'confirmed';
    const newPlacement = isNewPlacement(
      { placementStartedAt: placement?.startedAt ?? null, discoveredAt: input.discoveredAt },
      policy.settings.newPlacementDays,
    );
    const since = new Date(input.discoveredAt.getTime() - policy.settings.repeatWindowDays * DAY);
    const { id: policyId, ...policySnapshot } = policy;
    const values: Partial<MissingEpisode> = {
      authorityId: child.authorityId,
      childId: child.id,
      placementId: placement?.id ?? null,
      kind: input.kind,
      state: recorded ? 'returned' : 'reported',
      discoveredAt: input.discoveredAt,
      lastSeenAt: input.lastSeen?.at ?? null,
      lastSeenWhere: input.lastSeen?.where ?? null,
      lastSeenBy: input.lastSeen?.by ?? null,
      lastSeenClothing: input.lastSeen?.clothing ?? null,
      reportedAt: now,
      reportedVia: input.reportedVia,
      reportedByUserId: by.userId,
      reportedByName: by.name,
      reportedByMobile: by.mobile,
      highRiskFromStart: trafficked || newPlacement,
      traffickingStatus: child.traffickingStatus,
      placementStartedAt: placement?.startedAt ?? null,
      repeatCount:
        1 + context.episodes.filter((e) => e.discoveredAt >= since && e.discoveredAt <= input.discoveredAt).length,
      parentNoticeSuppressedReason: input.suppressParentNotice ?? null,
      returnedAt: input.returnedAt ?? null,
      returnedWhere: input.returnedWhere ?? null,
      returnedBy: input.returnedBy ?? null,
      returnInterviewDeclined: false,
      returnInterviewAttempts: 0,
      policyId,
      visibleToRoles: [],
      createdAt: now,
      updatedAt: now,
    };
    // The version's id is the episode's copy of it; the document is attached for the ladder's first run.
    const episode = Object.assign(await this.insertWithFreeReference(tx, values), { policy: policySnapshot });
    await addToTimeline(tx, episode, now, {
      type: 'reported',
      actorUserId: by.userId,
      actorName: by.name,
      ...reportedLine({
        kind: input.kind,
        by: by.name,
        via: input.reportedVia,
        trafficking: trafficked ? child.traffickingStatus : null,
        newPlacementDays: newPlacement ? policy.settings.newPlacementDays : null,
        policyVersion: policy.version,
        recorded,
      }),
    });
    if (recorded) {
      await addToTimeline(tx, episode, now, {
        type: 'returned',
        actorUserId: by.userId,
        actorName: by.name,
        data: { returnedAt: input.returnedAt!.toISOString() },
        ...returnedAfterTheFactLine(input.returnedWhere, input.returnedBy),
      });
    }
    await this.audit.record(tx, by.ctx, {
      action: 'create',
      entityType: 'missing_episode',
      entityId: episode.id,
      childId: child.id,
      authorityId: child.authorityId,
      changes: by.ctx ? null : { via: 'sms', placementId: placement?.id ?? null },
    });
    await this.escalation.process(tx, episode, { opened: true, child: child.ladder, recordOnly: recorded });
    return episode;
  }

  /**
   * A short random reference, unique in the authority: a taken one is skipped by the insert itself and another drawn.
   */
  private async insertWithFreeReference(tx: Tx, values: Partial<MissingEpisode>): Promise<MissingEpisode> {
    for (let attempt = 0; attempt < 60; attempt++) {
      const reference = newEpisodeReference(attempt < 40 ? 4 : 5);
      const episode = await this.repo.insertUnlessReferenceTaken(tx, { ...values, reference });
      if (episode) return episode;
    }
    throw new Conflict('Could not allocate a free episode reference; please try again.');
  }
}

const notTheirCarer = () =>
  new Forbidden("That number is not registered to a carer of this child's current placement.");

function snapshotWithId(policy: EscalationPolicy): PolicySnapshot & { id: string } {
  return { id: policy.id, ...snapshotOf(policy) };
}

/** The registered carer of the child's current placement with this mobile, or Forbidden. */
export async function carerOf(tx: Tx, placements: PlacementsRepository, child: Child, mobile: string) {
  const placement = await placements.current(tx, child.authorityId, child.id);
  const carer = placement?.carers?.find((c) => c.mobile === mobile);
  if (!carer) throw notTheirCarer();
  return carer;
}
