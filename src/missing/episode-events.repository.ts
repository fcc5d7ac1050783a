// Writes one line on an episode's timeline: every report, update and acknowledgement, with who and why.
// Escalation decisions are lines too, kept on their runs; episode-timeline.ts merges both for reading.
import { insertRow } from '../platform/database/entity-rows';
import type { Tx } from '../platform/database/transaction';
import { EpisodeEvent, RiskGradeChange } from './missing-episode.entity';
import type { TimelineText } from './timeline-text';

export interface TimelineEntry {
  type: string;
  /** The line in English, as the API gives it. */
  summary: string;
  /** The same line as a timeline.* message, which pages render in their own language. */
  text?: TimelineText | null;
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
  await insertRow(tx, EpisodeEvent, eventRow(episode, at, entry));
}

function eventRow(episode: { id: string; authorityId: string }, at: Date, entry: TimelineEntry) {
  return {
    episodeId: episode.id,
    authorityId: episode.authorityId,
    at,
    type: entry.type,
    summary: entry.summary,
    summaryKey: entry.text?.key ?? null,
    summaryParams: entry.text ? (entry.text.params ?? {}) : null,
    actorUserId: entry.actorUserId ?? null,
    actorName: entry.actorName ?? null,
    stepKey: entry.stepKey ?? null,
    repeat: entry.repeat ?? null,
    data: entry.data ?? null,
  };
}

/** Keeps the police's grading of the risk, with who graded it and why, beside the episode's current grade. */
export async function recordRiskGrade(tx: Tx, change: Omit<RiskGradeChange, 'id'>): Promise<void> {
  await tx.insert(RiskGradeChange, change);
}
