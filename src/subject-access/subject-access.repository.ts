// Subject access requests, their pauses for clarification and the officer's redaction marks.
import type { Tx } from '../platform/database/transaction';

export interface SarRow {
  id: string;
  subjectKind: 'child' | 'carer';
  childId: string | null;
  childReference: string | null;
  carerMobile: string | null;
  requester: string;
  receivedOn: string;
  extensionMonths: number;
  extensionReason: string | null;
  completedAt: Date | null;
  createdAt: Date;
  pauses: Pause[];
}

export interface Pause {
  pausedOn: string;
  resumedOn: string | null;
  reason: string;
}

export interface Redaction {
  id: string;
  section: string;
  itemId: string;
  field: string;
  reason: 'other_child' | 'carer_contact' | 'police_information' | 'third_party';
  note: string | null;
  markedAt: Date;
}

const SELECT = `SELECT r.id, r.subject_kind AS "subjectKind", r.child_id AS "childId", c.reference AS "childReference",
    r.carer_mobile AS "carerMobile", r.requester, r.received_on::text AS "receivedOn",
    r.extension_months AS "extensionMonths", r.extension_reason AS "extensionReason", r.completed_at AS "completedAt",
    r.created_at AS "createdAt",
    COALESCE((SELECT json_agg(json_build_object('pausedOn', p.paused_on, 'resumedOn', p.resumed_on, 'reason', p.reason)
      ORDER BY p.paused_on, p.id) FROM subject_access_pauses p WHERE p.request_id = r.id), '[]') AS pauses
  FROM subject_access_requests r LEFT JOIN children c ON c.id = r.child_id`;

export type NewRequest = Pick<SarRow, 'subjectKind' | 'childId' | 'carerMobile' | 'requester' | 'receivedOn'>;

export class SubjectAccessRepository {
  async list(tx: Tx, authorityId: string): Promise<SarRow[]> {
    return tx.query(`${SELECT} WHERE r.authority_id = $1 ORDER BY r.completed_at IS NOT NULL, r.received_on`, [
      authorityId,
    ]);
  }

  async find(tx: Tx, authorityId: string, id: string, lock = false): Promise<SarRow | null> {
    if (lock)
      await tx.query('SELECT 1 FROM subject_access_requests WHERE id = $1 AND authority_id = $2 FOR UPDATE', [
        id,
        authorityId,
      ]);
    const [row] = await tx.query(`${SELECT} WHERE r.authority_id = $1 AND r.id = $2`, [authorityId, id]);
    return row ?? null;
  }

  async insert(tx: Tx, authorityId: string, r: NewRequest, userId: string, at: Date): Promise<string> {
    const [row] = await tx.query(
      `INSERT INTO subject_access_requests (authority_id, subject_kind, child_id, carer_mobile, requester, received_on,
         created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [authorityId, r.subjectKind, r.childId, r.carerMobile, r.requester, r.receivedOn, userId, at],
    );
    return row.id;
  }

  async pause(tx: Tx, id: string, on: string, reason: string, userId: string): Promise<void> {
    await tx.query(
      'INSERT INTO subject_access_pauses (request_id, paused_on, reason, paused_by) VALUES ($1, $2, $3, $4)',
      [id, on, reason, userId],
    );
  }

  async resume(tx: Tx, id: string, on: string, userId: string): Promise<void> {
    await tx.query(
      'UPDATE subject_access_pauses SET resumed_on = $2, resumed_by = $3 WHERE request_id = $1 AND resumed_on IS NULL',
      [id, on, userId],
    );
  }

  async extend(tx: Tx, id: string, months: number, reason: string): Promise<void> {
    await tx.query('UPDATE subject_access_requests SET extension_months = $2, extension_reason = $3 WHERE id = $1', [
      id,
      months,
      reason,
    ]);
  }

  async complete(tx: Tx, id: string, at: Date): Promise<void> {
    await tx.query('UPDATE subject_access_requests SET completed_at = $2 WHERE id = $1', [id, at]);
  }

  async redactions(tx: Tx, requestId: string): Promise<Redaction[]> {
    return tx.query(
      `SELECT id, section, item_id AS "itemId", field, reason, note, marked_at AS "markedAt"
         FROM subject_access_redactions WHERE request_id = $1 ORDER BY marked_at, id`,
      [requestId],
    );
  }

  async mark(tx: Tx, requestId: string, m: Omit<Redaction, 'id' | 'markedAt'>, userId: string, at: Date) {
    await tx.query(
      `INSERT INTO subject_access_redactions (request_id, section, item_id, field, reason, note, marked_by, marked_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (request_id, section, item_id, field) DO UPDATE SET reason = EXCLUDED.reason, note = EXCLUDED.note,
         marked_by = EXCLUDED.marked_by, marked_at = EXCLUDED.marked_at`,
      [requestId, m.section, m.itemId, m.field, m.reason, m.note, userId, at],
    );
  }

  async unmark(tx: Tx, requestId: string, redactionId: string): Promise<boolean> {
    const [, count] = await tx.query('DELETE FROM subject_access_redactions WHERE request_id = $1 AND id = $2', [
      requestId,
      redactionId,
    ]);
    return count > 0;
  }
}
