// Which authority holds a record, and whose child it is, by the record type the audit trail names it by.
// A refusal of another authority's record is also written on the holder's trail (refusal-audit.plugin),
// where its data protection officer asks "who tried to open this child's record?".
import type { AuditedSelect } from '../platform/audit/audit.service';

// The records that hold a child's data, each with the column naming its child.
const HOLDERS: Record<string, { table: string; child: string }> = {
  child: { table: 'children', child: 'id' },
  missing_episode: { table: 'missing_episodes', child: 'child_id' },
  placement: { table: 'placements', child: 'child_id' },
  guardian: { table: 'guardians', child: 'child_id' },
  nrm_referral: { table: 'nrm_referrals', child: 'child_id' },
};

export class RecordOwnersRepository {
  /**
   * The record's authority and child (columns authority_id, child_id; no row when there is no such record), or null
   * for a record type that holds no child's data.
   */
  ownerOf(entityType: string, id: string): AuditedSelect | null {
    if (!Object.hasOwn(HOLDERS, entityType)) return null;
    const { table, child } = HOLDERS[entityType];
    return { text: `SELECT authority_id, ${child} AS child_id FROM ${table} WHERE id = $1`, values: [id] };
  }
}
