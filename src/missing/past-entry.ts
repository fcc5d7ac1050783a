// Episodes entered after the fact. Given its return at entry, an episode is a record: it is stored
// with its timeline and 903 data and sends nothing. Discovered more than a week ago, the person must
// say which it is (the return, or that the child is still missing), so that last July's absence is
// never entered as a live alarm by accident. Pure rules; the report service applies them.
import { Invalid } from '../platform/errors';
import { formatDateTime } from '../platform/views/format';
import type { PastEpisode } from './report-context.repository';

/** Older than this, a report must say whether the child has returned or is still missing. */
export const CONFIRM_AFTER_DAYS = 7;
const DAY = 86_400_000;

export interface EntryTimes {
  discoveredAt: Date;
  returnedAt?: Date;
  stillMissing?: boolean;
}
/** live: a report of a child missing now; recorded: over when entered, sends nothing. */
export type EntryKind = 'live' | 'recorded';

export function entryKind(input: EntryTimes, now: Date): EntryKind {
  if (input.returnedAt) {
    if (input.stillMissing)
      throw new Invalid('Give either returnedAt (the episode is over) or stillMissing, not both.');
    if (input.returnedAt < input.discoveredAt)
      throw new Invalid('returnedAt cannot be before the child was discovered missing.');
    return 'recorded';
  }
  if (now.getTime() - input.discoveredAt.getTime() > CONFIRM_AFTER_DAYS * DAY && !input.stillMissing) {
    throw new Invalid(
      `The child was found missing more than ${CONFIRM_AFTER_DAYS} days ago. Give returnedAt if the episode is over,` +
        ' or confirm stillMissing if the child is still missing.',
    );
  }
  return 'live';
}

/** The sentence refusing an episode that would overlap another of the child's, or null if none does. */
export function overlapRefusal(episodes: PastEpisode[], from: Date, to: Date | null, timeZone: string): string | null {
  // A person reads the sentence: times in the authority's zone, as on every page.
  const at = (d: Date) => formatDateTime(d, timeZone);
  for (const e of episodes) {
    const end = e.returnedAt ?? e.closedAt;
    const overlaps = (!end || from < end) && (!to || e.discoveredAt < to);
    if (!overlaps) continue;
    if (!end)
      return `Episodes cannot overlap: the child has been missing in episode ${e.reference} since ${at(e.discoveredAt)}, before the return given.`;
    return e.discoveredAt <= from || !to
      ? `Episodes cannot overlap: the child's previous episode ${e.reference} ran until ${at(end)}, after the discovery time given.`
      : `Episodes cannot overlap: the child's later episode ${e.reference} began at ${at(e.discoveredAt)}, before the return given.`;
  }
  return null;
}
