// Loads what the SSDA903 missing table needs for one authority and collection year, in one query:
// each child with an episode touching the year, and that episode's London dates.
import type { Tx } from '../platform/database/transaction';
import type { ReturnChild } from '../reports/ssda903-missing';

/** The 903 counts days in England, so an episode found at 00:30 BST belongs to that day. */
export const RETURN_TIME_ZONE = 'Europe/London';

interface Row { child_id: string; reference: string; local_id: string; dob: string; care_end: string | null; kind: string; start: string; end: string | null }

/** $1 authority, $2 and $3 the first and last day (London dates), $4 the time zone. */
export const returnEpisodesSql = `
  SELECT c.id AS child_id, c.reference, c.local_id, to_char(c.date_of_birth, 'YYYY-MM-DD') AS dob,
    to_char(c.care_ended_at AT TIME ZONE $4, 'YYYY-MM-DD') AS care_end, e.kind,
    to_char(e.discovered_at AT TIME ZONE $4, 'YYYY-MM-DD') AS start,
    to_char(coalesce(e.returned_at, e.closed_at) AT TIME ZONE $4, 'YYYY-MM-DD') AS "end"
  FROM missing_episodes e
  JOIN children c ON c.id = e.child_id AND c.authority_id = $1
  WHERE e.authority_id = $1
    AND e.discovered_at < (($3::date + 1)::timestamp AT TIME ZONE $4)
    AND (coalesce(e.returned_at, e.closed_at) IS NULL OR coalesce(e.returned_at, e.closed_at) >= ($2::date::timestamp AT TIME ZONE $4))
  ORDER BY c.local_id, e.discovered_at`;

export interface LoadedChild extends ReturnChild { id: string }

export class Ssda903MissingRepository {
  /** Episodes whose span touches [from, to] (London dates); MIS_END is the return, or the closing if closed without one. */
  async load(tx: Tx, authorityId: string, from: string, to: string): Promise<LoadedChild[]> {
    const rows: Row[] = await tx.query(returnEpisodesSql, [authorityId, from, to, RETURN_TIME_ZONE]);
    const children = new Map<string, LoadedChild>();
    for (const r of rows) {
      let child = children.get(r.child_id);
      if (!child) {
        child = { id: r.child_id, reference: r.reference, localId: r.local_id, dob: r.dob, careEnd: r.care_end, episodes: [] };
        children.set(r.child_id, child);
      }
      child.episodes.push({ kind: r.kind, start: r.start, end: r.end });
    }
    return [...children.values()];
  }
}
