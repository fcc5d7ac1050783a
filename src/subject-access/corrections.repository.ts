// Corrections to a child's record: each changed field with its value before and after, who and why.
import type { Tx } from '../platform/database/transaction';

export interface Correction {
  id: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  reason: string;
  correctedBy: string;
  correctedAt: Date;
}

export class CorrectionsRepository {
  async insert(
    tx: Tx,
    row: { authorityId: string; childId: string; field: string; oldValue: unknown; newValue: unknown },
    reason: string,
    userId: string,
    at: Date,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO child_corrections (authority_id, child_id, field, old_value, new_value, reason, corrected_by,
         corrected_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        row.authorityId,
        row.childId,
        row.field,
        JSON.stringify(row.oldValue ?? null),
        JSON.stringify(row.newValue ?? null),
        reason,
        userId,
        at,
      ],
    );
  }

  async forChild(tx: Tx, authorityId: string, childId: string): Promise<Correction[]> {
    return tx.query(
      `SELECT k.id, k.field, k.old_value AS "oldValue", k.new_value AS "newValue", k.reason,
         u.name AS "correctedBy", k.corrected_at AS "correctedAt"
       FROM child_corrections k JOIN users u ON u.id = k.corrected_by
       WHERE k.authority_id = $1 AND k.child_id = $2 ORDER BY k.corrected_at, k.id`,
      [authorityId, childId],
    );
  }
}
