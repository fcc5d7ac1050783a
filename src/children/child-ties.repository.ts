// How a user is tied to one child, read in one statement: carer of the current placement (their
// registered mobile or email on it), a current guardian linked to their account, the allocated worker.
import type { Actor } from '../platform/auth/actor';
import type { Tie } from '../platform/auth/permissions';
import type { Tx } from '../platform/database/transaction';

export class ChildTiesRepository {
  async tiesOf(tx: Tx, actor: Actor, childId: string): Promise<Set<Tie>> {
    const [row] = await tx.query(
      `SELECT
        EXISTS (SELECT 1 FROM placements p JOIN placement_carers pc ON pc.placement_id = p.id
          JOIN users u ON u.id = $2 AND u.authority_id = p.authority_id
          WHERE p.child_id = $1 AND p.authority_id = $3 AND p.ended_at IS NULL
            AND (pc.mobile = u.mobile OR lower(pc.email) = lower(u.email))) AS carer,
        EXISTS (SELECT 1 FROM guardians g WHERE g.child_id = $1 AND g.authority_id = $3 AND g.user_id = $2 AND g.ended_on IS NULL) AS guardian,
        EXISTS (SELECT 1 FROM children c WHERE c.id = $1 AND c.authority_id = $3 AND c.social_worker_id = $2) AS allocated_worker`,
      [childId, actor.userId, actor.authorityId],
    );
    const ties = new Set<Tie>();
    if (row?.carer) ties.add('carer');
    if (row?.guardian) ties.add('guardian');
    if (row?.allocated_worker) ties.add('allocated_worker');
    return ties;
  }

  /** Whether the id is an active social worker of this authority (another authority's id reads as no such user). */
  async isSocialWorker(tx: Tx, authorityId: string, userId: string): Promise<boolean> {
    const [row] = await tx.query(
      `SELECT 1 FROM users WHERE id = $1 AND authority_id = $2 AND role = 'social_worker' AND disabled_at IS NULL`,
      [userId, authorityId],
    );
    return !!row;
  }
}
