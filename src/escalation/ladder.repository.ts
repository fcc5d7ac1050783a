// The escalation ladder's SQL: which episodes are due, locking and loading a batch of them, their
// history, claiming runs (the one exactly-once guard: a unique (episode, step, repeat) that only one
// transaction can insert), and recording each episode's next look in escalation_schedule.
import type { DataSource } from 'typeorm';

import type { TimelineText } from '../missing/timeline-text';
import { queryPrepared } from '../platform/database/prepared';
import type { Tx } from '../platform/database/transaction';
import type { RunOutcome } from './due-steps';
import { type PolicySnapshot, withCurrentRoleNames } from './escalation-policy';
import type { LadderChild, LadderEpisode } from './ladder-episode';

/** The episode columns the ladder reads, selected as the LadderEpisode's fields. */
const EPISODE_COLUMNS =
  [
  'id', 'authority_id', 'child_id', 'placement_id', 'reference', 'kind', 'discovered_at', 'last_seen_at',
  'reported_at', 'missing_since', 'reported_by_mobile', 'police_reference', 'risk_grade', 'risk_high_at',
  'high_risk_from_start', 'trafficking_status', 'placement_started_at', 'repeat_count',
  'parent_notice_suppressed_reason', 'returned_at', 'return_interview_held_at', 'return_interview_declined',
  'return_interview_reason_not_held', 'closed_at', 'visible_to_roles', 'policy_id', 'policy_snapshot',
] // prettier-ignore
    .map((c) => `e.${c} AS "${c.replace(/_([a-z])/g, (_, l: string) => l.toUpperCase())}"`)
    .join(', ');

export interface RunRow {
  episodeId: string;
  stepKey: string;
  repeat: number;
  outcome: RunOutcome;
  reason: string;
  dueAt: Date | null;
  notifications: number;
  summary: string;
  /** The same line as a timeline.* message and its parameters. */
  summaryKey: string;
  summaryParams: TimelineText['params'];
}
export interface EpisodeHistory {
  /** Outcome by run key ("step#repeat"). */
  fired: Map<string, RunOutcome>;
  acknowledged: string[];
}
type EpisodeRow = Omit<LadderEpisode, 'policy'> & { policyId: string | null; policySnapshot: PolicySnapshot | null };

export class LadderRepository {
  /**
   * The sweep's batch need not wait for its commit to reach disk. Nothing leaves the building on its account until a
   * dispatcher claims one of its messages, and that claim's own (synchronous) commit flushes the log up to and past
   * this one. If the server dies first, the batch vanishes whole, its episodes are still due, and the next sweep runs
   * them: nothing is lost and nothing was sent. (Reports do not do this: their reply to the carer is an effect.)
   */
  async commitWithoutWaitingForDisk(tx: Tx): Promise<void> {
    await tx.query('SET LOCAL synchronous_commit = off');
  }

