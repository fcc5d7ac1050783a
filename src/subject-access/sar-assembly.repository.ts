// Everything held about one child (or one carer), section by section, as plain rows. Every query is
// bound to the authority and to the subject; what is shared with other children (a meeting's
// minutes, a pack listing several children) is left out, and what remains is scrubbed of other
// children by the service.
import type { Tx } from '../platform/database/transaction';

type Row = Record<string, unknown>;
const episodes = 'SELECT id FROM missing_episodes WHERE child_id = $1 AND authority_id = $2';

/** [section, query] for a child; $1 the child, $2 the authority. */
export const childQueries: [string, string][] = [
  ['child', 'SELECT * FROM children WHERE id = $1 AND authority_id = $2'],
  [
    'corrections',
    `SELECT k.id, k.field, k.old_value, k.new_value, k.reason, u.name AS corrected_by, k.corrected_at
       FROM child_corrections k JOIN users u ON u.id = k.corrected_by
      WHERE k.child_id = $1 AND k.authority_id = $2 ORDER BY k.corrected_at, k.id`,
  ],
  [
    'placements',
    `SELECT p.*, COALESCE((SELECT json_agg(json_build_object('name', pc.name, 'mobile', pc.mobile, 'email', pc.email)
       ORDER BY pc.name) FROM placement_carers pc WHERE pc.placement_id = p.id), '[]') AS carers
       FROM placements p WHERE p.child_id = $1 AND p.authority_id = $2 ORDER BY p.started_at`,
  ],
  ['guardians', 'SELECT * FROM guardians WHERE child_id = $1 AND authority_id = $2 ORDER BY referred_on'],
  ['plans', 'SELECT * FROM safeguarding_plans WHERE child_id = $1 AND authority_id = $2 ORDER BY created_at'],
  ['profile', 'SELECT child_id AS id, p.* FROM missing_profiles p WHERE child_id = $1 AND authority_id = $2'],
  [
    'photographs',
    `SELECT child_id AS id, content_type, width, height, uploaded_at, encode(bytes, 'base64') AS image_base64
       FROM missing_profile_photos WHERE child_id = $1 AND authority_id = $2`,
  ],
  [
    'assessments',
    'SELECT * FROM trafficking_assessments WHERE child_id = $1 AND authority_id = $2 ORDER BY assessed_on',
  ],
  ['nrm', 'SELECT * FROM nrm_referrals WHERE child_id = $1 AND authority_id = $2 ORDER BY referred_on'],
  ['episodes', 'SELECT * FROM missing_episodes WHERE child_id = $1 AND authority_id = $2 ORDER BY discovered_at'],
  [
    'timeline',
    `SELECT id::text AS id, episode_id, at, type, actor_name, summary, data FROM episode_events
      WHERE episode_id IN (${episodes}) ORDER BY at, id`,
  ],
  [
    'risk_grades',
    `SELECT id, episode_id, grade, previous_grade, reason, graded_by_name, graded_at FROM episode_risk_grades
      WHERE episode_id IN (${episodes}) ORDER BY graded_at`,
  ],
  [
    'messages',
    `SELECT id, episode_id, channel, recipient_type, recipient_name, address, template, subject, body_text, status,
        created_at, sent_at, delivered_at, body_removed_at FROM notifications
      WHERE authority_id = $2 AND episode_id IN (${episodes}) ORDER BY created_at, id`,
  ],
  [
    'inbound_texts',
    `SELECT id, from_number, body, received_at, command, outcome, reply, body_removed_at FROM inbound_messages
      WHERE authority_id = $2 AND (child_id = $1 OR episode_id IN (${episodes})) ORDER BY received_at, id`,
  ],
  [
    'bed_checks',
    `SELECT id, due_at, carer_numbers, sent_at, reminded_at, escalated_at, answered_at, answer, episode_id
       FROM bed_checks WHERE child_id = $1 AND authority_id = $2 ORDER BY due_at`,
  ],
  [
    'meetings',
    `SELECT r.id, m.starts_at AS meeting_at, r.indicators_considered, r.decision, r.plan_changes, r.debrief_arranged,
        r.debrief_with, r.created_at FROM group_reviews r JOIN group_meetings m ON m.id = r.meeting_id
      WHERE r.child_id = $1 AND r.authority_id = $2 ORDER BY r.created_at`,
  ],
  [
    'meeting_actions',
    `SELECT id, description, owner_name, due_on, completed_at, completion_note FROM group_actions
      WHERE child_id = $1 AND authority_id = $2 ORDER BY due_on`,
  ],
  [
    'audit',
    // The actor's organisation says when someone of another authority tried to open the record (a refusal's copy).
    `SELECT a.id::text AS id, a.at, a.action, a.entity_type, u.name AS actor_name, a.actor_role,
        ua.name AS actor_organisation
       FROM audit_events a LEFT JOIN users u ON u.id = a.actor_user_id LEFT JOIN local_authorities ua ON ua.id = u.authority_id
      WHERE a.authority_id = $2 AND (a.child_id = $1 OR a.changes -> 'childIds' ? $1::text) ORDER BY a.at, a.id`,
  ],
];

/** [section, query] for a carer, named by their registered mobile; $1 the mobile, $2 the authority. */
export const carerQueries: [string, string][] = [
  [
    'carer_records',
    `SELECT pc.id, pc.name, pc.mobile, pc.email, p.type AS placement_type, p.provider, p.address, p.started_at,
        p.ended_at FROM placement_carers pc JOIN placements p ON p.id = pc.placement_id
      WHERE pc.mobile = $1 AND pc.authority_id = $2 ORDER BY p.started_at`,
  ],
  [
    'inbound_texts',
    `SELECT id, from_number, body, received_at, command, outcome, reply, body_removed_at FROM inbound_messages
      WHERE from_number = $1 AND authority_id = $2 ORDER BY received_at, id`,
  ],
  [
    'messages',
    `SELECT id, channel, recipient_name, address, template, subject, body_text, status, created_at, sent_at,
        delivered_at, body_removed_at FROM notifications WHERE address = $1 AND authority_id = $2
      ORDER BY created_at, id`,
  ],
];

export interface ChildTokens {
  id: string;
  reference: string;
  localId: string;
  firstNames: string;
  lastName: string;
  aliases: string[];
}

export class SarAssemblyRepository {
  async section(tx: Tx, sql: string, subject: string, authorityId: string): Promise<Row[]> {
    return tx.query(sql, [subject, authorityId]);
  }

  /** What identifies each child of the authority, to scrub every child but the subject from the export. */
  async childTokens(tx: Tx, authorityId: string): Promise<ChildTokens[]> {
    return tx.query(
      `SELECT id, reference, local_id AS "localId", first_names AS "firstNames", last_name AS "lastName", aliases
         FROM children WHERE authority_id = $1`,
      [authorityId],
    );
  }
}
