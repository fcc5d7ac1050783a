// The carers of a child's current placement, one at a time: add a carer, replace one (a new name or
// mobile), remove one. Each is a change of the placement's carers through PlacementsService.change, so
// the API's PATCH and the pages keep one rule set and one audit line. Runs in one transaction, so two
// people changing carers at once cannot lose each other's change.
import type { DataSource } from 'typeorm';

import type { RequestContext } from '../platform/auth/actor';
import type { Tx } from '../platform/database/transaction';
import { Conflict, invalidFields, NotFound } from '../platform/errors';
import type { Placement, PlacementCarer } from './placement.entity';
import type { CarerInput, PlacementsService } from './placements.service';

/** The most carers one placement holds (the API's limit). */
export const MAX_CARERS = 6;

const asInput = (c: PlacementCarer): CarerInput => ({ name: c.name, mobile: c.mobile, email: c.email });

export class PlacementCarersService {
  constructor(
    private readonly db: DataSource,
    private readonly placements: PlacementsService,
  ) {}

  /** The child's current placement with its carers, or null (the read is audited as the placements'). */
  async current(ctx: RequestContext, childId: string): Promise<Placement | null> {
    return (await this.placements.listForChild(ctx, childId)).find((p) => !p.endedAt) ?? null;
  }

  /** One carer of a current placement, with the child it is about. */
  async carer(ctx: RequestContext, carerId: string): Promise<{ carer: PlacementCarer; childId: string }> {
    return this.db.transaction(async (tx) => {
      const { carer, placement } = await this.requireCarer(tx, ctx, carerId);
      return { carer, childId: placement.childId };
    });
  }

  async add(ctx: RequestContext, childId: string, input: CarerInput): Promise<Placement> {
    return this.db.transaction(async (tx) => {
      const current = await this.placements.repo.current(tx, ctx.actor.authorityId, childId);
      if (!current) throw new Conflict('This child has no current placement. Start a placement with its carer first.');
      const carers = (current.carers ?? []).map(asInput);
      if (carers.length >= MAX_CARERS)
        throw new Conflict(`A placement has at most ${MAX_CARERS} carers. Remove one before adding another.`);
      this.checkMobile(carers, input.mobile);
      return this.placements.change(ctx, current.id, { carers: [...carers, input] }, tx);
    });
  }

  async replace(ctx: RequestContext, carerId: string, input: CarerInput): Promise<Placement> {
    return this.db.transaction(async (tx) => {
      const { placement } = await this.requireCarer(tx, ctx, carerId);
      const others = (placement.carers ?? []).filter((c) => c.id !== carerId).map(asInput);
      this.checkMobile(others, input.mobile);
      const carers = (placement.carers ?? []).map((c) => (c.id === carerId ? input : asInput(c)));
      return this.placements.change(ctx, placement.id, { carers }, tx);
    });
  }

  async remove(ctx: RequestContext, carerId: string): Promise<Placement> {
    return this.db.transaction(async (tx) => {
      const { placement } = await this.requireCarer(tx, ctx, carerId);
      const carers = (placement.carers ?? []).filter((c) => c.id !== carerId).map(asInput);
      return this.placements.change(ctx, placement.id, { carers }, tx);
    });
  }

  private checkMobile(others: CarerInput[], mobile: string) {
    if (others.some((c) => c.mobile === mobile))
      throw invalidFields([{ field: 'mobile', message: 'Another carer of this placement has this mobile number' }]);
  }

  // Only a current placement's carers change here: an ended placement is history.
  private async requireCarer(tx: Tx, ctx: RequestContext, carerId: string) {
    const carer = await this.placements.repo.carerById(tx, ctx.actor.authorityId, carerId);
    const placement = carer && (await this.placements.repo.findById(tx, ctx.actor.authorityId, carer.placementId));
    if (!carer || !placement) throw new NotFound('No carer with that id was found.');
    if (placement.endedAt) throw new Conflict('This placement has ended, so its carers can no longer change.');
    return { carer: placement.carers!.find((c) => c.id === carerId) ?? carer, placement };
  }
}
