// Safeguarding plan versions, always inside the caller's authority.
import { Child } from '../children/child.entity';
import type { Tx } from '../platform/database/transaction';
import { SafeguardingPlan } from './safeguarding-plan.entity';

export class SafeguardingPlansRepository {
  /** Every version, newest first. */
  async history(tx: Tx, authorityId: string, childId: string): Promise<SafeguardingPlan[]> {
    return tx.find(SafeguardingPlan, { where: { authorityId, childId }, order: { version: 'DESC' } });
  }

  async current(tx: Tx, authorityId: string, childId: string): Promise<SafeguardingPlan | null> {
    return tx.findOne(SafeguardingPlan, { where: { authorityId, childId }, order: { version: 'DESC' } });
  }

  /** Locks the child's row so two people saving a plan at once get versions n+1 and n+2, not a clash. */
  async nextVersion(tx: Tx, authorityId: string, childId: string): Promise<number> {
    await tx.createQueryBuilder(Child, 'c').setLock('pessimistic_write').where('c.id = :childId', { childId }).getOne();
    const latest = await this.current(tx, authorityId, childId);
    return (latest?.version ?? 0) + 1;
  }

  async insert(tx: Tx, plan: Partial<SafeguardingPlan>): Promise<SafeguardingPlan> {
    return tx.save(SafeguardingPlan, tx.create(SafeguardingPlan, plan));
  }

  /** Plans in force whose review date is on or before the given date, for children still in care. */
  async dueForReview(tx: Tx, authorityId: string, onOrBefore: string): Promise<SafeguardingPlan[]> {
    return tx
      .createQueryBuilder(SafeguardingPlan, 'p')
      .innerJoin(Child, 'c', 'c.id = p.child_id AND c.care_ended_at IS NULL')
      .where('p.authority_id = :authorityId', { authorityId })
      .andWhere('p.version = (SELECT max(v.version) FROM safeguarding_plans v WHERE v.child_id = p.child_id)')
      .andWhere('p.review_on <= :onOrBefore', { onOrBefore })
      .orderBy('p.review_on', 'ASC')
      .getMany();
  }
}
