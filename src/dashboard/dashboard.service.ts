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
import type { MissingEpisode } from '../missing/missing-episode.entity';
import type { MissingEpisodesService } from '../missing/missing-episodes.service';
import type { NotificationsService, NotificationWithHistory } from '../notifications/notifications.service';
import type { GroupAction } from '../operational-group/meeting-record.entity';
import type { OperationalGroupService } from '../operational-group/operational-group.service';
import type { RequestContext } from '../platform/auth/actor';
import { can } from '../platform/auth/permissions';
import type { Clock } from '../platform/clock';
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
}
export interface EpisodeOnDashboard {
  episode: MissingEpisode;
  child: Child | null;
  alerts: NotificationWithHistory[] | null;
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
  caredFor: Child[] | null;
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
    const caredFor = role === 'carer' ? await this.s.caredFor.list(ctx) : null;
    const episodes = can(role, 'episodes.read')
      ? (await this.s.missingEpisodes.list(ctx, { open: true, limit: 200, offset: 0 })).items
      : [];
    const plans = can(role, 'children.read')
      ? await this.s.safeguardingPlans.dueForReview(ctx.actor.authorityId)
      : null;
    const missedChecks = can(role, 'children.read') ? await this.s.bedChecks.missedToday(ctx.actor.authorityId) : null;
    const todaysChecks = caredFor
      ? await this.s.bedChecks.today(
          ctx.actor.authorityId,
          caredFor.map((c) => c.id),
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
      : new Map<string, Child>(caredFor?.map((c) => [c.id, c]));
    const withDetail = async (e: MissingEpisode): Promise<EpisodeOnDashboard> => ({
      episode: e,
      child: children.get(e.childId) ?? null,
      alerts: can(role, 'notifications.read') ? await this.s.notifications.listForEpisode(ctx, e.id) : null,
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
    };
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
