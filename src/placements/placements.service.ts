// Placements: start one (only when the child has no current placement), change its carers, end it.
// An out-of-area placement's host coordinator is told when it starts and ends (host-notices.ts).
// Ending a placement tells listeners (an open missing episode notes it on its timeline and stays open:
// placements often end because the child ran, and the search goes on).
import type { DataSource } from 'typeorm';

import type { ChildrenService } from '../children/children.service';
import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import { inTransaction, type Tx } from '../platform/database/transaction';
import { checkEventTimes } from '../platform/dates';
import { Conflict, Invalid, NotFound } from '../platform/errors';
import type { Language } from '../platform/i18n/language';
import { HostAreasRepository } from './host-areas.repository';
import { hostFields, HostInput, sameHost } from './host-fields';
import type { HostNotices } from './host-notices';
import type { Placement, PlacementCarer, PlacementType } from './placement.entity';
import { PlacementsRepository } from './placements.repository';

export interface CarerInput {
  name: string;
  mobile: string;
  email?: string | null;
  /** Left out: the language recorded for this mobile on the placement stays (it may have been learnt by text). */
  language?: Language | null;
}
export interface NewPlacement extends HostInput {
  type: PlacementType;
  provider: string;
  address: string;
  startedAt?: Date;
  carers: CarerInput[];
}
export type PlacementChanges = Partial<Omit<NewPlacement, 'startedAt'>>;
export type PlacementEndedListener = (
  tx: Tx,
  ctx: RequestContext | null,
  placement: Placement,
  endedAt: Date,
  reason: string,
) => Promise<void>;

