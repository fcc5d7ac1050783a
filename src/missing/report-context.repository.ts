// What opening an episode needs to know about the child, read in two round trips: the child's row
// locked (so two reports of one child queue here, and the second sees the first's episode), then
// in one statement its current placement (with the carer who texted, if any), its earlier
// episodes and the authority's escalation policy in force. The lock is a statement of its own so
// that the reads after it see what a report that held the lock before committed.
import type { PolicySnapshot } from '../escalation/escalation-policy';
import type { LadderChild } from '../escalation/ladder-episode';
import { queryPrepared } from '../platform/database/prepared';
import type { Tx } from '../platform/database/transaction';

export interface LockedChild {
  id: string;
  authorityId: string;
  reference: string;
  careEndedAt: Date | null;
  traffickingStatus: string;
  dateOfBirth: string | null;
  /**
   * What the ladder's messages and recipients need of the child, read with the lock so the ladder need not read it
   * again.
   */
  ladder: LadderChild;
}
export interface PastEpisode {
  id: string;
  reference: string;
  discoveredAt: Date;
  returnedAt: Date | null;
  closedAt: Date | null;
}
export interface ReportContext {
  placement: { id: string; startedAt: Date; carerName: string | null } | null;
  /** Every episode of the child, newest discovery first. */
  episodes: PastEpisode[];
  /** Null when the authority has no policy yet (the service then creates the default). */
  policy: (PolicySnapshot & { id: string }) | null;
}

interface ChildRow {
  id: string;
  authority_id: string;
  reference: string;
  care_ended_at: Date | null;
  trafficking_status: string;
  date_of_birth: string | null;
  social_worker_id: string | null;
  authority_name: string;
}
/** Dates travel as text inside JSON. */
interface EpisodeJson {
  id: string;
  reference: string;
  discoveredAt: string;
  returnedAt: string | null;
  closedAt: string | null;
}
interface ContextRow {
  placement: { id: string; startedAt: string; carerName: string | null } | null;
  episodes: EpisodeJson[];
  policy: (PolicySnapshot & { id: string }) | null;
}

/** Locks the child's row for the rest of the transaction; null if there is no such child. */
export async function lockChild(tx: Tx, childId: string): Promise<LockedChild | null> {
  const [row] = await queryPrepared<ChildRow>(
    tx,
    `SELECT c.id, c.authority_id, c.reference, c.care_ended_at, c.trafficking_status, c.date_of_birth::text AS date_of_birth, c.social_worker_id, a.name AS authority_name
    FROM children c JOIN local_authorities a ON a.id = c.authority_id WHERE c.id = $1 FOR UPDATE OF c`,
    [childId],
  );
  return row
    ? {
        id: row.id,
        authorityId: row.authority_id,
        reference: row.reference,
        careEndedAt: row.care_ended_at,
        traffickingStatus: row.trafficking_status,
        dateOfBirth: row.date_of_birth,
        ladder: {
          id: row.id,
          reference: row.reference,
          social_worker_id: row.social_worker_id,
          authority_name: row.authority_name,
        },
      }
    : null;
}

/**
 * For a child whose row this transaction has locked; carerMobile picks the carer of the current placement, if given.
 */
export async function reportContext(tx: Tx, child: LockedChild, carerMobile: string | null): Promise<ReportContext> {
  const [row] = await queryPrepared<ContextRow>(
    tx,
    `SELECT
      (SELECT json_build_object('id', p.id, 'startedAt', p.started_at, 'carerName',
          (SELECT pc.name FROM placement_carers pc WHERE pc.placement_id = p.id AND pc.mobile = $3 ORDER BY pc.name LIMIT 1))
        FROM placements p WHERE p.child_id = $1 AND p.authority_id = $2 AND p.ended_at IS NULL LIMIT 1) AS placement,
      (SELECT coalesce(json_agg(json_build_object('id', e.id, 'reference', e.reference, 'discoveredAt', e.discovered_at,
          'returnedAt', e.returned_at, 'closedAt', e.closed_at) ORDER BY e.discovered_at DESC), '[]'::json)
        FROM missing_episodes e WHERE e.child_id = $1) AS episodes,
      (SELECT json_build_object('id', ep.id, 'version', ep.version, 'settings', ep.settings, 'steps', ep.steps)
        FROM escalation_policies ep WHERE ep.authority_id = $2 ORDER BY ep.version DESC LIMIT 1) AS policy`,
    [child.id, child.authorityId, carerMobile],
  );
  const date = (s: string | null) => (s === null ? null : new Date(s));
  return {
    placement: row.placement && {
      id: row.placement.id,
      startedAt: new Date(row.placement.startedAt),
      carerName: row.placement.carerName,
    },
    episodes: row.episodes.map((e) => ({
      id: e.id,
      reference: e.reference,
      discoveredAt: new Date(e.discoveredAt),
      returnedAt: date(e.returnedAt),
      closedAt: date(e.closedAt),
    })),
    policy: row.policy,
  };
}
