// Closing an episode, for every route that leads there: the closing itself, the child going
// missing again, the placement or care ending. The caller then runs the ladder, which sends the
// "found" notices still owed and records every other step as skipped because the episode closed.
import type { Tx } from '../platform/database/transaction';
import { addToTimeline } from './episode-events.repository';
import type { MissingEpisode } from './missing-episode.entity';
import { MissingEpisodesRepository } from './missing-episodes.repository';

const episodes = new MissingEpisodesRepository();

export async function closeEpisode(
  tx: Tx,
  episode: MissingEpisode,
  at: Date,
  reason: string,
  by: { userId: string | null; name: string } | null,
): Promise<void> {
  const floor = Math.max(episode.discoveredAt.getTime(), episode.returnedAt?.getTime() ?? 0);
  const closedAt = new Date(Math.max(at.getTime(), floor));
  await episodes.saveChanges(tx, episode.id, { state: 'closed', closedAt, closeReason: reason, updatedAt: at });
  Object.assign(episode, { state: 'closed', closedAt, closeReason: reason });
  await addToTimeline(tx, episode, at, {
    type: 'closed',
    actorUserId: by?.userId ?? null,
    actorName: by?.name ?? null,
    summary: `Episode closed${by ? ` by ${by.name}` : ''}. ${reason}`,
  });
}
