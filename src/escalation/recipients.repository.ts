// The statements behind the recipient lists, and their reading: one per list of per-episode people (for a whole
// batch of episodes at once), one for the authority-wide lists, and a way to ask several of them in
// a single round trip (each list a JSON column of one row).
import { queryPrepared } from '../platform/database/prepared';
import type { Tx } from '../platform/database/transaction';
import type { RecipientRole } from './escalation-policy';
import type { EpisodeParty, PerEpisode } from './recipients';

export const ictgKinds = ['ictg_direct_worker', 'ictg_regional_coordinator'];

export interface ListQuery {
  sql: string;
  params: unknown[];
}

function query(sql: string, params: unknown[]): ListQuery {
  return { sql, params };
}

/** The rows of one list's statement. */
export function readList<T>(tx: Tx, list: ListQuery): Promise<T[]> {
  return queryPrepared(tx, list.sql, list.params);
}

/** Several lists in one round trip: the result's column i holds the rows of statement i. */
export async function readAsOneRow(tx: Tx, lists: ListQuery[]): Promise<Record<string, never[]>> {
  const one = asOneRow(lists);
  const [row] = await queryPrepared<Record<string, never[]>>(tx, one.sql, one.params);
  return row;
}

/** The authority's active team or senior managers with this role, by name. */
export function readManagers<T>(tx: Tx, authorityId: string, role: RecipientRole): Promise<T[]> {
  return tx.query(
    `SELECT id, name, mobile, email, voice_number AS voice FROM users
    WHERE authority_id = $1 AND role = $2 AND disabled_at IS NULL ORDER BY name`,
    [authorityId, role],
  );
}

/** The authority's active contacts with this role, by name. */
export function readContacts<T>(tx: Tx, authorityId: string, role: RecipientRole): Promise<T[]> {
  return tx.query(
    `SELECT id, name, mobile, email, voice_number AS voice FROM contacts
    WHERE authority_id = $1 AND role = $2 AND active ORDER BY name`,
    [authorityId, role],
  );
}

