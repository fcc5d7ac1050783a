// The agenda pack's sections, read in the caller's transaction and scoped to one authority. Each
// pack starts where the previous one ended, so every new episode is on exactly one meeting's agenda
// (the first pack frozen after it was recorded) without any row having to be written when it opens.
import { defaultPolicy } from '../escalation/default-policy';
import { CG_MIN_DAYS_AFTER_RG } from '../nrm/nrm-deadlines';
import type { Tx } from '../platform/database/transaction';

export interface PackWindow {
  authorityId: string;
  from: Date;
  to: Date;
  meetingDate: string;
  today: string;
  /** Episodes the previous pack listed: never listed twice. */
  alreadyListed: string[];
}

const REPEAT_COUNT = 3;
const REPEAT_WINDOW_DAYS = defaultPolicy.settings.repeatWindowDays;
const RETURN_INTERVIEW_HOURS = 72;
/** Longer than any transaction that records an episode. */
const COMMIT_MARGIN_MS = 3_600_000;

/** The child columns every section shows: a reference, never a name. */
const child = `c.id AS "childId", c.reference AS "childRef", c.date_of_birth::text AS "dateOfBirth", c.nationality, c.trafficking_status AS "traffickingStatus"`;

/**
 * Not who returned the child nor why the episode closed: free text that names people (a carer's name, from their
 * texts).
 */
const episode = `e.id AS "episodeId", e.reference AS "episodeRef", e.kind, e.state, e.discovered_at AS "discoveredAt", e.returned_at AS "returnedAt",
  e.closed_at AS "closedAt", e.risk_grade AS "riskGrade", e.high_risk_from_start AS "highRiskFromStart", e.police_reference AS "policeReference"`;

/** Whom a failed message was for, as a role: a contact's or user's, else the recipient type (carer, guardian, duty). */
const recipientRole = `CASE n.recipient_type WHEN 'contact' THEN rc.role WHEN 'user' THEN ru.role ELSE 'recipient_' || n.recipient_type END`;

export type Row = Record<string, unknown>;