export class PlacementsService {
  readonly endedListeners: PlacementEndedListener[] = [];

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly children: ChildrenService,
    private readonly notices: HostNotices,
    readonly repo = new PlacementsRepository(),
  ) {}

  /** What an out-of-area placement can name: the other authorities of this service and the police forces. */
  async hostOptions(ctx: RequestContext) {
    const areas = new HostAreasRepository();
    return this.db.transaction(async (tx) => ({
      authorities: (await areas.authorities(tx)).filter((a) => a.id !== ctx.actor.authorityId),
      policeForces: (await areas.forces(tx)).map((f) => ({ code: f.code, name: f.name })),
      // England's children's services authorities and the Welsh councils (ONS codes), each with its force.
      areas: await areas.areas(tx),
      sources: await areas.sources(tx),
    }));
  }

  async listForChild(ctx: RequestContext, childId: string): Promise<Placement[]> {
    return this.db.transaction(async (tx) => {
      await this.children.require(tx, ctx, childId);
      await this.audit.record(tx, ctx, { action: 'read', entityType: 'placement', childId });
      return this.repo.forChild(tx, ctx.actor.authorityId, childId);
    });
  }

  async start(ctx: RequestContext, childId: string, input: NewPlacement, outer?: Tx): Promise<Placement> {
    return inTransaction(this.db, outer, async (tx) => {
      const child = await this.children.require(tx, ctx, childId);
      if (child.careEndedAt)
        throw new Conflict(
          'This child has left care, so a new placement cannot start. Reopen their care episode first.',
        );
      if (await this.repo.current(tx, ctx.actor.authorityId, childId)) {
        throw new Conflict('This child already has a current placement. End it before starting a new one.');
      }
      const now = this.clock.now();
      const startedAt = input.startedAt ?? now;
      checkEventTimes(now, child.dateOfBirth, [{ field: 'startedAt', at: startedAt }]);
      const placement = await this.repo.insert(tx, {
        authorityId: ctx.actor.authorityId,
        childId,
        type: input.type,
        provider: input.provider,
        address: input.address,
        startedAt,
        createdAt: now,
        ...(await hostFields(tx, ctx.actor.authorityId, input)),
      });
      placement.carers = await this.replaceCarers(tx, placement, input.carers);
      await this.notices.tell(tx, placement, 'start', startedAt);
      await this.audit.record(tx, ctx, { action: 'create', entityType: 'placement', entityId: placement.id, childId });
      // Read back with the host's and the force's names, as the placement's page and the API show them.
      return (await this.repo.findById(tx, ctx.actor.authorityId, placement.id))!;
    });
  }

  async change(ctx: RequestContext, id: string, changes: PlacementChanges, outer?: Tx): Promise<Placement> {
    return inTransaction(this.db, outer, async (tx) => {
      const placement = await this.require(tx, ctx, id);
      const { carers, hostAuthorityId, hostAuthority, policeForceCode, ...fields } = changes;
      const host = await hostFields(tx, ctx.actor.authorityId, { hostAuthorityId, hostAuthority, policeForceCode });
      if (Object.keys(fields).length || Object.keys(host).length)
        await this.repo.saveChanges(tx, id, { ...fields, ...host });
      // A current placement keeps a carer with a mobile: they are who text MISSING and answer bed checks.
      if (carers && !carers.length && !placement.endedAt)
        throw new Conflict(
          'A current placement needs at least one carer. Add the new carer first, or end the placement.',
        );
      if (carers) await this.replaceCarers(tx, placement, carers);
      await this.audit.record(tx, ctx, {
        action: 'update',
        entityType: 'placement',
        entityId: id,
        childId: placement.childId,
        changes: { fields: Object.keys(changes) },
      });
      const changed = (await this.repo.findById(tx, ctx.actor.authorityId, id))!;
      // A new host while the placement lasts: the old host is told it ended there, the new one that it started.
      if (!placement.endedAt && !sameHost(placement, changed)) {
        await this.notices.tell(tx, placement, 'end', this.clock.now());
        await this.notices.tell(tx, changed, 'start', this.clock.now());
      }
      return changed;
    });
  }

  async end(ctx: RequestContext, id: string, endedAt: Date | undefined, reason: string): Promise<Placement> {
    return this.db.transaction(async (tx) => {
      const placement = await this.require(tx, ctx, id);
      await this.endWithin(tx, ctx, placement, endedAt ?? this.clock.now(), reason);
      return (await this.repo.findById(tx, ctx.actor.authorityId, id))!;
    });
  }

  /** Ends a placement inside the caller's transaction (ending care ends the current placement with it). */
  async endWithin(tx: Tx, ctx: RequestContext, placement: Placement, at: Date, reason: string): Promise<void> {
    if (placement.endedAt) throw new Conflict('This placement has already ended.');
    checkEventTimes(this.clock.now(), null, [{ field: 'endedAt', at }]);
    if (at < placement.startedAt) throw new Invalid('endedAt cannot be before the placement started.');
    await this.repo.saveChanges(tx, placement.id, { endedAt: at, endReason: reason });
    await this.notices.tell(tx, placement, 'end', at);
    await this.audit.record(tx, ctx, {
      action: 'update',
      entityType: 'placement',
      entityId: placement.id,
      childId: placement.childId,
      changes: { fields: ['endedAt'] },
    });
    for (const listener of this.endedListeners) await listener(tx, ctx, placement, at, reason);
  }

  private async require(tx: Tx, ctx: RequestContext, id: string): Promise<Placement> {
    const placement = await this.repo.findById(tx, ctx.actor.authorityId, id);
    if (!placement) throw new NotFound('No placement with that id was found.');
    return placement;
  }

  private async replaceCarers(tx: Tx, placement: Placement, carers: CarerInput[]): Promise<PlacementCarer[]> {
    const mobiles = new Set(carers.map((c) => c.mobile));
    if (mobiles.size !== carers.length) throw new Invalid('Two carers of one placement cannot share a mobile number.');
    return this.repo.replaceCarers(
      tx,
      placement.id,
      carers.map((c) => ({
        authorityId: placement.authorityId,
        placementId: placement.id,
        name: c.name,
        mobile: c.mobile,
        email: c.email ?? null,
        language: c.language,
      })),
    );
  }
}
