// When the next meeting is: every cadence days from the administrator's first date, at the same
// wall-clock time in England across a change to or from summer time, moved to the next working day
// when that date is a weekend or a bank holiday (a meeting was once set for Boxing Day). The series
// is counted from the first date, not from the latest (moved) meeting, so a meeting moved off Easter
// Monday does not drag every later meeting onto Tuesdays.
import { Temporal } from 'temporal-polyfill';

import { ENGLAND, nextWorkingDayFrom, onDateInEngland } from '../platform/working-days';

const DAY = 86_400_000;

const inEngland = (at: Date) => Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(ENGLAND);

/** Minutes England is ahead of UTC at this instant (0 or 60). */
export function londonOffsetMinutes(at: Date): number {
  return Math.round(inEngland(at).offsetNanoseconds / 60e9);
}

/** The same England wall-clock time, days later (or earlier). */
export function addDaysInEngland(at: Date, days: number): Date {
  return new Date(inEngland(at).add({ days }).epochMilliseconds);
}

/** The meeting time itself if its England date is a working day, else the same time on the next working day. */
export function onWorkingDay(at: Date): Date {
  const local = inEngland(at);
  const date = local.toPlainDate().toString();
  const working = nextWorkingDayFrom(date);
  return working === date ? at : onDateInEngland(local, working);
}

/**
 * The first meeting after `now` (and after the latest meeting): the cadence series from the first date, each on a
 * working day.
 */
export function nextMeetingStart(firstMeetingAt: Date, latest: Date | null, cadenceDays: number, now: Date): Date {
  const after = Math.max(now.getTime(), latest?.getTime() ?? -Infinity);
  // Start a step or two before the answer rather than walking the whole history.
  let step = Math.max(0, Math.floor((after - firstMeetingAt.getTime()) / (cadenceDays * DAY)) - 1);
  for (; ; step++) {
    const candidate = onWorkingDay(addDaysInEngland(firstMeetingAt, step * cadenceDays));
    if (candidate.getTime() > after) return candidate;
  }
}
