// Guardians, always inside the caller's authority.
import type { Tx } from '../platform/database/transaction';
import { Guardian } from './guardian.entity';

export class GuardiansRepository {
  async findById(tx: Tx, authorityId: string, id: string): Promise<Guardian | null> {
    return tx.findOne(Guardian, { where: { id, authorityId } });
  }

  /** Current guardians first, then the most recently ended. */
  async forChild(tx: Tx, authorityId: string, childId: string): Promise<Guardian[]> {
    return tx
      .createQueryBuilder(Guardian, 'g')
      .where('g.authority_id = :authorityId AND g.child_id = :childId', { authorityId, childId })
      .orderBy('g.ended_on', 'DESC', 'NULLS FIRST')
      .addOrderBy('g.created_at', 'ASC')
      .getMany();
  }

  /** The children this user guards now (a current guardian record linked to their account), by reference. */
  async guardedBy(tx: Tx, authorityId: string, userId: string): Promise<{ childId: string; reference: string }[]> {
    return tx.query(
      `SELECT DISTINCT c.id AS "childId", c.reference FROM guardians g JOIN children c ON c.id = g.child_id
      WHERE g.authority_id = $1 AND g.user_id = $2 AND g.ended_on IS NULL ORDER BY c.reference`,
      [authorityId, userId],
    );
  }

  async isGuardianUser(tx: Tx, authorityId: string, userId: string): Promise<boolean> {
    const [row] = await tx.query(
      `SELECT 1 FROM users WHERE id = $1 AND authority_id = $2 AND role = 'guardian' AND disabled_at IS NULL`,
      [userId, authorityId],
    );
    return !!row;
  }

  async insert(tx: Tx, guardian: Partial<Guardian>): Promise<Guardian> {
    return tx.save(Guardian, tx.create(Guardian, guardian));
  }

  async update(tx: Tx, guardian: Guardian, changes: Partial<Guardian>): Promise<Guardian> {
    return tx.save(Guardian, Object.assign(guardian, changes));
  }
}
