// Reads of missing episodes, scoped to one authority; police, CEOP and guardians see only the
// episodes escalated to them (visible_to_roles), and a guardian only those of the children they guard
// (the tie permissions.ts asks for); everyone else with access sees all.
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { EscalationRun } from '../escalation/escalation-run.entity';
import type { Actor } from '../platform/auth/actor';
import { escalatedOnly, tiesNeeded } from '../platform/auth/permissions';
import { insertEntity } from '../platform/database/entity-rows';
import type { Tx } from '../platform/database/transaction';
import { mergeTimeline } from './episode-timeline';
import { EpisodeEvent, MissingEpisode, RiskGradeChange } from './missing-episode.entity';

export interface EpisodeFilter {
  open?: boolean;
  childId?: string;
  limit: number;
  offset: number;
}
/** The guardian tie as SQL: a current guardian record of the episode's child linked to the caller. */
const GUARDS_CHILD = `EXISTS (SELECT 1 FROM guardians g WHERE g.child_id = e.child_id AND g.authority_id = e.authority_id
  AND g.user_id = :userId AND g.ended_on IS NULL)`;

/** Whether the caller reads only the episodes of the children they guard (the guardian tie). */
const guardsOnly = (actor: Actor) => tiesNeeded(actor.role, 'episodes.read').includes('guardian');

export class MissingEpisodesRepository {
  /** Loads and row-locks an episode the actor may see, or null. */
  async findForUpdate(tx: Tx, actor: Actor, id: string): Promise<MissingEpisode | null> {
    const episode = await tx.findOne(MissingEpisode, {
      where: { id, authorityId: actor.authorityId },
      lock: { mode: 'pessimistic_write' },
    });
    return episode && (await this.visible(tx, actor, episode)) ? episode : null;
  }

  async find(tx: Tx, actor: Actor, id: string): Promise<MissingEpisode | null> {
    const episode = await tx.findOne(MissingEpisode, { where: { id, authorityId: actor.authorityId } });
    return episode && (await this.visible(tx, actor, episode)) ? episode : null;
  }

  /**
   * An episode of another authority whose placement is hosted by the actor's authority, while it is
   * open or closed since `closedSince` (the 'host' tie), or null.
   */
  async findAsHost(tx: Tx, actor: Actor, id: string, closedSince: Date): Promise<MissingEpisode | null> {
    return tx
      .createQueryBuilder(MissingEpisode, 'e')
      .innerJoin(
        'placements',
        'p',
        'p.id = e.placement_id AND p.child_id = e.child_id AND p.authority_id = e.authority_id',
      )
      .where('e.id = :id AND p.host_authority_id = :authorityId AND e.authority_id <> :authorityId', {
        id,
        authorityId: actor.authorityId,
      })
      .andWhere('(e.closed_at IS NULL OR e.closed_at >= :closedSince)', { closedSince })
      .getOne();
  }

  /** The child's date of birth (YYYY-MM-DD), which no event of an episode can precede. */
  async childBornOn(tx: Tx, childId: string): Promise<string | null> {
    const [row] = await tx.query('SELECT date_of_birth::text AS born FROM children WHERE id = $1', [childId]);
    return row?.born ?? null;
  }

  /** Reloads an episode with its child's reference attached. */
  async reload(tx: Tx, id: string): Promise<MissingEpisode> {
    const episode = await tx.findOneByOrFail(MissingEpisode, { id });
    const [child] = await tx.query('SELECT reference FROM children WHERE id = $1', [episode.childId]);
    return Object.assign(episode, { childReference: child.reference as string });
  }

  async list(tx: Tx, actor: Actor, filter: EpisodeFilter): Promise<{ items: MissingEpisode[]; total: number }> {
    const qb = tx
      .createQueryBuilder(MissingEpisode, 'e')
      .innerJoin('children', 'c', 'c.id = e.child_id')
      .addSelect('c.reference', 'child_reference')
      .where('e.authority_id = :authorityId', { authorityId: actor.authorityId })
      .orderBy('e.discovered_at', 'DESC')
      .limit(filter.limit)
      .offset(filter.offset);
    if (filter.open !== undefined) qb.andWhere(filter.open ? 'e.closed_at IS NULL' : 'e.closed_at IS NOT NULL');
    if (filter.childId) qb.andWhere('e.child_id = :childId', { childId: filter.childId });
    if (escalatedOnly.includes(actor.role)) qb.andWhere(':role = ANY(e.visible_to_roles)', { role: actor.role });
    if (guardsOnly(actor)) qb.andWhere(GUARDS_CHILD, { userId: actor.userId });
    const { entities, raw } = await qb.getRawAndEntities();
    const total = await qb.getCount();
    return {
      items: entities.map((e, i) => Object.assign(e, { childReference: raw[i].child_reference as string })),
      total,
    };
  }