  /** Up to `limit` episodes with something due at `now`, soonest first. */
  async dueEpisodeIds(db: DataSource, now: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await db.query(
      'SELECT episode_id AS id FROM escalation_schedule WHERE next_at <= $1 ORDER BY next_at LIMIT $2',
      [now, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Those of the episodes still open and due that no other transaction holds (SKIP LOCKED, so
   * concurrent sweeps share the work), locked until commit, each with its child and policy.
   * The schedule row is locked too: that is what makes PostgreSQL re-read it when another sweep
   * moved it on and committed after this statement began. Locking the episode alone saw the
   * statement's older copy, still due, and ran the episode a second time (nothing was sent twice,
   * as its runs were read afresh, but the work was done twice and counted twice).
   */
  lockDue(tx: Tx, episodeIds: string[], now: Date): Promise<LadderEpisode[]> {
    return this.episodes(
      tx,
      `JOIN escalation_schedule s ON s.episode_id = e.id
      WHERE e.id = ANY($1::uuid[]) AND e.closed_at IS NULL AND s.next_at <= $2 FOR UPDATE OF e, s SKIP LOCKED`,
      [episodeIds, now],
    );
  }

  /** One episode as the ladder reads it (the caller holds its row lock). */
  async find(tx: Tx, episodeId: string): Promise<LadderEpisode> {
    const [episode] = await this.episodes(tx, 'WHERE e.id = $1', [episodeId]);
    if (!episode) throw new Error(`no episode ${episodeId}`);
    return episode;
  }

  private async episodes(tx: Tx, where: string, params: unknown[]): Promise<LadderEpisode[]> {
    const rows: (EpisodeRow & { childReference: string; socialWorkerId: string | null; authorityName: string })[] =
      await tx.query(
        `SELECT ${EPISODE_COLUMNS}, c.reference AS "childReference", c.social_worker_id AS "socialWorkerId",
          a.name AS "authorityName"
        FROM missing_episodes e JOIN children c ON c.id = e.child_id JOIN local_authorities a ON a.id = c.authority_id
        ${where}`,
        params,
      );
    const policies = await this.policies(tx, rows);
    return rows.map(({ childReference, socialWorkerId, authorityName, policyId, policySnapshot, ...e }) => ({
      ...e,
      // The database holds every episode to one or the other (missing_episodes_policy_known).
      policy: withCurrentRoleNames(policySnapshot ?? policies.get(policyId!)!),
      child: {
        id: e.childId,
        reference: childReference,
        social_worker_id: socialWorkerId,
        authority_name: authorityName,
      },
    }));
  }

  /** The saved policy versions the episodes name, read once for all that share one. */
  private async policies(tx: Tx, rows: EpisodeRow[]): Promise<Map<string, PolicySnapshot>> {
    const ids = [...new Set(rows.filter((r) => !r.policySnapshot && r.policyId).map((r) => r.policyId!))];
    if (!ids.length) return new Map();
    const found: ({ id: string } & PolicySnapshot)[] = await tx.query(
      'SELECT id, version, settings, steps FROM escalation_policies WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(found.map(({ id, ...policy }) => [id, policy]));
  }

  async children(tx: Tx, childIds: string[]): Promise<LadderChild[]> {
    return tx.query(
      `SELECT c.id, c.reference, c.social_worker_id, a.name AS authority_name
      FROM children c JOIN local_authorities a ON a.id = c.authority_id WHERE c.id = ANY($1::uuid[])`,
      [childIds],
    );
  }

  /** Per episode: the runs already made, and the steps acknowledged (through the API or by an SMS ACK). */
  async history(tx: Tx, episodeIds: string[]): Promise<Map<string, EpisodeHistory>> {
    const runs: { episode_id: string; step_key: string; repeat: number; outcome: RunOutcome }[] = await tx.query(
      'SELECT episode_id, step_key, repeat, outcome FROM escalation_runs WHERE episode_id = ANY($1::uuid[])',
      [episodeIds],
    );
    const acks: { episode_id: string; step_key: string }[] = await tx.query(
      `SELECT episode_id, step_key FROM episode_events WHERE episode_id = ANY($1::uuid[]) AND type = 'acknowledged'
      UNION SELECT episode_id, split_part(step_key, '#', 1) FROM notifications
      WHERE episode_id = ANY($1::uuid[]) AND step_key IS NOT NULL AND (acknowledged_at IS NOT NULL OR status = 'acknowledged')`,
      [episodeIds],
    );
    const byEpisode = new Map<string, EpisodeHistory>();
    const of = (id: string) => byEpisode.get(id) ?? byEpisode.set(id, { fired: new Map(), acknowledged: [] }).get(id)!;
    for (const r of runs) of(r.episode_id).fired.set(`${r.step_key}#${r.repeat}`, r.outcome);
    for (const a of acks) of(a.episode_id).acknowledged.push(a.step_key);
    return byEpisode;
  }

  /**
   * Inserts the runs; returns the run keys ("episode:step#repeat") this transaction won. A run
   * another transaction inserted first (committed, or committing: the insert waits for it) is not
   * won, and its caller must send nothing for it.
   */
  async claimRuns(tx: Tx, runs: RunRow[], now: Date): Promise<Set<string>> {
    if (!runs.length) return new Set();
    const won = await queryPrepared<{ episode_id: string; step_key: string; repeat: number }>(
      tx,
      `INSERT INTO escalation_runs (episode_id, step_key, repeat, outcome, reason, due_at, notifications, summary,
        summary_key, summary_params, ran_at)
      SELECT e, s, rp, o, r, d, n, l, k, p::jsonb, $11 FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[],
        $5::text[], $6::timestamptz[], $7::int[], $8::text[], $9::text[], $10::text[])
        AS t(e, s, rp, o, r, d, n, l, k, p)
      ON CONFLICT DO NOTHING RETURNING episode_id, step_key, repeat`,
      [
        ...columnsOf(runs, [
          'episodeId',
          'stepKey',
          'repeat',
          'outcome',
          'reason',
          'dueAt',
          'notifications',
          'summary',
          'summaryKey',
        ]),
        params(runs),
        now,
      ],
    );
    return new Set(won.map((r) => `${r.episode_id}:${r.step_key}#${r.repeat}`));
  }

  /** Corrects the message count and line of runs whose messages the outbox partly held already. */
  async recount(
    tx: Tx,
    runs: Pick<
      RunRow,
      'episodeId' | 'stepKey' | 'repeat' | 'notifications' | 'summary' | 'summaryKey' | 'summaryParams'
    >[],
  ) {
    if (!runs.length) return;
    await tx.query(
      `UPDATE escalation_runs r
      SET notifications = t.n, summary = t.line, summary_key = t.k, summary_params = t.p::jsonb
      FROM unnest($1::uuid[], $2::text[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[])
        AS t(e, s, rp, n, line, k, p)
      WHERE r.episode_id = t.e AND r.step_key = t.s AND r.repeat = t.rp`,
      [...columnsOf(runs, ['episodeId', 'stepKey', 'repeat', 'notifications', 'summary', 'summaryKey']), params(runs)],
    );
  }

  /** Each episode's next look (none: it leaves the schedule), and who may now see it. */
  async schedule(tx: Tx, next: { id: string; next: Date | null }[], visible: { id: string; roles: string[] }[]) {
    const ending = next.filter((e) => !e.next).map((e) => e.id);
    const later = next.filter((e) => e.next);
    if (!ending.length && !later.length && !visible.length) return;
    // One statement, one round trip: an episode is either ending or scheduled, never both. Roles travel joined, one
    // row per episode, as a text[] cannot be one element of an array parameter.
    await queryPrepared(
      tx,
      `WITH ending AS (DELETE FROM escalation_schedule WHERE episode_id = ANY($1::uuid[])),
      later AS (
        INSERT INTO escalation_schedule (episode_id, next_at) SELECT * FROM unnest($2::uuid[], $3::timestamptz[])
        ON CONFLICT (episode_id) DO UPDATE SET next_at = excluded.next_at
        WHERE escalation_schedule.next_at IS DISTINCT FROM excluded.next_at),
      visible AS (
        UPDATE missing_episodes e SET visible_to_roles = string_to_array(v.roles, ',')
        FROM unnest($4::uuid[], $5::text[]) AS v(id, roles) WHERE e.id = v.id)
      SELECT 1`,
      [ending, ...columnsOf(later, ['id', 'next']), visible.map((v) => v.id), visible.map((v) => v.roles.join(','))],
    );
  }

  /** Locks an episode (for an acknowledgement); null if there is none. */
  async lockEpisode(tx: Tx, id: string): Promise<{ id: string; authorityId: string; reference: string } | null> {
    const [row] = await tx.query(
      'SELECT id, authority_id AS "authorityId", reference FROM missing_episodes WHERE id = $1 FOR UPDATE',
      [id],
    );
    return row ?? null;
  }

  /** Whether a step of the episode has fired, and whether it was acknowledged already. */
  async acknowledgement(
    tx: Tx,
    episodeId: string,
    stepKey: string,
  ): Promise<{ fired: boolean; acknowledged: boolean }> {
    const [row]: { fired: boolean; acknowledged: boolean }[] = await tx.query(
      `SELECT EXISTS (SELECT 1 FROM escalation_runs WHERE episode_id = $1 AND step_key = $2 AND outcome = 'fired') AS fired,
        EXISTS (SELECT 1 FROM episode_events WHERE episode_id = $1 AND type = 'acknowledged' AND step_key = $2)
          AS acknowledged`,
      [episodeId, stepKey],
    );
    return row;
  }
}

/** Each run's line parameters as JSON text: an array parameter cannot carry jsonb elements. */
function params(runs: Pick<RunRow, 'summaryParams'>[]): string[] {
  return runs.map((r) => JSON.stringify(r.summaryParams ?? {}));
}

/** One array per named field, in order: the parameters of an unnest(...). */
function columnsOf<T>(rows: T[], fields: (keyof T)[]): unknown[][] {
  return fields.map((f) => rows.map((r) => r[f]));
}
