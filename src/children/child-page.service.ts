// Everything the child's page shows, read through the services the API uses (each read audited
// there): the child, placements and carers, guardians, plan history and the episodes.
import type { RequestContext } from '../platform/auth/actor';
import type { ChildrenService } from './children.service';
import type { PlacementsService } from '../placements/placements.service';
import type { GuardiansService } from '../guardians/guardians.service';
import type { SafeguardingPlansService } from '../safeguarding/safeguarding-plans.service';
import type { MissingEpisodesService } from '../missing/missing-episodes.service';

export interface ChildPageSources {
  children: ChildrenService; placements: PlacementsService; guardians: GuardiansService;
  safeguardingPlans: SafeguardingPlansService; missingEpisodes: MissingEpisodesService;
}

export class ChildPageService {
  constructor(private readonly s: ChildPageSources) {}

  async get(ctx: RequestContext, id: string) {
    const child = await this.s.children.get(ctx, id);
    return {
      child,
      placements: await this.s.placements.listForChild(ctx, id),
      guardians: await this.s.guardians.listForChild(ctx, id),
      plans: await this.s.safeguardingPlans.history(ctx, id),
      episodes: (await this.s.missingEpisodes.list(ctx, { childId: id, limit: 200, offset: 0 })).items,
    };
  }
}
export type ChildPageData = Awaited<ReturnType<ChildPageService['get']>>;
