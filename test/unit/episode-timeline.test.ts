// An episode's timeline merges its events with its escalation decisions: in time order, an event
// before the decisions taken at the same moment, and old runs (whose line is an event) not twice.
import type { EscalationRun } from '../../src/escalation/escalation-run.entity';
import { mergeTimeline } from '../../src/missing/episode-timeline';
import type { EpisodeEvent } from '../../src/missing/missing-episode.entity';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 2, minute));
const event = (minute: number, type: string) =>
  ({ at: at(minute), type, summary: type, actorName: 'Carer', stepKey: null, repeat: null }) as unknown as EpisodeEvent;
const run = (minute: number, stepKey: string, summary: string | null, outcome: 'fired' | 'skipped' = 'fired') =>
  ({ ranAt: at(minute), stepKey, repeat: 0, outcome, summary }) as unknown as EscalationRun;

it('orders events and decisions by time, an event first when they share a moment', () => {
  const lines = mergeTimeline(
    [event(0, 'reported'), event(30, 'acknowledged'), event(90, 'returned')],
    [
      run(0, 'report_police', 'Step report_police fired.'),
      run(0, 'report_team', 'Step report_team fired.'),
      run(30, 'report_police_next', 'Step report_police_next skipped.', 'skipped'),
      run(60, 'same_day', 'Step same_day fired.'),
      run(120, 'found', 'Step found fired.'),
    ],
  );
  expect(lines.map((l) => `${l.type}:${l.stepKey ?? ''}`)).toEqual([
    'reported:',
    'step_fired:report_police',
    'step_fired:report_team',
    'acknowledged:',
    'step_skipped:report_police_next',
    'step_fired:same_day',
    'returned:',
    'step_fired:found',
  ]);
});

it('leaves out runs written before runs carried their line', () => {
  expect(mergeTimeline([event(0, 'step_fired')], [run(0, 'report_police', null)]).map((l) => l.type)).toEqual([
    'step_fired',
  ]);
});
