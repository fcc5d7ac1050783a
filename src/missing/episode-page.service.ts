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
    const pending =
      can(role, 'episodes.acknowledge') && !detail.episode.closedAt
        ? await this.escalation.pendingAcknowledgements(id)
        : [];
    // Only the alerts the API would let this caller acknowledge get a button.
    const pendingAcks = pending.length ? await this.updates.acknowledgeable(ctx, id, pending) : [];
    return { ...detail, child, alerts, pendingAcks, now: this.clock.now() };
  }
}
