// Locks and loads the episodes a sweep batch will run. Each episode carries a copy of the policy
// version it opened under; reading a thousand copies of the same document (detoasted, turned to
// text, parsed) cost more than the rest of the load, so a copy taken from a policy version is read
// once from that version's row instead. Policy versions never change after they are written (the
// database refuses updates), so that row and the copy are the same document.
import type { Tx } from '../platform/database/transaction';
import { MissingEpisode } from '../missing/missing-episode.entity';
import type { PolicySnapshot } from './escalation-policy';
import { preparedQuery } from '../platform/database/prepared-query';

/** What the ladder reads of an episode; the compiler holds the runner to these fields. */
export const LADDER_FIELDS = ['id', 'authorityId', 'childId', 'placementId', 'reference', 'kind', 'discoveredAt', 'lastSeenAt', 'reportedAt',
  'reportedByMobile', 'policeReference', 'riskGrade', 'riskHighAt', 'highRiskFromStart', 'traffickingStatus', 'placementStartedAt',
  'repeatCount', 'parentNoticeSuppressedReason', 'returnedAt', 'returnInterviewHeldAt', 'returnInterviewDeclined',
  'returnInterviewReasonNotHeld', 'closedAt', 'policyId', 'visibleToRoles', 'policySnapshot'] as const satisfies readonly (keyof MissingEpisode)[];
export type LadderEpisode = Pick<MissingEpisode, typeof LADDER_FIELDS[number]>;

let columns: { property: string; column: string }[] | undefined;
/** Those fields' columns, but the copy of the policy (read apart, below). A sweep receives a thousand rows: half the episode's columns cost half as much to receive. */
function ladderColumns(tx: Tx): { property: string; column: string }[] {
  columns ??= tx.connection.getMetadata(MissingEpisode).columns
    .filter((c) => c.propertyName !== 'policySnapshot' && (LADDER_FIELDS as readonly string[]).includes(c.propertyName))
    .map((c) => ({ property: c.propertyName, column: c.databaseName }));
  return columns;
}

/** Those of the episodes still open and due that no other transaction holds (SKIP LOCKED), locked until commit. */
export async function lockDueEpisodes(tx: Tx, episodeIds: string[], now: Date): Promise<LadderEpisode[]> {
  // Plain SQL: TypeORM's query builder spent longer turning a thousand rows into entities than the database spent finding them.
  const fields = ladderColumns(tx);
  const rows = await preparedQuery<Record<string, unknown>>(tx, `SELECT ${fields.map((f) => `e.${f.column}`).join(', ')}
    FROM missing_episodes e JOIN escalation_schedule s ON s.episode_id = e.id
    WHERE e.id = ANY($1) AND e.closed_at IS NULL AND s.next_at <= $2 FOR UPDATE OF e SKIP LOCKED`, [episodeIds, now]);
  const episodes = rows.map((row) => {
    const episode: Record<string, unknown> = {};
    for (const f of fields) episode[f.property] = row[f.column];
    return episode as unknown as LadderEpisode;
  });
  if (!episodes.length) return [];
  // The schedule was read in this statement's snapshot: another sweeper may have run an episode
  // and committed after that snapshot but before the lock was granted (running an episode leaves
  // its row unchanged, so PostgreSQL does not recheck). Read the schedule again, now we hold them.
  const stillDue = new Set((await preparedQuery<{ episode_id: string }>(tx, 'SELECT episode_id FROM escalation_schedule WHERE episode_id = ANY($1) AND next_at <= $2',
    [episodes.map((e) => e.id), now])).map((r) => r.episode_id));
  const due = episodes.filter((e) => stillDue.has(e.id));
  await attachPolicies(tx, due);
  return due;
}

async function attachPolicies(tx: Tx, episodes: LadderEpisode[]): Promise<void> {
  const policyIds = [...new Set(episodes.map((e) => e.policyId).filter((id): id is string => !!id))];
  const versions = new Map<string, PolicySnapshot>(policyIds.length
    ? (await tx.query('SELECT id, version, settings, steps FROM escalation_policies WHERE id = ANY($1)', [policyIds]))
      .map((p: { id: string } & PolicySnapshot) => [p.id, { version: p.version, settings: p.settings, steps: p.steps }])
    : []);
  const own = episodes.filter((e) => !e.policyId || !versions.has(e.policyId));
  const copies = new Map<string, PolicySnapshot>(own.length
    ? (await tx.query('SELECT id, policy_snapshot FROM missing_episodes WHERE id = ANY($1)', [own.map((e) => e.id)]))
      .map((r: { id: string; policy_snapshot: PolicySnapshot }) => [r.id, r.policy_snapshot])
    : []);
  for (const e of episodes) e.policySnapshot = (e.policyId && versions.get(e.policyId)) || copies.get(e.id)!;
}
