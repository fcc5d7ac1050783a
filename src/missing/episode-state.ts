// The missing-episode state machine: reported -> police_informed -> returned ->
// return_interview_due / return_interview_held -> closed. A manager may close an episode while the
// child is still missing (with a reason), and undo a return recorded by mistake (back to missing)
// while its interview is not yet held. Only these moves are legal; any other is a Conflict whose
// sentence says why and what to do instead.
import { Conflict } from '../platform/errors';
import type { EpisodeState, MissingEpisode } from './missing-episode.entity';

export type EpisodeAction =
  'inform_police' | 'sighting' | 'return' | 'return_interview' | 'close' | 'change_to_missing' | 'undo_return';

const missing: EpisodeState[] = ['reported', 'police_informed'];
const returned: EpisodeState[] = ['returned', 'return_interview_due', 'return_interview_held'];

const allowedFrom: Record<EpisodeAction, EpisodeState[]> = {
  inform_police: [...missing, ...returned],
  sighting: missing,
  change_to_missing: missing,
  return: missing,
  return_interview: ['returned', 'return_interview_due'],
  close: [...missing, ...returned],
  undo_return: ['returned', 'return_interview_due'],
};

/** The state after an action; throws Conflict with an explanation if the action is not legal now. */
export function transition(e: MissingEpisode, action: EpisodeAction): EpisodeState {
  if (e.state === 'closed')
    throw new Conflict(
      `Episode ${e.reference} is closed, so it cannot change. Report a new episode if the child is missing again.`,
    );
  if (!allowedFrom[action].includes(e.state)) throw new Conflict(refusal(e, action));
  switch (action) {
    case 'inform_police':
      return e.state === 'reported' ? 'police_informed' : e.state;
    case 'return':
      return 'returned';
    case 'undo_return':
      return e.reportedToPoliceAt ? 'police_informed' : 'reported';
    case 'close':
      if (
        returned.includes(e.state) &&
        e.state !== 'return_interview_held' &&
        !e.returnInterviewDeclined &&
        !e.returnInterviewReasonNotHeld
      ) {
        throw new Conflict(
          `The return interview for episode ${e.reference} has not been held, declined or explained yet. Record it before closing the episode.`,
        );
      }
      return 'closed';
    default:
      return e.state;
  }
}

function refusal(e: MissingEpisode, action: EpisodeAction): string {
  if (missing.includes(e.state)) {
    return action === 'undo_return'
      ? `No return is recorded in episode ${e.reference}, so there is none to undo.`
      : `The child has not returned in episode ${e.reference} yet, so there is no return interview to record.`;
  }
  if (action === 'undo_return')
    return `The return interview for episode ${e.reference} was already held, so the return cannot be undone.`;
  if (action === 'return') return `The child's return in episode ${e.reference} was already recorded.`;
  if (action === 'change_to_missing')
    return `The child has already returned in episode ${e.reference}, so it cannot become a missing episode.`;
  if (action === 'sighting')
    return `The child has already returned in episode ${e.reference}, so a sighting cannot be added.`;
  return `The return interview for episode ${e.reference} was already held.`;
}
