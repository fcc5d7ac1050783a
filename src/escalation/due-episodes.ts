// Locks and loads the episodes a sweep batch will run, each with the escalation policy it runs
// under: its own copy where it has one, otherwise the saved version it names (read once per batch
// for all the episodes that share it, as the entity's virtual column would read it once per row).
import { MissingEpisode } from '../missing/missing-episode.entity';
import { preparedQuery } from '../platform/database/prepared-query';
import type { Tx } from '../platform/database/transaction';
import { uuidList } from '../platform/database/uuid-list';
import { type PolicySnapshot, withCurrentRoleNames } from './escalation-policy';

/** What the ladder reads of an episode; the compiler holds the runner to these fields. */
export const LADDER_FIELDS = [
  'id',
  'authorityId',
  'childId',
  'placementId',
  'reference',
  'kind',
  'discoveredAt',
  'lastSeenAt',
  'reportedAt',
  'missingSince',
  'reportedByMobile',
  'policeReference',
  'riskGrade',
  'riskHighAt',
  'highRiskFromStart',
  'traffickingStatus',
  'placementStartedAt',
  'repeatCount',
  'parentNoticeSuppressedReason',
  'returnedAt',
  'returnInterviewHeldAt',
  'returnInterviewDeclined',
  'returnInterviewReasonNotHeld',
  'closedAt',
  'policyId',
  'policyCopy',
  'visibleToRoles',
  'policy',
] as const satisfies readonly (keyof MissingEpisode)[];
/** What the ladder reads of the child and its authority: a reference and names for messages, never the child's name. */
export interface LadderChild {
  id: string;
  reference: string;
  social_worker_id: string | null;
  authority_name: string;
}
/** `child` is there when the episode was read with it (a sweep's batch); otherwise the runner reads it. */
export type LadderEpisode = Pick<MissingEpisode, (typeof LADDER_FIELDS)[number]> & { child?: LadderChild };

let columns: { property: string; column: string }[] | undefined;
/**
 * Those fields' columns, but the policy (attached below). A sweep receives a thousand rows: half the episode's columns
 * cost half as much to receive.
 */
function ladderColumns(tx: Tx): { property: string; column: string }[] {
  columns ??= tx.connection
    .getMetadata(MissingEpisode)
    .columns.filter((c) => !c.isVirtualProperty && (LADDER_FIELDS as readonly string[]).includes(c.propertyName))
    .map((c) => ({ property: c.propertyName, column: c.databaseName }));
  return columns;
}

/** Those of the episodes still open and due that no other transaction holds (SKIP LOCKED), locked until commit. */
export async function lockDueEpisodes(tx: Tx, episodeIds: string[], now: Date): Promise<LadderEpisode[]> {
  // Plain SQL: TypeORM's query builder spent longer turning a thousand rows into entities than the database spent
  // finding them.
  const fields = ladderColumns(tx);
  // The child's reference and team and the authority's name come in the same statement: one round
  // trip and one array of a thousand ids fewer a batch. Only the episode's row is locked.
  const rows = await preparedQuery<Record<string, unknown>>(
    tx,
    `SELECT ${fields.map((f) => `e.${f.column}`).join(', ')},
      c.reference AS child_reference, c.social_worker_id AS child_social_worker_id, a.name AS child_authority_name
    FROM missing_episodes e JOIN escalation_schedule s ON s.episode_id = e.id
      JOIN children c ON c.id = e.child_id JOIN local_authorities a ON a.id = c.authority_id
    WHERE e.id = ANY($1) AND e.closed_at IS NULL AND s.next_at <= $2 FOR UPDATE OF e SKIP LOCKED`,
    [uuidList(episodeIds), now],
  );
  const episodes = rows.map((row) => {
    const episode: Record<string, unknown> = {};
    for (const f of fields) episode[f.property] = row[f.column];
    episode.child = {
      id: row.child_id,
      reference: row.child_reference,
      social_worker_id: row.child_social_worker_id,
      authority_name: row.child_authority_name,
    } satisfies Record<keyof LadderChild, unknown>;
    return episode as unknown as LadderEpisode;
  });
  if (!episodes.length) return [];
  // The schedule was read in this statement's snapshot: another sweeper may have run an episode
  // and committed after that snapshot but before the lock was granted (running an episode leaves
  // its row unchanged, so PostgreSQL does not recheck). Read the schedule again, now we hold them.
  const stillDue = new Set(
    (
      await preparedQuery<{ episode_id: string }>(
        tx,
        'SELECT episode_id FROM escalation_schedule WHERE episode_id = ANY($1) AND next_at <= $2',
        [uuidList(episodes.map((e) => e.id)), now],
      )
    ).map((r) => r.episode_id),
  );
  const due = episodes.filter((e) => stillDue.has(e.id));
  await attachPolicies(tx, due);
  return due;
}

async function attachPolicies(tx: Tx, episodes: LadderEpisode[]): Promise<void> {
  const policyIds = [...new Set(episodes.filter((e) => !e.policyCopy && e.policyId).map((e) => e.policyId!))];
  const versions = new Map<string, PolicySnapshot>(
    policyIds.length
      ? (
          await tx.query('SELECT id, version, settings, steps FROM escalation_policies WHERE id = ANY($1)', [policyIds])
        ).map((p: { id: string } & PolicySnapshot) => [
          p.id,
          { version: p.version, settings: p.settings, steps: p.steps },
        ])
      : [],
  );
  // The database holds every episode to one or the other (missing_episodes_policy_known).
  for (const e of episodes) e.policy = withCurrentRoleNames(e.policyCopy ?? versions.get(e.policyId!)!);
}
