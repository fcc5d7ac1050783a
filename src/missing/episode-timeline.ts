// An episode's timeline as people read it: its events (every report, update and acknowledgement, written by
// addToTimeline in episode-events.repository.ts) and the escalation decisions kept on their runs
// (escalation_runs.summary), merged into what GET /api/v1/episodes/{id} shows.
import type { EscalationRun } from '../escalation/escalation-run.entity';
import type { EpisodeEvent } from './missing-episode.entity';

const timelineType = { fired: 'step_fired', skipped: 'step_skipped', unreached: 'step_failed' } as const;

/** A line as people see it: an event, or an escalation step's decision. */
export type TimelineLine = Pick<
  EpisodeEvent,
  'at' | 'type' | 'summary' | 'summaryKey' | 'summaryParams' | 'actorName' | 'stepKey' | 'repeat'
>;

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
      summaryKey: r.summaryKey,
      summaryParams: r.summaryParams,
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
