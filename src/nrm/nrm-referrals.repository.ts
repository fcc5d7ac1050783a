// NRM referrals, always inside the caller's authority.
import type { Tx } from '../platform/database/transaction';
import { CG_MIN_DAYS_AFTER_RG } from './nrm-deadlines';
import { NrmReferral } from './nrm-referral.entity';

export class NrmReferralsRepository {
  async findById(tx: Tx, authorityId: string, id: string): Promise<NrmReferral | null> {
    return tx.findOne(NrmReferral, { where: { id, authorityId } });
  }

  async forChild(tx: Tx, authorityId: string, childId: string): Promise<NrmReferral[]> {
    return tx.find(NrmReferral, { where: { authorityId, childId }, order: { referredOn: 'DESC', createdAt: 'DESC' } });
  }

  async save(tx: Tx, referral: Partial<NrmReferral>): Promise<NrmReferral> {
    return tx.save(NrmReferral, tx.create(NrmReferral, referral));
  }

  /**
   * Pending RG decisions due by `to` (overdue included) and pending CG decisions that become possible in [from, to].
   */
  async pendingDecisions(tx: Tx, authorityId: string, from: string, to: string): Promise<NrmReferral[]> {
    return tx
      .createQueryBuilder(NrmReferral, 'r')
      .where('r.authority_id = :authorityId', { authorityId })
      .andWhere(
        `((r.rg_decision = 'pending' AND r.rg_due_on <= :to)
        OR (r.rg_decision = 'positive' AND r.cg_decision = 'pending' AND r.rg_decided_on + CAST(:cgDays AS integer) BETWEEN :from AND :to))`,
        { from, to, cgDays: CG_MIN_DAYS_AFTER_RG },
      )
      .getMany();
  }
}
