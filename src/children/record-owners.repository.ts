// Which authority holds a record, and whose child it is, by the record type the audit trail names it by.
// A refusal of another authority's record is also written on the holder's trail (refusal-audit.plugin),
// where its data protection officer asks "who tried to open this child's record?".
import type { DataSource } from 'typeorm';

export interface RecordOwner {
  authorityId: string;
  childId: string;
}

// The records that hold a child's data, each with the column naming its child.
const HOLDERS: Record<string, { table: string; child: string }> = {
  child: { table: 'children', child: 'id' },
  missing_episode: { table: 'missing_episodes', child: 'child_id' },
  placement: { table: 'placements', child: 'child_id' },
  guardian: { table: 'guardians', child: 'child_id' },
  nrm_referral: { table: 'nrm_referrals', child: 'child_id' },
};

export class RecordOwnersRepository {
  constructor(private readonly db: DataSource) {}

  /** Null for a record type that holds no child's data, or no such record. */
  async ownerOf(entityType: string, id: string): Promise<RecordOwner | null> {
    if (!Object.hasOwn(HOLDERS, entityType)) return null;
    const holder = HOLDERS[entityType];
    const [row] = await this.db.query(
      `SELECT authority_id AS "authorityId", ${holder.child} AS "childId" FROM ${holder.table} WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }
}
