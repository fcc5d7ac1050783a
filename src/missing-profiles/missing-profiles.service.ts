// Missing profiles: read and replace (audited, profiles.* permissions), and the police view that
// the missing-episode link builds on.
import type { DataSource } from 'typeorm';

import type { ChildScope } from '../children/child-scope';
import { ChildrenRepository } from '../children/children.repository';
import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { checkDates, today } from '../platform/dates';
import { NotFound } from '../platform/errors';
import type { MissingProfile } from './missing-profile.entity';
import { PoliceProfile, presentPoliceProfile } from './missing-profile.presenter';
import { MissingProfilesRepository } from './missing-profiles.repository';

export type ProfileInput = Omit<MissingProfile, 'childId' | 'authorityId' | 'updatedAt' | 'updatedBy'>;

export class MissingProfilesService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly scope: ChildScope,
    private readonly repo = new MissingProfilesRepository(),
    private readonly children = new ChildrenRepository(),
  ) {}

  async get(ctx: RequestContext, childId: string): Promise<MissingProfile> {
    const profile = await this.scope.read(ctx, childId, 'missing_profile', (tx) => this.repo.forChild(tx, childId));
    if (!profile) throw new NotFound('This child has no missing profile yet.');
    return profile;
  }

  /** Creates or replaces the child's profile; returns it and whether it was new. */
  async put(
    ctx: RequestContext,
    childId: string,
    input: ProfileInput,
  ): Promise<{ profile: MissingProfile; created: boolean }> {
    checkDates([
      {
        field: 'photoTakenOn',
        value: input.photoTakenOn,
        max: today(this.clock),
        message: 'photoTakenOn cannot be in the future',
      },
    ]);
    return this.scope.run(ctx, childId, async (tx) => {
      const created = !(await this.repo.exists(tx, childId));
      const profile = await this.repo.replace(tx, {
        ...input,
        childId,
        authorityId: ctx.actor.authorityId,
        updatedAt: this.clock.now(),
        updatedBy: ctx.actor.userId,
      });
      await this.audit.record(tx, ctx, {
        action: created ? 'create' : 'update',
        entityType: 'missing_profile',
        entityId: childId,
        childId,
      });
      return { profile, created };
    });
  }

  /**
   * The police view of a child's profile: for the missing-episode link, which has already checked
   * the episode and audits the opening itself. No placement address ever leaves through here.
   */
  async profileForPolice(childId: string, tx: Tx = this.db.manager): Promise<PoliceProfile> {
    const child = await this.children.findInAnyAuthority(tx, childId);
    if (!child) throw new NotFound('No child with that id was found.');
    return presentPoliceProfile(child, await this.repo.forChild(tx, childId));
  }
}
