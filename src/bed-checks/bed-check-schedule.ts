// When a plan's bed checks fall: each local time on each day of the window that starts at the later
// of the plan's and the placement's start and lasts the plan's number of days. Pure; times are read
// in England's zone, so 23:00 is 23:00 whether the clocks say GMT or BST.
import { addDays } from '../platform/dates';
import { wallClock, zoneOffset } from '../platform/wall-clock';
import type { BedCheckSchedule } from '../safeguarding/plan-measures';

export const BED_CHECK_ZONE = 'Europe/London';
const DAY = 86_400_000;

/** The instant a local date and "HH:MM" name in the zone (the first, where the clocks go back). */
export function localInstant(date: string, time: string, timeZone = BED_CHECK_ZONE): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, m - 1, d, h, min);
  // Two passes: the offset at the guess, then at the instant that offset gives.
  const first = asUtc - zoneOffset(new Date(asUtc), timeZone);
  return new Date(asUtc - zoneOffset(new Date(first), timeZone));
}

/** Every check of the window, in time order. */
export function bedCheckTimes(schedule: BedCheckSchedule, windowStart: Date, timeZone = BED_CHECK_ZONE): Date[] {
  const end = windowStart.getTime() + schedule.days * DAY;
  const w = wallClock(windowStart, timeZone);
  const firstDate = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
  const times: Date[] = [];
  for (let day = 0; day <= schedule.days; day += 1) {
    const date = addDays(firstDate, day);
    for (const time of schedule.times) {
      const at = localInstant(date, time, timeZone);
      if (at.getTime() >= windowStart.getTime() && at.getTime() < end) times.push(at);
    }
  }
  return times.sort((a, b) => a.getTime() - b.getTime());
}

/** However the schedule is set, a check is not answerable for longer than this. */
export const ANSWERABLE_MS = 6 * 3_600_000;

/** Checks due now: their time has come, within the grace that lets a restart send a check it missed. */
export function checksDue(schedule: BedCheckSchedule, windowStart: Date, now: Date, graceMs: number): Date[] {
  return dueChecks(schedule, windowStart, now, graceMs).map((c) => c.dueAt);
}

/** The checks due now, each with the moment it stops being answerable: the next check's time (at most 6 hours). */
export function dueChecks(
  schedule: BedCheckSchedule,
  windowStart: Date,
  now: Date,
  graceMs: number,
): { dueAt: Date; expiresAt: Date }[] {
  const times = bedCheckTimes(schedule, windowStart);
  return times
    .map((dueAt, i) => {
      const cap = dueAt.getTime() + ANSWERABLE_MS;
      return { dueAt, expiresAt: new Date(Math.min(times[i + 1]?.getTime() ?? cap, cap)) };
    })
    .filter(({ dueAt: t }) => t.getTime() <= now.getTime() && now.getTime() - t.getTime() < graceMs);
}
