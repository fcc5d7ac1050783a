// What has passed its date, per kind of record: the record's id, its child (if any), the date the
// period runs from. `cutoff` is the latest such date that has run out; each query is scoped to one
// authority and skips records already disposed of and those with an open review item.
import type { Tx } from '../platform/database/transaction';
import type { ReviewedKind } from './retention-kinds';

export interface DueRecord {
  recordId: string;
  childId: string | null;
  recordDate: string;
}

const open = (kind: ReviewedKind, id: string) =>
  `NOT EXISTS (SELECT 1 FROM retention_reviews r WHERE r.kind = '${kind}' AND r.record_id = ${id}
    AND r.status IN ('due', 'asked'))`;

const queries: Record<ReviewedKind, string> = {
  // Still in care: never due, whatever the age.
  child_record: `SELECT c.id AS "recordId", c.id AS "childId", c.date_of_birth::text AS "recordDate" FROM children c
    WHERE c.authority_id = $1 AND c.care_ended_at IS NOT NULL AND c.anonymised_at IS NULL AND c.date_of_birth <= $2
      AND ${open('child_record', 'c.id')}`,
  message_bodies: `SELECT n.id AS "recordId", e.child_id AS "childId", (n.created_at AT TIME ZONE 'Europe/London')::date::text
      AS "recordDate" FROM notifications n LEFT JOIN missing_episodes e ON e.id = n.episode_id
    WHERE n.authority_id = $1 AND n.body_removed_at IS NULL AND n.status NOT IN ('queued', 'sending')
      AND (n.created_at AT TIME ZONE 'Europe/London')::date <= $2 AND ${open('message_bodies', 'n.id')}`,
  inbound_texts: `SELECT m.id AS "recordId", m.child_id AS "childId", (m.received_at AT TIME ZONE 'Europe/London')::date::text
      AS "recordDate" FROM inbound_messages m
    WHERE m.authority_id = $1 AND m.body_removed_at IS NULL
      AND (m.received_at AT TIME ZONE 'Europe/London')::date <= $2 AND ${open('inbound_texts', 'm.id')}`,
  users: `SELECT u.id AS "recordId", NULL AS "childId", (u.disabled_at AT TIME ZONE 'Europe/London')::date::text
      AS "recordDate" FROM users u
    WHERE u.authority_id = $1 AND u.anonymised_at IS NULL AND u.disabled_at IS NOT NULL
      AND (u.disabled_at AT TIME ZONE 'Europe/London')::date <= $2 AND ${open('users', 'u.id')}`,
  carers: `SELECT pc.id AS "recordId", p.child_id AS "childId", (p.ended_at AT TIME ZONE 'Europe/London')::date::text
      AS "recordDate" FROM placement_carers pc JOIN placements p ON p.id = pc.placement_id
    WHERE pc.authority_id = $1 AND pc.anonymised_at IS NULL AND p.ended_at IS NOT NULL
      AND (p.ended_at AT TIME ZONE 'Europe/London')::date <= $2 AND ${open('carers', 'pc.id')}`,
  contacts: `SELECT c.id AS "recordId", NULL AS "childId", (c.updated_at AT TIME ZONE 'Europe/London')::date::text
      AS "recordDate" FROM contacts c
    WHERE c.authority_id = $1 AND c.anonymised_at IS NULL AND NOT c.active
      AND (c.updated_at AT TIME ZONE 'Europe/London')::date <= $2 AND ${open('contacts', 'c.id')}`,
};

export class RetentionScanRepository {
  async due(tx: Tx, kind: ReviewedKind, authorityId: string, cutoff: string): Promise<DueRecord[]> {
    return tx.query(queries[kind], [authorityId, cutoff]);
  }
}
