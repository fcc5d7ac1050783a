// Placements and their carers, scoped to one authority except for the carer-number lookup, which
// the SMS channel needs before it knows which authority a text belongs to.
import { In, IsNull } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import type { Tx } from '../platform/database/transaction';
import { Placement, PlacementCarer } from './placement.entity';

export type NewCarer = Omit<PlacementCarer, 'id' | 'language'> & Partial<Pick<PlacementCarer, 'language'>>;

export class PlacementsRepository {
  async findById(tx: Tx, authorityId: string, id: string): Promise<Placement | null> {
    const placement = await tx.findOne(Placement, { where: { id, authorityId } });
    if (placement) {
      placement.carers = await tx.find(PlacementCarer, { where: { placementId: id }, order: { name: 'ASC' } });
      await this.attachAreaNames(tx, [placement]);
    }
    return placement;
  }

  /** One carer of a placement of this authority, with the placement it belongs to (the child's id on it). */
  async carerById(tx: Tx, authorityId: string, carerId: string): Promise<PlacementCarer | null> {
    return tx.findOne(PlacementCarer, { where: { id: carerId, authorityId } });
  }

  async forChild(tx: Tx, authorityId: string, childId: string): Promise<Placement[]> {
    const placements = await tx
      .createQueryBuilder(Placement, 'p')
      .where('p.child_id = :childId AND p.authority_id = :authorityId', { childId, authorityId })
      .orderBy('p.ended_at IS NULL', 'DESC')
      .addOrderBy('p.started_at', 'DESC')
      .addOrderBy('p.created_at', 'DESC')
      .getMany();
    await this.attachCarers(tx, placements);
    await this.attachAreaNames(tx, placements);
    return placements;
  }

  async current(tx: Tx, authorityId: string, childId: string): Promise<Placement | null> {
    const placement = await tx.findOne(Placement, { where: { childId, authorityId, endedAt: IsNull() } });
    if (placement) await this.attachCarers(tx, [placement]);
    return placement;
  }

  /**
   * Current placements in this authority where the signed-in carer (matched by mobile or email) is a registered carer.
   */
  async currentForCarerUser(tx: Tx, authorityId: string, userId: string): Promise<Placement[]> {
    return tx
      .createQueryBuilder(Placement, 'p')
      .innerJoin(PlacementCarer, 'pc', 'pc.placement_id = p.id')
      .innerJoin('users', 'u', 'u.id = :userId AND u.authority_id = p.authority_id', { userId })
      .where('p.authority_id = :authorityId AND p.ended_at IS NULL', { authorityId })
      .andWhere('(pc.mobile = u.mobile OR lower(pc.email) = lower(u.email))')
      .distinct(true)
      .getMany();
  }

  insert(tx: Tx, values: Partial<Placement>): Promise<Placement> {
    return tx.save(Placement, tx.create(Placement, values));
  }

  /** Writes changed fields of a placement (its end among them). */
  async saveChanges(tx: Tx, id: string, changes: QueryDeepPartialEntity<Placement>): Promise<void> {
    await tx.update(Placement, { id }, changes);
  }

  /**
   * The placement's carers become exactly these (none when empty). A carer given without a language keeps the one
   * recorded for their mobile on this placement (it may have been learnt from their texts); null clears it.
   */
  async replaceCarers(tx: Tx, placementId: string, carers: NewCarer[]): Promise<PlacementCarer[]> {
    const before = new Map((await tx.findBy(PlacementCarer, { placementId })).map((c) => [c.mobile, c.language]));
    await tx.delete(PlacementCarer, { placementId });
    return carers.length
      ? tx.save(
          PlacementCarer,
          carers.map((c) =>
            tx.create(PlacementCarer, { ...c, language: c.language !== undefined ? c.language : before.get(c.mobile) }),
          ),
        )
      : [];
  }

  /** The host authority's and the police force's names of out-of-area placements, in one statement. */
  private async attachAreaNames(tx: Tx, placements: Placement[]): Promise<void> {
    const named = placements.filter((p) => p.hostAuthorityId || p.policeForceCode);
    if (!named.length) return;
    const rows: { id: string; host: string | null; force: string | null }[] = await tx.query(
      `SELECT p.id, a.name AS host, f.name AS force
      FROM placements p LEFT JOIN local_authorities a ON a.id = p.host_authority_id LEFT JOIN police_forces f ON f.code = p.police_force_code
      WHERE p.id = ANY($1)`,
      [named.map((p) => p.id)],
    );
    for (const r of rows)
      Object.assign(
        named.find((p) => p.id === r.id)!,
        { hostAuthorityName: r.host, policeForceName: r.force },
      );
  }

  private async attachCarers(tx: Tx, placements: Placement[]): Promise<void> {
    if (!placements.length) return;
    const carers = await tx.find(PlacementCarer, {
      where: { placementId: In(placements.map((p) => p.id)) },
      order: { name: 'ASC' },
    });
    for (const p of placements) p.carers = carers.filter((c) => c.placementId === p.id);
  }
}
