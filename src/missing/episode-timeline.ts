// Writes one line on an episode's timeline: every report, update and escalation decision, with
// who (or which step) and why. The timeline is what GET /api/v1/episodes/{id} shows.
import type { Tx } from '../platform/database/transaction';
import { EpisodeEvent } from './missing-episode.entity';

export interface TimelineEntry {
  type: string;
  summary: string;
  actorUserId?: string | null;
  actorName?: string | null;
  stepKey?: string | null;
  repeat?: number | null;
  data?: Record<string, unknown> | null;
}

export async function addToTimeline(tx: Tx, episode: { id: string; authorityId: string }, at: Date, entry: TimelineEntry): Promise<void> {
  await tx.insert(EpisodeEvent, eventRow(episode, at, entry));
}

function eventRow(episode: { id: string; authorityId: string }, at: Date, entry: TimelineEntry) {
  return {
    episodeId: episode.id, authorityId: episode.authorityId, at, type: entry.type, summary: entry.summary,
    actorUserId: entry.actorUserId ?? null, actorName: entry.actorName ?? null, stepKey: entry.stepKey ?? null,
    repeat: entry.repeat ?? null, data: (entry.data ?? null) as never,
  };
}

export interface TimelineRow { episode: { id: string; authorityId: string }; at: Date; entry: TimelineEntry }

/** Many timeline lines (a sweep's batch) in one INSERT with one jsonb parameter; a function scan keeps the order given. */
export async function addManyToTimeline(tx: Tx, rows: TimelineRow[]): Promise<void> {
  if (!rows.length) return;
  await tx.query(`INSERT INTO episode_events (episode_id, authority_id, at, type, actor_user_id, actor_name, step_key, repeat, summary, data)
    SELECT episode_id, authority_id, at, type, actor_user_id, actor_name, step_key, repeat, summary, data
    FROM jsonb_to_recordset($1::jsonb) AS t(episode_id uuid, authority_id uuid, at timestamptz, type text, actor_user_id uuid,
      actor_name text, step_key text, repeat integer, summary text, data jsonb)`,
  [JSON.stringify(rows.map(({ episode, at, entry }) => {
    const { episodeId, authorityId, actorUserId, actorName, stepKey, ...rest } = eventRow(episode, at, entry);
    return { ...rest, episode_id: episodeId, authority_id: authorityId, actor_user_id: actorUserId, actor_name: actorName, step_key: stepKey };
  }))]);
}
