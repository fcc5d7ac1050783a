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
  await tx.insert(EpisodeEvent, {
    episodeId: episode.id, authorityId: episode.authorityId, at, type: entry.type, summary: entry.summary,
    actorUserId: entry.actorUserId ?? null, actorName: entry.actorName ?? null, stepKey: entry.stepKey ?? null,
    repeat: entry.repeat ?? null, data: (entry.data ?? null) as never,
  });
}
