// Review items (what has passed its date and what was decided) and tombstones (what was removed,
// when, by whom). A tombstone holds ids and dates only, never the record's content.
import type { Tx } from '../platform/database/transaction';
import type { DueRecord } from './retention-scan.repository';

export interface ReviewItem {
  id: string;
  kind: string;
  recordId: string;
  childId: string | null;
  childReference: string | null;
  action: string;
  recordDate: string | null;
  dueOn: string;
  foundAt: Date;
  status: 'due' | 'asked' | 'done' | 'kept';
  askedById: string | null;
  askedBy: string | null;
  askedAt: Date | null;
  askReason: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  keepReason: string | null;
}

export interface Tombstone {
  id: string;
  kind: string;
  recordId: string;
  childId: string | null;
  action: string;
  recordDate: string | null;
  dueOn: string;
  askedBy: string | null;
  askedAt: Date | null;
  approvedBy: string | null;
  approvedAt: Date;
  automatic: boolean;
  ruleSource: string;
}

const ITEM = `SELECT r.id, r.kind, r.record_id AS "recordId", r.child_id AS "childId", c.reference AS "childReference",
    r.action, r.record_date::text AS "recordDate", r.due_on::text AS "dueOn", r.found_at AS "foundAt", r.status,
    r.asked_by AS "askedById", a.name AS "askedBy", r.asked_at AS "askedAt", r.ask_reason AS "askReason",
    d.name AS "decidedBy", r.decided_at AS "decidedAt", r.keep_reason AS "keepReason"
  FROM retention_reviews r LEFT JOIN children c ON c.id = r.child_id
  LEFT JOIN users a ON a.id = r.asked_by LEFT JOIN users d ON d.id = r.decided_by`;

export class RetentionReviewsRepository {
  async add(tx: Tx, authorityId: string, kind: string, action: string, due: DueRecord, dueOn: string, at: Date) {
    const rows = await tx.query(
      `INSERT INTO retention_reviews (authority_id, kind, record_id, child_id, action, record_date, due_on, found_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id`,
      [authorityId, kind, due.recordId, due.childId, action, due.recordDate, dueOn, at],
    );
    return rows[0]?.id as string | undefined;
  }

  async list(tx: Tx, authorityId: string, statuses: string[]): Promise<ReviewItem[]> {
    return tx.query(`${ITEM} WHERE r.authority_id = $1 AND r.status = ANY($2) ORDER BY r.due_on, r.kind, r.id`, [
      authorityId,
      statuses,
    ]);
  }

  /** One item, locked for the decision. */
  async lock(tx: Tx, authorityId: string, id: string): Promise<ReviewItem | null> {
    const [row] = await tx.query(`${ITEM} WHERE r.authority_id = $1 AND r.id = $2 FOR UPDATE OF r`, [authorityId, id]);
    return row ?? null;
  }

  async ask(tx: Tx, id: string, userId: string, reason: string, at: Date): Promise<void> {
    await tx.query(
      `UPDATE retention_reviews SET status = 'asked', asked_by = $2, asked_at = $3, ask_reason = $4 WHERE id = $1`,
      [id, userId, at, reason],
    );
  }

  async decide(tx: Tx, id: string, status: 'done' | 'kept', userId: string | null, at: Date, keepReason?: string) {
    await tx.query(
      'UPDATE retention_reviews SET status = $2, decided_by = $3, decided_at = $4, keep_reason = $5 WHERE id = $1',
      [id, status, userId, at, keepReason ?? null],
    );
  }

  async tombstone(tx: Tx, authorityId: string, item: ReviewItem, approver: string | null, at: Date, source: string) {
    await tx.query(
      `INSERT INTO retention_tombstones (authority_id, review_id, kind, record_id, child_id, action, record_date,
         due_on, asked_by, asked_at, approved_by, approved_at, automatic, rule_source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        authorityId,
        item.id,
        item.kind,
        item.recordId,
        item.childId,
        item.action,
        item.recordDate,
        item.dueOn,
        item.askedById,
        item.askedAt,
        approver,
        at,
        approver === null,
        source,
      ],
    );
  }

  async tombstones(tx: Tx, authorityId: string): Promise<Tombstone[]> {
    return tx.query(
      `SELECT t.id, t.kind, t.record_id AS "recordId", t.child_id AS "childId", t.action,
         t.record_date::text AS "recordDate", t.due_on::text AS "dueOn", a.name AS "askedBy", t.asked_at AS "askedAt",
         p.name AS "approvedBy", t.approved_at AS "approvedAt", t.automatic, t.rule_source AS "ruleSource"
       FROM retention_tombstones t LEFT JOIN users a ON a.id = t.asked_by LEFT JOIN users p ON p.id = t.approved_by
       WHERE t.authority_id = $1 ORDER BY t.approved_at DESC, t.id`,
      [authorityId],
    );
  }
}
