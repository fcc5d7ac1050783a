// The administrator's page of what this authority publishes for other authorities' alerts about
// children they place here: the area (ONS code), its police force and that force's control room,
// and the missing-children coordinators. Reads and changes are audited.
import type { DataSource } from 'typeorm';

import { HostAreasRepository } from '../placements/host-areas.repository';
import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import { invalidFields } from '../platform/errors';
import { PublishedContactsRepository } from './published-contacts.repository';

export interface PublishInput {
  onsCode: string | null;
  /** Null: the force of the area's ONS code. */
  policeForceCode: string | null;
  controlRoomMobile: string | null;
  controlRoomEmail: string | null;
}

export class PublishedContactsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly repo = new PublishedContactsRepository(),
    private readonly areas = new HostAreasRepository(),
  ) {}

  async get(ctx: RequestContext) {
    return this.db.transaction(async (tx) => ({
      area: await this.repo.area(tx, ctx.actor.authorityId),
      coordinators: await this.repo.coordinators(tx, ctx.actor.authorityId),
      areas: await this.areas.areas(tx),
      forces: (await this.areas.forces(tx)).map((f) => ({ code: f.code, name: f.name })),
      sources: await this.areas.sources(tx),
    }));
  }

  async publish(ctx: RequestContext, input: PublishInput): Promise<void> {
    await this.db.transaction(async (tx) => {
      const areaForce = input.onsCode ? await this.repo.areaForce(tx, input.onsCode) : null;
      if (areaForce === undefined)
        throw invalidFields([{ field: 'onsCode', message: 'Choose your authority from the list' }]);
      if (input.policeForceCode && !(await this.areas.forceExists(tx, input.policeForceCode)))
        throw invalidFields([{ field: 'policeForceCode', message: 'Choose a police force from the list' }]);
      const force = input.policeForceCode ?? areaForce;
      const reach = { mobile: input.controlRoomMobile, email: input.controlRoomEmail };
      if (!force && (reach.mobile || reach.email))
        throw invalidFields([
          { field: 'policeForceCode', message: 'Choose the police force whose control room this is' },
        ]);
      // Only the force differing from the area's own is stored: a later list's mapping then applies.
      await this.repo.setArea(tx, ctx.actor.authorityId, input.onsCode, force === areaForce ? null : force);
      if (force && (reach.mobile || reach.email))
        await this.repo.publishControlRoom(tx, ctx.actor.authorityId, force, reach, this.clock.now());
      await this.audit.record(tx, ctx, {
        action: 'update',
        entityType: 'published_contacts',
        entityId: ctx.actor.authorityId,
        changes: { onsCode: input.onsCode, policeForceCode: force, controlRoom: !!(reach.mobile || reach.email) },
      });
    });
  }
}

export type Published = Awaited<ReturnType<PublishedContactsService['get']>>;
