// When the next meeting is: every cadence days after the latest one (or the administrator's first
// date), at the same wall-clock time in England across a change to or from summer time.
const DAY = 86_400_000;

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

/** Minutes England is ahead of UTC at this instant (0 or 60). */
export function londonOffsetMinutes(at: Date): number {
  const p = Object.fromEntries(londonParts.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The same England wall-clock time, days later. */
export function addDaysInEngland(at: Date, days: number): Date {
  const moved = new Date(at.getTime() + days * DAY);
  return new Date(moved.getTime() + (londonOffsetMinutes(at) - londonOffsetMinutes(moved)) * 60_000);
}

/** The first meeting time after `now`: from the latest meeting by the cadence, or from the first date. */
export function nextMeetingStart(firstMeetingAt: Date, latest: Date | null, cadenceDays: number, now: Date): Date {
  let candidate = latest ? addDaysInEngland(latest, cadenceDays) : firstMeetingAt;
  while (candidate <= now) candidate = addDaysInEngland(candidate, cadenceDays);
  return candidate;
}
