// Everything the child's page shows, read through the services the API uses (each read audited
// there): the child, placements and carers, guardians, plan history, today's bed checks and the episodes.
import type { BedChecksService } from '../bed-checks/bed-checks.service';
import type { GuardiansService } from '../guardians/guardians.service';
import type { MissingEpisodesService } from '../missing/missing-episodes.service';
import type { MissingProfilePhotosService } from '../missing-profiles/missing-profile-photos.service';
import type { MissingProfilesService } from '../missing-profiles/missing-profiles.service';
import type { NrmReferralsService } from '../nrm/nrm-referrals.service';
import type { Placement } from '../placements/placement.entity';
import type { PlacementsService } from '../placements/placements.service';
import type { RequestContext } from '../platform/auth/actor';
import { can } from '../platform/auth/permissions';
import { NotFound } from '../platform/errors';
import type { SafeguardingPlansService } from '../safeguarding/safeguarding-plans.service';
import type { TraffickingAssessmentsService } from '../trafficking/trafficking-assessments.service';
import type { ChildrenService } from './children.service';

export interface ChildPageSources {
  children: ChildrenService;
  placements: PlacementsService;
  guardians: GuardiansService;
  safeguardingPlans: SafeguardingPlansService;
  missingEpisodes: MissingEpisodesService;
  missingProfiles: MissingProfilesService;
  traffickingAssessments: TraffickingAssessmentsService;
  nrmReferrals: NrmReferralsService;
  missingProfilePhotos: MissingProfilePhotosService;
  bedChecks: Pick<BedChecksService, 'today'>;
}

export class ChildPageService {
  constructor(private readonly s: ChildPageSources) {}

  async get(ctx: RequestContext, id: string) {
    const child = await this.s.children.get(ctx, id);
    return {
      child,
      placements: withoutContactDetails(ctx, await this.s.placements.listForChild(ctx, id)),
      guardians: await this.s.guardians.listForChild(ctx, id),
      plans: await this.s.safeguardingPlans.history(ctx, id),
      // The child's read above is the audited one; the checks are part of the record it shows.
      bedChecksToday: await this.s.bedChecks.today(child.authorityId, [child.id]),
      episodes: (await this.s.missingEpisodes.list(ctx, { childId: id, limit: 200, offset: 0 })).items,
      assessments: await this.s.traffickingAssessments.listForChild(ctx, id),
      nrm: await this.s.nrmReferrals.listForChild(ctx, id),
      profile: can(ctx.actor.role, 'profiles.read') ? await this.profileOrNull(ctx, id) : undefined,
      // Police and the team need the face first: the photograph is shown on the record to those who may read the
      // profile.
      photoUploadedAt: can(ctx.actor.role, 'profiles.read')
        ? await this.s.missingProfilePhotos.uploadedAt(ctx, id)
        : null,
    };
  }

  /** The missing profile, or null while none has been written. */
  async profileOrNull(ctx: RequestContext, childId: string) {
    return this.s.missingProfiles.get(ctx, childId).catch((err: Error) => {
      if (err instanceof NotFound) return null;
      throw err;
    });
  }
}
export type ChildPageData = Awaited<ReturnType<ChildPageService['get']>>;

/** Group members see case summaries: a placement's address and its carers' numbers never reach their page. */
function withoutContactDetails(ctx: RequestContext, placements: Placement[]): Placement[] {
  if (can(ctx.actor.role, 'placements.read')) return placements;
  return placements.map((p) => ({
    ...p,
    address: '',
    hostCoordinatorEmail: null,
    hostCoordinatorPhone: null,
    carers: (p.carers ?? []).map((c) => ({ ...c, mobile: '', email: null })),
  }));
}