export async function packSections(tx: Tx, w: PackWindow) {
  const p = [w.authorityId, w.from, w.to];
  // One after another: they share the transaction's single connection.
  const queries: [string, unknown[]][] = [
    // By when it was recorded, not only when it was discovered (a report may be backdated), and
    // so an episode whose transaction commits just after a pack is frozen is on the next one:
    // that pack starts a margin earlier and leaves out what this one listed.
    [
      `SELECT ${child}, ${episode} FROM missing_episodes e JOIN children c ON c.id = e.child_id
      WHERE e.authority_id = $1 AND (e.created_at >= $2 OR e.discovered_at >= $2) AND e.created_at <= $3 AND e.id <> ALL($4::uuid[])
      ORDER BY c.reference, e.discovered_at`,
      [w.authorityId, new Date(w.from.getTime() - COMMIT_MARGIN_MS), w.to, w.alreadyListed],
    ],
    [
      `SELECT ${child}, ${episode} FROM missing_episodes e JOIN children c ON c.id = e.child_id
      WHERE e.authority_id = $1 AND e.returned_at IS NULL AND e.closed_at IS NULL AND e.discovered_at <= $2 ORDER BY e.discovered_at`,
      [w.authorityId, w.to],
    ],
    [
      `SELECT ${child}, r.most::int AS "mostInWindow" FROM (
        SELECT e.child_id, max((SELECT count(*) FROM missing_episodes x WHERE x.child_id = e.child_id
          AND x.discovered_at > e.discovered_at - make_interval(days => $4) AND x.discovered_at <= e.discovered_at)) AS most
        FROM missing_episodes e WHERE e.authority_id = $1 AND e.discovered_at >= $2 AND e.discovered_at < $3 GROUP BY e.child_id
      ) r JOIN children c ON c.id = r.child_id WHERE r.most >= $5 ORDER BY c.reference`,
      [...p, REPEAT_WINDOW_DAYS, REPEAT_COUNT],
    ],
    [
      `SELECT ${child}, c.arrival_date::text AS "arrivalDate", c.arrival_port AS "arrivalPort", c.care_started_at AS "careStartedAt"
      FROM children c WHERE c.authority_id = $1 AND c.care_ended_at IS NULL AND c.trafficking_status IN ('suspected', 'confirmed')
      AND ((c.care_started_at >= $2 AND c.care_started_at < $3) OR (c.arrival_date >= ($2::timestamptz AT TIME ZONE 'Europe/London')::date
        AND c.arrival_date < ($3::timestamptz AT TIME ZONE 'Europe/London')::date)) ORDER BY c.care_started_at`,
      p,
    ],
    [
      `SELECT ${child}, ${episode}, e.returned_at + make_interval(hours => $3) AS "interviewDueAt"
      FROM missing_episodes e JOIN children c ON c.id = e.child_id WHERE e.authority_id = $1 AND e.returned_at IS NOT NULL
      AND e.return_interview_held_at IS NULL AND NOT e.return_interview_declined AND e.closed_at IS NULL
      AND e.returned_at + make_interval(hours => $3) < $2 ORDER BY e.returned_at`,
      [w.authorityId, w.to, RETURN_INTERVIEW_HOURS],
    ],
    [
      `SELECT ${child}, p.version, p.risk_of_missing AS "riskOfMissing", p.review_on::text AS "reviewOn"
      FROM safeguarding_plans p JOIN children c ON c.id = p.child_id AND c.care_ended_at IS NULL WHERE p.authority_id = $1
      AND p.version = (SELECT max(v.version) FROM safeguarding_plans v WHERE v.child_id = p.child_id)
      AND p.review_on <= $2::date ORDER BY p.review_on`,
      [w.authorityId, w.meetingDate],
    ],
    [
      `SELECT ${child}, r.reference AS "nrmReference",
        CASE WHEN r.rg_decision = 'pending' THEN 'reasonable_grounds' ELSE 'conclusive_grounds' END AS decision,
        (CASE WHEN r.rg_decision = 'pending' THEN r.rg_due_on ELSE r.rg_decided_on + $3::int END)::text AS "dueOn"
      FROM nrm_referrals r JOIN children c ON c.id = r.child_id WHERE r.authority_id = $1
      AND ((r.rg_decision = 'pending' AND r.rg_due_on <= $2::date)
        OR (r.rg_decision = 'positive' AND r.cg_decision = 'pending' AND r.rg_decided_on + $3::int <= $2::date)) ORDER BY "dueOn"`,
      [w.authorityId, w.meetingDate, CG_MIN_DAYS_AFTER_RG],
    ],
    [
      `SELECT n.id, n.updated_at AS at, n.channel, ${recipientRole} AS "recipientRole", n.template, n.status, n.last_error AS reason,
        e.reference AS "episodeRef", c.reference AS "childRef"
      FROM notifications n LEFT JOIN missing_episodes e ON e.id = n.episode_id LEFT JOIN children c ON c.id = e.child_id
      LEFT JOIN contacts rc ON n.recipient_type = 'contact' AND rc.id = n.recipient_id LEFT JOIN users ru ON n.recipient_type = 'user' AND ru.id = n.recipient_id
      WHERE n.authority_id = $1 AND n.status IN ('failed', 'undelivered') AND n.updated_at >= $2 AND n.updated_at < $3 ORDER BY n.updated_at`,
      p,
    ],
    // The owner by role (the member's), not by name; an owner who is not a member has no role here.
    [
      `SELECT a.id, a.description, coalesce(ou.role, oc.role) AS "ownerRole", a.due_on::text AS "dueOn", c.reference AS "childRef",
        m.starts_at AS "agreedAt", a.due_on < $2::date AS overdue
      FROM group_actions a JOIN group_meetings m ON m.id = a.meeting_id LEFT JOIN children c ON c.id = a.child_id
      LEFT JOIN group_members om ON om.id = a.owner_member_id LEFT JOIN users ou ON ou.id = om.user_id LEFT JOIN contacts oc ON oc.id = om.contact_id
      WHERE a.authority_id = $1 AND a.completed_at IS NULL ORDER BY a.due_on, a.created_at`,
      [w.authorityId, w.today],
    ],
  ];
  const results: Row[][] = [];
  for (const [sql, params] of queries) results.push(await tx.query(sql, params));
  const [missing, stillMissing, repeatMissers, newArrivals, interviews, plans, nrm, failed, actions] = results;
  return { missing, stillMissing, repeatMissers, newArrivals, interviews, plans, nrm, failed, actions };
}

export type PackSections = Awaited<ReturnType<typeof packSections>>;
