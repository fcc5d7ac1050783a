// Legal holds on a child's records: placed with a reason, released with one, never deleted.
import type { Tx } from '../platform/database/transaction';

export interface LegalHold {
  id: string;
  childId: string;
  childReference: string;
  reason: string;
  placedBy: string;
  placedAt: Date;
  releasedBy: string | null;
  releasedAt: Date | null;
  releaseReason: string | null;
}

const SELECT = `SELECT h.id, h.child_id AS "childId", c.reference AS "childReference", h.reason,
    p.name AS "placedBy", h.placed_at AS "placedAt", r.name AS "releasedBy", h.released_at AS "releasedAt",
    h.release_reason AS "releaseReason"
  FROM legal_holds h JOIN children c ON c.id = h.child_id JOIN users p ON p.id = h.placed_by
  LEFT JOIN users r ON r.id = h.released_by`;

export class LegalHoldsRepository {
  async list(tx: Tx, authorityId: string, childId?: string): Promise<LegalHold[]> {
    return tx.query(
      `${SELECT} WHERE h.authority_id = $1 AND ($2::uuid IS NULL OR h.child_id = $2)
        ORDER BY h.released_at IS NOT NULL, h.placed_at DESC`,
      [authorityId, childId ?? null],
    );
  }

  async find(tx: Tx, authorityId: string, id: string): Promise<LegalHold | null> {
    const [row] = await tx.query(`${SELECT} WHERE h.authority_id = $1 AND h.id = $2`, [authorityId, id]);
    return row ?? null;
  }

  async insert(tx: Tx, authorityId: string, childId: string, reason: string, userId: string, at: Date) {
    const [row] = await tx.query(
      `INSERT INTO legal_holds (authority_id, child_id, reason, placed_by, placed_at) VALUES ($1, $2, $3, $4, $5)
       RETURNING id`,
      [authorityId, childId, reason, userId, at],
    );
    return row.id as string;
  }

  async release(tx: Tx, id: string, reason: string, userId: string, at: Date): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE legal_holds SET released_by = $2, released_at = $3, release_reason = $4
        WHERE id = $1 AND released_at IS NULL RETURNING id`,
      [id, userId, at, reason],
    );
    return rows[0].length > 0;
  }

  /** Whether a hold stands on this child now (locks the child's holds against a concurrent release). */
  async standing(tx: Tx, childId: string): Promise<boolean> {
    const rows = await tx.query('SELECT 1 FROM legal_holds WHERE child_id = $1 AND released_at IS NULL FOR SHARE', [
      childId,
    ]);
    return rows.length > 0;
  }

  /** The children with a standing hold, of those given. */
  async heldAmong(tx: Tx, authorityId: string): Promise<Set<string>> {
    const rows = await tx.query(
      'SELECT DISTINCT child_id AS "childId" FROM legal_holds WHERE authority_id = $1 AND released_at IS NULL',
      [authorityId],
    );
    return new Set(rows.map((r: { childId: string }) => r.childId));
  }
}
