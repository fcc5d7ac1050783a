// What the dashboard shows one person, gathered from the services the API uses, each call scoped
// to the caller and audited there: missing now (with who was alerted), return interviews awaited,
// plans due for review, failed messages and steps that reached nobody, and for a carer the children they look after.
import type { MissedCheck } from '../bed-checks/bed-checks.repository';
import type { BedChecksService } from '../bed-checks/bed-checks.service';
import type { TodaysCheck } from '../bed-checks/todays-checks';
import type { Child } from '../children/child.entity';
import type { ChildrenService } from '../children/children.service';
import type { EscalationService } from '../escalation/escalation.service';
import type { UnreachedStep } from '../escalation/escalation-gaps.repository';
import type { GuardiansService } from '../guardians/guardians.service';
import type { EpisodePageService } from '../missing/episode-page.service';
import type { MissingEpisode } from '../missing/missing-episode.entity';
import type { MissingEpisodesService } from '../missing/missing-episodes.service';
import type { NotificationsService, NotificationWithHistory } from '../notifications/notifications.service';
import type { GroupAction } from '../operational-group/meeting-record.entity';
import type { GroupMeeting } from '../operational-group/operational-group.entity';
import type { OperationalGroupService } from '../operational-group/operational-group.service';
import type { RequestContext } from '../platform/auth/actor';
import { can } from '../platform/auth/permissions';
import type { Clock } from '../platform/clock';
import { NotFound } from '../platform/errors';
import type { SafeguardingPlan } from '../safeguarding/safeguarding-plan.entity';
import type { SafeguardingPlansService } from '../safeguarding/safeguarding-plans.service';
import type { CaredForChildren } from './cared-for-children.service';

export interface DashboardSources {
  children: ChildrenService;
  missingEpisodes: MissingEpisodesService;
  notifications: NotificationsService;
  safeguardingPlans: SafeguardingPlansService;
  caredFor: CaredForChildren;
  operationalGroup: OperationalGroupService;
  escalation: Pick<EscalationService, 'unreachedSteps'>;
  bedChecks: Pick<BedChecksService, 'missedToday' | 'today'>;
  acknowledgements: Pick<EpisodePageService, 'acknowledgeableBy'>;
  guardians: Pick<GuardiansService, 'childrenGuardedBy'>;
}
export interface EpisodeOnDashboard {
  episode: MissingEpisode;
  child: Child | null;
  alerts: NotificationWithHistory[] | null;
  /** Steps whose alert waits for this person to acknowledge it (police, CEOP, guardians, managers). */
  acknowledge?: string[];
}
/** A child on a carer's or guardian's landing page, with the episode she is missing in now, if any. */
export interface ChildOnDashboard {
  childId: string;
  reference: string;
  name: string | null;
  missing: MissingEpisode | null;
}
export interface Dashboard {
  now: Date;
  missingNow: EpisodeOnDashboard[];
  awaitingReturnInterview: EpisodeOnDashboard[];
  plansDue: { plan: SafeguardingPlan; child: Child | null }[] | null;
  failed: NotificationWithHistory[] | null;
  /** Escalation steps of open episodes that had nobody to send to: failures, shown beside failed messages. */
  unreachedSteps: UnreachedStep[] | null;
  overdueActions: GroupAction[] | null;
  /** Bed checks in the last day that went unanswered for 30 minutes (the duty manager was asked to phone). */
  missedBedChecks: { check: MissedCheck; child: Child | null }[] | null;
  /** Today's bed checks (done, missed, due) of each child with some: the carer's own children, or the authority's. */
  bedChecksToday: { child: Child | null; checks: TodaysCheck[] }[];
  caredFor: ChildOnDashboard[] | null;
  /** A guardian's children. */
  guarded: ChildOnDashboard[] | null;
  /** A group member's next meeting (its pack) and the open actions they own. */
  group: { next: GroupMeeting | null; myActions: GroupAction[] } | null;
  /** Police, CEOP and guardians see only the episodes alerted to them. */
  alertedOnly: boolean;
  /** Whether the person may open an episode's page (the administrator sees the authority, not the records). */
  mayOpenEpisodes: boolean;
}

const stillMissing = ['reported', 'police_informed'];
const awaitingInterview = ['returned', 'return_interview_due'];

export class DashboardService {
  constructor(
    private readonly s: DashboardSources,
    private readonly clock: Clock,
  ) {}

