// Everything the episode page shows, read through the same services the API uses so each read is
// scoped and audited there: the episode and its steps, its messages, and the child's name.
import type { ChildrenService } from '../children/children.service';
import type { EscalationService } from '../escalation/escalation.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { RequestContext } from '../platform/auth/actor';
import { can } from '../platform/auth/permissions';
import type { Clock } from '../platform/clock';
import type { EpisodePageData } from './episode-page.presenter';
import type { EpisodeUpdatesService } from './episode-updates.service';
import type { MissingEpisodesService } from './missing-episodes.service';

export class EpisodePageService {
  constructor(
    private readonly episodes: MissingEpisodesService,
    private readonly notifications: NotificationsService,
    private readonly children: ChildrenService,
    private readonly escalation: EscalationService,
    private readonly clock: Clock,
    private readonly updates: EpisodeUpdatesService,
  ) {}

  async get(ctx: RequestContext, id: string): Promise<EpisodePageData> {
    const detail = await this.episodes.get(ctx, id);
    const { role } = ctx.actor;
    const child = can(role, 'children.read') ? await this.children.get(ctx, detail.episode.childId) : null;
    const alerts = can(role, 'notifications.read') ? await this.notifications.listForEpisode(ctx, id) : null;
    // Read after the episode service has proved the caller may see this episode.
    const pendingAcks = detail.episode.closedAt ? [] : await this.acknowledgeableBy(ctx, id);
    return { ...detail, child, alerts, pendingAcks, now: this.clock.now() };
  }

  /** Steps of an episode the caller may see whose alert waits for them to acknowledge (a button each). */
  async acknowledgeableBy(ctx: RequestContext, episodeId: string): Promise<string[]> {
    if (!can(ctx.actor.role, 'episodes.acknowledge')) return [];
    const pending = await this.escalation.pendingAcknowledgements(episodeId);
    // Only the alerts the API would let this caller acknowledge get a button.
    return pending.length ? this.updates.acknowledgeable(ctx, episodeId, pending) : [];
  }
}
