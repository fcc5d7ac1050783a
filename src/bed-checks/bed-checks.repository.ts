// Bed checks: the plans that set them, each check sent (one row per child and time), and the
// claims that make the second text, the duty manager's alert and an answer happen once.
import type { Tx } from '../platform/database/transaction';
import type { BedCheckSchedule } from '../safeguarding/plan-measures';

export interface PlanWithChecks {
  planId: string;
  authorityId: string;
  childId: string;
  childRef: string;
  schedule: BedCheckSchedule;
  windowStart: Date;
  carerNumbers: string[];
}
export interface SentCheck {
  id: string;
  authorityId: string;
  childId: string;
  childRef: string;
  dueAt: Date;
  carerNumbers: string[];
}
export interface ScheduleInForce {
  childId: string;
  schedule: BedCheckSchedule;
  windowStart: Date;
}
export interface CheckRow {
  id: string;
  childId: string;
  dueAt: Date;
  sentAt: Date;
  expiresAt: Date;
  escalatedAt: Date | null;
  answeredAt: Date | null;
  answer: 'yes' | 'no' | null;
  episodeId: string | null;
}
export interface MissedCheck {
  id: string;
  childId: string;
  dueAt: Date;
  answeredAt: Date | null;
  answer: string | null;
}

// A check no longer waits once a later one for the same child has gone out.
const NOT_SUPERSEDED =
  'NOT EXISTS (SELECT 1 FROM bed_checks later WHERE later.child_id = b.child_id AND later.due_at > b.due_at)';
// A child reported missing (episode open, no return yet) is not checked or chased: the search is on.
const NOT_MISSING = (child: string) =>
  `NOT EXISTS (SELECT 1 FROM missing_episodes e WHERE e.child_id = ${child} AND e.closed_at IS NULL
    AND e.returned_at IS NULL)`;
const SENT_COLUMNS = `b.id, b.authority_id AS "authorityId", b.child_id AS "childId", c.reference AS "childRef", b.due_at AS "dueAt",
  b.carer_numbers AS "carerNumbers"`;

export class BedChecksRepository {
  /**
   * Plans in force with bed checks whose window may still be open, for children in care and in a placement, in every
   * authority.
   */
  async plansWithChecks(tx: Tx, startedAfter: Date): Promise<PlanWithChecks[]> {
    return tx.query(
      `SELECT p.id AS "planId", p.authority_id AS "authorityId", p.child_id AS "childId", c.reference AS "childRef",
        p.bed_checks AS schedule, greatest(p.created_at, pl.started_at) AS "windowStart",
        array(SELECT pc.mobile FROM placement_carers pc WHERE pc.placement_id = pl.id ORDER BY pc.name, pc.id) AS "carerNumbers"
      FROM safeguarding_plans p
      JOIN children c ON c.id = p.child_id AND c.care_ended_at IS NULL
      JOIN placements pl ON pl.child_id = p.child_id AND pl.authority_id = p.authority_id AND pl.ended_at IS NULL
      WHERE p.bed_checks IS NOT NULL AND greatest(p.created_at, pl.started_at) > $1 AND ${NOT_MISSING('p.child_id')}
        AND p.version = (SELECT max(v.version) FROM safeguarding_plans v WHERE v.child_id = p.child_id)`,
      [startedAfter],
    );
  }

  /** Records the check as sent; null if another instance (or an earlier run) already sent it. */
  async insert(
    tx: Tx,
    c: {
      authorityId: string;
      childId: string;
      planId: string;
      dueAt: Date;
      expiresAt: Date;
      carerNumbers: string[];
      at: Date;
    },
  ): Promise<string | null> {
    const rows = await tx.query(
      `INSERT INTO bed_checks (authority_id, child_id, plan_id, due_at, expires_at, carer_numbers, sent_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (child_id, due_at) DO NOTHING RETURNING id`,
      [c.authorityId, c.childId, c.planId, c.dueAt, c.expiresAt, c.carerNumbers, c.at],
    );
    return rows[0]?.id ?? null;
  }

