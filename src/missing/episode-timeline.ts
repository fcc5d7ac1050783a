// Writes one line on an episode's timeline: every report, update and acknowledgement, with who and
// why. Escalation decisions are lines too, kept on their runs (escalation_runs.summary); the
// repository merges both into what GET /api/v1/episodes/{id} shows.
import type { EscalationRun } from '../escalation/escalation-run.entity';
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

export async function addToTimeline(
  tx: Tx,
  episode: { id: string; authorityId: string },
  at: Date,
  entry: TimelineEntry,
): Promise<void> {
  await tx.insert(EpisodeEvent, eventRow(episode, at, entry));
}

function eventRow(episode: { id: string; authorityId: string }, at: Date, entry: TimelineEntry) {
  return {
    episodeId: episode.id,
    authorityId: episode.authorityId,
    at,
    type: entry.type,
    summary: entry.summary,
    actorUserId: entry.actorUserId ?? null,
    actorName: entry.actorName ?? null,
    stepKey: entry.stepKey ?? null,
    repeat: entry.repeat ?? null,
    data: entry.data ?? null,
  };
}

const timelineType = { fired: 'step_fired', skipped: 'step_skipped', unreached: 'step_failed' } as const;

/** A line as people see it: an event, or an escalation step's decision. */
export type TimelineLine = Pick<EpisodeEvent, 'at' | 'type' | 'summary' | 'actorName' | 'stepKey' | 'repeat'>;

/**
 * Events and step decisions in time order; at the same moment an event comes first, since the
 * decisions it caused were taken after it. Runs without a line already have one among the events.
 */
export function mergeTimeline(events: EpisodeEvent[], runs: EscalationRun[]): TimelineLine[] {
  const steps: TimelineLine[] = runs
    .filter((r) => r.summary !== null)
    .map((r) => ({
      at: r.ranAt,
      type: timelineType[r.outcome],
      summary: r.summary!,
      actorName: null,
      stepKey: r.stepKey,
      repeat: r.repeat,
    }));
  const lines: TimelineLine[] = [];
  let s = 0;
  for (const e of events) {
    while (s < steps.length && steps[s].at < e.at) lines.push(steps[s++]);
    lines.push(e);
  }
  return lines.concat(steps.slice(s));
}
