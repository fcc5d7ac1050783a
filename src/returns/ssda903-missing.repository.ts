// Loads what the SSDA903 missing table needs for one authority: each child with an episode touching
// the collection year or the year before (rule 576 compares the two), with the child's care dates,
// placements and episodes as London dates.
import type { Tx } from '../platform/database/transaction';
import type { ChildRecord } from '../reports/ssda903-periods';

/** The 903 counts days in England, so an episode found at 00:30 BST belongs to that day. */
export const RETURN_TIME_ZONE = 'Europe/London';

interface EpisodeRow {
  child_id: string;
  reference: string;
  local_id: string;
  dob: string;
  care_start: string;
  care_end: string | null;
  kind: string;
  start: string;
  end: string | null;
}
interface PlacementRow {
  child_id: string;
  start: string;
  end: string | null;
}

/** $1 authority, $2 and $3 the first and last day (London dates), $4 the time zone. */
export const returnEpisodesSql = `
  SELECT c.id AS child_id, c.reference, c.local_id, to_char(c.date_of_birth, 'YYYY-MM-DD') AS dob,
    to_char(c.care_started_at AT TIME ZONE $4, 'YYYY-MM-DD') AS care_start,
    to_char(c.care_ended_at AT TIME ZONE $4, 'YYYY-MM-DD') AS care_end, e.kind,
    to_char(e.discovered_at AT TIME ZONE $4, 'YYYY-MM-DD') AS start,
    to_char(coalesce(e.returned_at, e.closed_at) AT TIME ZONE $4, 'YYYY-MM-DD') AS "end"
  FROM missing_episodes e
  JOIN children c ON c.id = e.child_id AND c.authority_id = $1
  WHERE e.authority_id = $1
    AND e.discovered_at < (($3::date + 1)::timestamp AT TIME ZONE $4)
    AND (coalesce(e.returned_at, e.closed_at) IS NULL
      OR coalesce(e.returned_at, e.closed_at) >= ($2::date::timestamp AT TIME ZONE $4))
  ORDER BY c.local_id, e.discovered_at`;

/** $1 authority, $2 the children, $3 the time zone. */
const placementsSql = `
  SELECT p.child_id, to_char(p.started_at AT TIME ZONE $3, 'YYYY-MM-DD') AS start,
    to_char(p.ended_at AT TIME ZONE $3, 'YYYY-MM-DD') AS "end"
  FROM placements p
  WHERE p.authority_id = $1 AND p.child_id = ANY($2::uuid[])
  ORDER BY p.child_id, p.started_at`;

export interface LoadedChild extends ChildRecord {
  id: string;
}

export class Ssda903MissingRepository {
  /**
   * Children with an episode whose span touches [from, to] (London dates); an episode ends at its
   * return, or its closing if closed without one.
   */
  async load(tx: Tx, authorityId: string, from: string, to: string): Promise<LoadedChild[]> {
    const rows: EpisodeRow[] = await tx.query(returnEpisodesSql, [authorityId, from, to, RETURN_TIME_ZONE]);
    const children = new Map<string, LoadedChild>();
    for (const r of rows) {
      let child = children.get(r.child_id);
      if (!child) {
        child = {
          id: r.child_id,
          reference: r.reference,
          localId: r.local_id,
          dob: r.dob,
          careStart: r.care_start,
          careEnd: r.care_end,
          placements: [],
          episodes: [],
        };
        children.set(r.child_id, child);
      }
      child.episodes.push({ kind: r.kind, start: r.start, end: r.end });
    }
    if (!children.size) return [];
    const ids = [...children.keys()];
    const placements: PlacementRow[] = await tx.query(placementsSql, [authorityId, ids, RETURN_TIME_ZONE]);
    for (const p of placements) children.get(p.child_id)?.placements.push({ start: p.start, end: p.end });
    return [...children.values()];
  }
}