/** Several statements as the JSON columns of one row; each one's parameters renumbered to follow the previous ones'. */
export function asOneRow(queries: ListQuery[]): ListQuery {
  let used = 0;
  const columns = queries.map((q, i) => {
    const sql = q.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + used}`);
    used += q.params.length;
    return `(SELECT coalesce(json_agg(x), '[]'::json) FROM (${sql}) x) AS "${i}"`;
  });
  return { sql: `SELECT ${columns.join(', ')}`, params: queries.flatMap((q) => q.params) };
}

/**
 * The authority-wide lists (contacts by role; team and senior managers among the users) of these authorities and roles.
 */
export function wideQuery(authorities: string[], roles: RecipientRole[]): ListQuery {
  return query(
    `SELECT authority_id, role, id, name, mobile, email, voice FROM (
      SELECT authority_id, role, id, name, mobile, email, voice_number AS voice FROM contacts
        WHERE authority_id = ANY($1) AND role = ANY($2) AND role NOT IN ('team_manager', 'senior_manager') AND active
      UNION ALL SELECT authority_id, role, id, name, mobile, email, voice_number FROM users
        WHERE authority_id = ANY($1) AND role = ANY($2) AND role IN ('team_manager', 'senior_manager') AND disabled_at IS NULL) w
    ORDER BY name`,
    [authorities, roles],
  );
}

/** The statement for one per-episode list of a batch. */
export function perEpisodeQuery(list: PerEpisode, ps: EpisodeParty[], now: Date): ListQuery {
  switch (list) {
    case 'social_worker':
      return query(
        `SELECT p.episode_id, u.id, u.name, u.mobile, u.email, u.voice_number AS voice FROM users u
        JOIN unnest($1::uuid[], $2::uuid[]) AS p(episode_id, user_id) ON u.id = p.user_id WHERE u.disabled_at IS NULL`,
        [ps.map((p) => p.episodeId), ps.map((p) => p.socialWorkerId)],
      );
    case 'guardians':
      return query(
        `SELECT p.episode_id, g.id, g.name, g.mobile, g.email, g.kind FROM guardians g
        JOIN unnest($1::uuid[], $2::uuid[]) AS p(episode_id, child_id) ON g.child_id = p.child_id
        WHERE g.kind = ANY($3) AND (g.ended_on IS NULL OR g.ended_on > $4::date) ORDER BY g.name`,
        [
          ps.map((p) => p.episodeId),
          ps.map((p) => p.childId),
          [...ictgKinds, 'parent_with_pr'],
          now.toISOString().slice(0, 10),
        ],
      );
    case 'carer':
      return query(
        `SELECT p.episode_id, c.id, c.name, c.mobile, NULL AS email FROM placement_carers c
        JOIN unnest($1::uuid[], $2::uuid[], $3::text[]) AS p(episode_id, placement_id, mobile) ON c.placement_id = p.placement_id
        WHERE (p.mobile IS NULL OR c.mobile = p.mobile) ORDER BY c.name`,
        [ps.map((p) => p.episodeId), ps.map((p) => p.placementId), ps.map((p) => p.reportedByMobile)],
      );
    case 'host':
      return hostQuery(ps);
    case 'alerted':
      // Not calls: whoever was phoned was texted or emailed too, and a notice that asks for nothing is never a call.
      return query(
        `SELECT DISTINCT ON (episode_id, address) episode_id, 'alerted' AS role, recipient_type AS type, recipient_id AS id,
          recipient_name AS name, CASE WHEN channel = 'sms' THEN address END AS mobile, CASE WHEN channel = 'email' THEN address END AS email,
          NULL AS audience, channel AS only
        FROM notifications WHERE episode_id = ANY($1) AND recipient_type <> 'carer' AND fallback_of IS NULL AND channel <> 'voice'
        ORDER BY episode_id, address, created_at`,
        [ps.map((p) => p.episodeId)],
      );
  }
}

/**
 * The host force's control room and the host coordinator of each episode whose placement is out of
 * area; a row with no address where the force has no control-room contact or the host no coordinator.
 * Four plain joins from the placements, not a LATERAL per placement: prepared, PostgreSQL keeps one plan
 * for this (and the combined read it is part of) only when its generic plan is not costed as a loop per
 * guessed episode (docs/decisions/prepared-statements.md).
 */
function hostQuery(ps: EpisodeParty[]): ListQuery {
  return query(
    `WITH host AS (
      SELECT p.episode_id, pl.police_force_code, pl.host_name, pl.host_coordinator_phone, pl.host_coordinator_email,
        pl.host_authority_id
      FROM unnest($1::uuid[], $2::uuid[]) AS p(episode_id, placement_id)
      JOIN placements pl ON pl.id = p.placement_id AND (pl.host_name IS NOT NULL OR pl.host_authority_id <> pl.authority_id))
    SELECT episode_id, id, name, mobile, email, kind FROM (
      SELECT h.episode_id, NULL::uuid AS id, coalesce(f.name, 'Host police force (not named)') || ' control room' AS name,
          f.control_room_mobile AS mobile, f.control_room_email AS email, 'police' AS kind
        FROM host h LEFT JOIN police_forces f ON f.code = h.police_force_code
      UNION ALL SELECT h.episode_id, NULL, h.host_name || ' missing-children coordinator', h.host_coordinator_phone,
          h.host_coordinator_email, 'coordinator'
        FROM host h WHERE h.host_name IS NOT NULL
      UNION ALL SELECT h.episode_id, c.id, c.name, c.mobile, c.email, 'coordinator'
        FROM host h JOIN contacts c ON c.authority_id = h.host_authority_id AND c.role = 'missing_coordinator' AND c.active
      UNION ALL SELECT h.episode_id, NULL, 'Host missing-children coordinator (none published)', NULL, NULL, 'coordinator'
        FROM host h WHERE h.host_authority_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM contacts c
          WHERE c.authority_id = h.host_authority_id AND c.role = 'missing_coordinator' AND c.active)) hosts
    ORDER BY kind, name`,
    [ps.map((p) => p.episodeId), ps.map((p) => p.placementId)],
  );
}
