// Which authority holds a record, and whose child it is, by the record type the audit trail names it by.
// A refusal of another authority's record is also written on the holder's trail (refusal-audit.plugin),
// where its data protection officer asks "who tried to open this child's record?".
import type { AuditedSelect } from '../platform/audit/audit.service';

// Each record type that holds a child's data (or, for a text or a request, may): its authority and child by id.
const byId = (table: string, child = 'child_id') =>
  `SELECT authority_id, ${child} AS child_id FROM ${table} WHERE id = $1`;
const OWNERS: Record<string, string> = {
  child: byId('children', 'id'),
  missing_episode: byId('missing_episodes'),
  placement: byId('placements'),
  guardian: byId('guardians'),
  nrm_referral: byId('nrm_referrals'),
  subject_access_request: byId('subject_access_requests'),
  legal_hold: byId('legal_holds'),
  retention_review: byId('retention_reviews'),
  group_action: byId('group_actions'),
  inbound_message: byId('inbound_messages'),
  // A meeting's pack holds several children: the copy names none (the pack's own reads name each).
  group_meeting: 'SELECT authority_id, NULL::uuid AS child_id FROM group_meetings WHERE id = $1',
  placement_carer: `SELECT pc.authority_id, p.child_id FROM placement_carers pc JOIN placements p ON p.id = pc.placement_id
    WHERE pc.id = $1`,
};

export class RecordOwnersRepository {
  /**
   * The record's authority and child (columns authority_id, child_id; no row when there is no such record), or null
   * for a record type that holds no child's data.
   */
  ownerOf(entityType: string, id: string): AuditedSelect | null {
    return Object.hasOwn(OWNERS, entityType) ? { text: OWNERS[entityType], values: [id] } : null;
  }
}