  /** Claims the unanswered, still current checks sent at or before `sentBy` that have not had this follow-up. */
  async claim(tx: Tx, followUp: 'reminded_at' | 'escalated_at', sentBy: Date, at: Date): Promise<SentCheck[]> {
    return tx.query(
      `WITH claimed AS (UPDATE bed_checks b SET ${followUp} = $2
        WHERE b.answered_at IS NULL AND b.${followUp} IS NULL AND b.sent_at <= $1 AND ${NOT_SUPERSEDED}
          AND ${NOT_MISSING('b.child_id')}
        RETURNING b.*)
      SELECT ${SENT_COLUMNS} FROM claimed b JOIN children c ON c.id = b.child_id`,
      [sentBy, at],
    );
  }

  /**
   * The checks waiting for an answer from this number at `now`: sent to it, unanswered, not yet expired (the next
   * check's time has not come) and not superseded; newest first.
   */
  async waitingFor(tx: Tx, fromNumber: string, now: Date): Promise<(SentCheck & { sentAt: Date })[]> {
    return tx.query(
      `SELECT ${SENT_COLUMNS}, b.sent_at AS "sentAt" FROM bed_checks b JOIN children c ON c.id = b.child_id
      WHERE $1 = ANY(b.carer_numbers) AND b.answered_at IS NULL AND b.sent_at <= $2 AND b.expires_at > $2
        AND ${NOT_SUPERSEDED}
      ORDER BY b.sent_at DESC FOR UPDATE OF b`,
      [fromNumber, now],
    );
  }

  async answer(tx: Tx, id: string, a: { answer: 'yes' | 'no'; from: string; at: Date }): Promise<boolean> {
    const rows = await tx.query(
      `WITH answered AS (UPDATE bed_checks SET answered_at = $2, answer = $3, answered_from = $4
      WHERE id = $1 AND answered_at IS NULL RETURNING id) SELECT * FROM answered`,
      [id, a.at, a.answer, a.from],
    );
    return rows.length > 0;
  }

  async linkEpisode(tx: Tx, id: string, episodeId: string): Promise<void> {
    await tx.query('UPDATE bed_checks SET episode_id = $2 WHERE id = $1', [id, episodeId]);
  }

  /** Checks in this authority that reached the duty manager since `since`, newest first. */
  async missed(tx: Tx, authorityId: string, since: Date): Promise<MissedCheck[]> {
    return tx.query(
      `SELECT id, child_id AS "childId", due_at AS "dueAt", answered_at AS "answeredAt", answer FROM bed_checks
      WHERE authority_id = $1 AND escalated_at IS NOT NULL AND due_at > $2 ORDER BY due_at DESC LIMIT 50`,
      [authorityId, since],
    );
  }

  /** The bed checks of the plan in force of each current placement in the authority (or of these children). */
  async schedules(tx: Tx, authorityId: string, childIds: string[] | null): Promise<ScheduleInForce[]> {
    return tx.query(
      `SELECT p.child_id AS "childId", p.bed_checks AS schedule, greatest(p.created_at, pl.started_at) AS "windowStart"
      FROM safeguarding_plans p
      JOIN children c ON c.id = p.child_id AND c.care_ended_at IS NULL
      JOIN placements pl ON pl.child_id = p.child_id AND pl.authority_id = p.authority_id AND pl.ended_at IS NULL
      WHERE p.authority_id = $1 AND p.bed_checks IS NOT NULL AND ($2::uuid[] IS NULL OR p.child_id = ANY($2))
        AND p.version = (SELECT max(v.version) FROM safeguarding_plans v WHERE v.child_id = p.child_id)`,
      [authorityId, childIds],
    );
  }

  /** The checks sent in the authority (or to these children's carers) due between `from` and `to`. */
  async sentBetween(tx: Tx, authorityId: string, childIds: string[] | null, from: Date, to: Date): Promise<CheckRow[]> {
    return tx.query(
      `SELECT id, child_id AS "childId", due_at AS "dueAt", sent_at AS "sentAt", expires_at AS "expiresAt",
        escalated_at AS "escalatedAt", answered_at AS "answeredAt", answer, episode_id AS "episodeId"
      FROM bed_checks WHERE authority_id = $1 AND ($2::uuid[] IS NULL OR child_id = ANY($2))
        AND due_at >= $3 AND due_at <= $4 ORDER BY due_at`,
      [authorityId, childIds, from, to],
    );
  }
}