  async forActor(ctx: RequestContext): Promise<Dashboard> {
    const { role } = ctx.actor;
    const now = this.clock.now();
    const caredForChildren = role === 'carer' ? await this.s.caredFor.list(ctx) : null;
    const caredFor = caredForChildren && (await this.withMissingNow(ctx, caredForChildren));
    const episodes =
      can(role, 'episodes.read') || can(role, 'episodes.overview')
        ? (await this.s.missingEpisodes.list(ctx, { open: true, limit: 200, offset: 0 })).items
        : [];
    const plans = can(role, 'children.read')
      ? await this.s.safeguardingPlans.dueForReview(ctx.actor.authorityId)
      : null;
    const missedChecks = can(role, 'children.read') ? await this.s.bedChecks.missedToday(ctx.actor.authorityId) : null;
    const todaysChecks = caredForChildren
      ? await this.s.bedChecks.today(
          ctx.actor.authorityId,
          caredForChildren.map((c) => c.id),
        )
      : can(role, 'children.read')
        ? await this.s.bedChecks.today(ctx.actor.authorityId, null)
        : [];
    const children = can(role, 'children.read')
      ? await this.childrenById(ctx, [
          ...episodes.map((e) => e.childId),
          ...(plans ?? []).map((p) => p.childId),
          ...(missedChecks ?? []).map((c) => c.childId),
          ...todaysChecks.map((c) => c.childId),
        ])
      : new Map<string, Child>(caredForChildren?.map((c) => [c.id, c]));
    const withDetail = async (e: MissingEpisode): Promise<EpisodeOnDashboard> => ({
      episode: e,
      child: children.get(e.childId) ?? null,
      alerts: can(role, 'notifications.read') ? await this.s.notifications.listForEpisode(ctx, e.id) : null,
      acknowledge: await this.s.acknowledgements.acknowledgeableBy(ctx, e.id),
    });
    const missingNow: EpisodeOnDashboard[] = [];
    for (const e of episodes.filter((x) => stillMissing.includes(x.state))) missingNow.push(await withDetail(e));
    missingNow.sort((a, b) => a.episode.discoveredAt.getTime() - b.episode.discoveredAt.getTime());
    const awaitingReturnInterview = episodes
      .filter((x) => awaitingInterview.includes(x.state))
      .map((episode) => ({ episode, child: children.get(episode.childId) ?? null, alerts: null }));
    const plansDue = plans && plans.map((plan) => ({ plan, child: children.get(plan.childId) ?? null }));
    const failed = can(role, 'notifications.read') ? await this.s.notifications.listFailed(ctx, 20, 0) : null;
    const unreachedSteps = can(role, 'notifications.read') ? await this.s.escalation.unreachedSteps(ctx) : null;
    const overdueActions = can(role, 'group.read') ? await this.overdueActions(ctx) : null;
    const missedBedChecks =
      missedChecks && missedChecks.map((check) => ({ check, child: children.get(check.childId) ?? null }));
    const bedChecksToday = [...new Set(todaysChecks.map((c) => c.childId))].map((id) => ({
      child: children.get(id) ?? null,
      checks: todaysChecks.filter((c) => c.childId === id),
    }));
    return {
      now,
      missingNow,
      awaitingReturnInterview,
      plansDue,
      failed,
      unreachedSteps,
      overdueActions,
      missedBedChecks,
      bedChecksToday,
      caredFor,
      guarded: role === 'guardian' ? await this.guarded(ctx, episodes) : null,
      group: role === 'group_member' ? await this.groupWork(ctx) : null,
      alertedOnly: ['police', 'ceop', 'guardian'].includes(role),
      mayOpenEpisodes: can(role, 'episodes.read'),
    };
  }

  /** A carer's children, each with the episode she is missing in now: a missing child is not offered "report". */
  private async withMissingNow(ctx: RequestContext, children: Child[]): Promise<ChildOnDashboard[]> {
    const out: ChildOnDashboard[] = [];
    for (const c of children)
      out.push({
        childId: c.id,
        reference: c.reference,
        name: `${c.firstNames} ${c.lastName}`,
        missing: await this.s.missingEpisodes.missingNow(ctx, c.id),
      });
    return out;
  }

  /** A guardian's children by reference, each missing or not (from the episodes alerted to the guardian). */
  private async guarded(ctx: RequestContext, episodes: MissingEpisode[]): Promise<ChildOnDashboard[]> {
    return (await this.s.guardians.childrenGuardedBy(ctx)).map((c) => ({
      ...c,
      name: null,
      missing: episodes.find((e) => e.childId === c.childId && stillMissing.includes(e.state)) ?? null,
    }));
  }

  /** The group's next meeting (and so its pack) and the open actions this member owns. */
  private async groupWork(ctx: RequestContext) {
    const group = this.s.operationalGroup;
    // An authority that has not set up its group yet has no meeting and no actions.
    const none = (err: Error) => {
      if (err instanceof NotFound) return null;
      throw err;
    };
    const next = await group.nextMeeting(ctx).catch(none);
    if (!next && !(await group.getGroup(ctx).catch(none))) return { next: null, myActions: [] };
    const mine = new Set(
      (await group.getGroup(ctx)).members.filter((m) => m.userId === ctx.actor.userId).map((m) => m.id),
    );
    const actions = await group.listActions(ctx, { open: true });
    return { next, myActions: actions.filter((a) => a.ownerMemberId && mine.has(a.ownerMemberId)) };
  }

  /** The operational group's open actions whose due date has passed (in England). */
  private async overdueActions(ctx: RequestContext): Promise<GroupAction[]> {
    const today = this.s.operationalGroup.today();
    return (await this.s.operationalGroup.listActions(ctx, { open: true })).filter((a) => a.dueOn < today);
  }

  /** Each child named on the dashboard, read (and so audited) once. */
  private async childrenById(ctx: RequestContext, ids: string[]): Promise<Map<string, Child>> {
    const children = new Map<string, Child>();
    for (const id of new Set(ids)) children.set(id, await this.s.children.get(ctx, id));
    return children;
  }
}
