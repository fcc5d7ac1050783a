// What anonymising or shortening does to each kind of record. The row stays (ids, dates, statuses
// and delivery records keep the history and the returns whole); the personal content goes.
import type { Tx } from '../platform/database/transaction';
import type { ReviewedKind } from './retention-kinds';

const REMOVED = 'Removed';

const statements: Record<ReviewedKind, string[]> = {
  child_record: [
    `UPDATE children SET first_names = '${REMOVED}', last_name = '${REMOVED}', aliases = '{}', gender = NULL,
       nationality = NULL, first_language = NULL, arrival_port = NULL, anonymised_at = $2 WHERE id = $1`,
    'DELETE FROM missing_profile_photos WHERE child_id = $1',
    'DELETE FROM missing_profiles WHERE child_id = $1',
    `UPDATE placements SET address = '${REMOVED}' WHERE child_id = $1`,
    `UPDATE notifications SET body_text = NULL, body_html = NULL, subject = NULL, data = NULL, attachments = NULL,
       body_removed_at = $2 WHERE body_removed_at IS NULL AND status NOT IN ('queued', 'sending')
       AND episode_id IN (SELECT id FROM missing_episodes WHERE child_id = $1)`,
    `UPDATE inbound_messages SET body = '', body_removed_at = $2 WHERE child_id = $1 AND body_removed_at IS NULL`,
  ],
  message_bodies: [
    `UPDATE notifications SET body_text = NULL, body_html = NULL, subject = NULL, data = NULL, attachments = NULL,
       body_removed_at = $2 WHERE id = $1 AND body_removed_at IS NULL`,
  ],
  inbound_texts: [
    `UPDATE inbound_messages SET body = '', body_removed_at = $2 WHERE id = $1 AND body_removed_at IS NULL`,
  ],
  users: [
    `UPDATE users SET name = 'Former user', email = 'removed-' || id || '@invalid', mobile = NULL,
       anonymised_at = $2 WHERE id = $1`,
  ],
  carers: [
    `UPDATE placement_carers SET name = '${REMOVED}', mobile = 'removed-' || left(id::text, 8), email = NULL,
       anonymised_at = $2 WHERE id = $1`,
  ],
  contacts: [`UPDATE contacts SET name = '${REMOVED}', mobile = NULL, email = NULL, anonymised_at = $2 WHERE id = $1`],
};

export class DisposalRepository {
  async dispose(tx: Tx, kind: ReviewedKind, recordId: string, at: Date): Promise<void> {
    for (const sql of statements[kind]) await tx.query(sql, sql.includes('$2') ? [recordId, at] : [recordId]);
  }
}