  /**
   * The child's latest open episode, locked. An earlier one may still be open for what it owes (its
   * return interview), but only the latest can be the one the child is missing in.
   */
  async openForChild(tx: Tx, childId: string): Promise<MissingEpisode | null> {
    return tx
      .createQueryBuilder(MissingEpisode, 'e')
      .where('e.child_id = :childId AND e.closed_at IS NULL', { childId })
      .orderBy('e.discovered_at', 'DESC')
      .limit(1)
      .setLock('pessimistic_write')
      .getOne();
  }

  /** The open episode in which the child is missing now (at most one: the database says so), locked. */
  async missingForChild(tx: Tx, childId: string): Promise<MissingEpisode | null> {
    return tx
      .createQueryBuilder(MissingEpisode, 'e')
      .where('e.child_id = :childId AND e.closed_at IS NULL AND e.returned_at IS NULL', { childId })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** The episode in which the child is missing now (at most one), unlocked: for banners on pages about the child. */
  async missingNow(tx: Tx, authorityId: string, childId: string): Promise<MissingEpisode | null> {
    return tx
      .createQueryBuilder(MissingEpisode, 'e')
      .where('e.authority_id = :authorityId AND e.child_id = :childId', { authorityId, childId })
      .andWhere('e.closed_at IS NULL AND e.returned_at IS NULL')
      .getOne();
  }

  async latestForChild(tx: Tx, childId: string): Promise<MissingEpisode | null> {
    return tx.findOne(MissingEpisode, { where: { childId }, order: { discoveredAt: 'DESC' } });
  }

  async countSince(tx: Tx, childId: string, since: Date): Promise<number> {
    const [row] = await tx.query(
      'SELECT count(*)::int AS n FROM missing_episodes WHERE child_id = $1 AND discovered_at >= $2',
      [childId, since],
    );
    return row.n;
  }

  async referenceTaken(tx: Tx, authorityId: string, reference: string): Promise<boolean> {
    return tx.exists(MissingEpisode, { where: { authorityId, reference } });
  }

  async details(tx: Tx, episodeId: string) {
    // One after another: the transaction has one connection.
    const events = await tx.find(EpisodeEvent, { where: { episodeId }, order: { id: 'ASC' } });
    const runs = await tx.find(EscalationRun, { where: { episodeId }, order: { ranAt: 'ASC', seq: 'ASC' } });
    const riskGrades = await tx.find(RiskGradeChange, { where: { episodeId }, order: { gradedAt: 'ASC' } });
    return { timeline: mergeTimeline(events, runs), runs, riskGrades };
  }

  /**
   * Inserts an episode under `values.reference` unless the authority has that reference already (then null), in one
   * statement, so concurrent reports cannot take the same one.
   */
  insertUnlessReferenceTaken(tx: Tx, values: Partial<MissingEpisode>): Promise<MissingEpisode | null> {
    return insertEntity(tx, MissingEpisode, values, '(authority_id, reference) DO NOTHING');
  }

  /** Writes changed fields of an episode (its state among them) that the caller holds locked. */
  async saveChanges(tx: Tx, id: string, changes: QueryDeepPartialEntity<MissingEpisode>): Promise<void> {
    await tx.update(MissingEpisode, { id }, changes);
  }

  private async visible(tx: Tx, actor: Actor, episode: MissingEpisode): Promise<boolean> {
    if (escalatedOnly.includes(actor.role) && !episode.visibleToRoles.includes(actor.role)) return false;
    if (!guardsOnly(actor)) return true;
    return tx
      .createQueryBuilder(MissingEpisode, 'e')
      .where('e.id = :id', { id: episode.id })
      .andWhere(GUARDS_CHILD, { userId: actor.userId })
      .getExists();
  }
}
