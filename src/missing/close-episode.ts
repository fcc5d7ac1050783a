// Closing an episode, for every route that leads there: the closing itself, the child going
// missing again, the placement or care ending. The caller then runs the ladder, which sends the
// "found" notices still owed and records every other step as skipped because the episode closed.
import type { Tx } from '../platform/database/transaction';
import { addToTimeline } from './episode-events.repository';
import type { MissingEpisode } from './missing-episode.entity';
import { MissingEpisodesRepository } from './missing-episodes.repository';
import { closedLine } from './timeline-lines';
import type { TimelineParam } from './timeline-text';

const episodes = new MissingEpisodesRepository();

export async function closeEpisode(
  tx: Tx,
  episode: MissingEpisode,
  at: Date,
  /** Kept on the episode in English; `text` is the same reason for the timeline's key. */
  reason: { english: string; text: TimelineParam },
  by: { userId: string | null; name: string } | null,
): Promise<void> {
  const floor = Math.max(episode.discoveredAt.getTime(), episode.returnedAt?.getTime() ?? 0);
  const closedAt = new Date(Math.max(at.getTime(), floor));
  const closeReason = reason.english;
  await episodes.saveChanges(tx, episode.id, { state: 'closed', closedAt, closeReason, updatedAt: at });
  Object.assign(episode, { state: 'closed', closedAt, closeReason });
  await addToTimeline(tx, episode, at, {
    type: 'closed',
    actorUserId: by?.userId ?? null,
    actorName: by?.name ?? null,
    ...closedLine(by?.name ?? null, reason.english, reason.text),
  });
}
