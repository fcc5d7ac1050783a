// The wall-clock reading of an instant in a time zone. Intl's formatters cost microseconds a call
// and a sweep reads thousands of instants, so each zone's UTC offset is asked of Intl once per
// quarter hour and the fields are computed here. Zones change their offset on a quarter hour, or
// nearly all do: Newfoundland changed at 00:01 until 2011. A quarter hour whose offset differs at
// its first and last second holds such a change, and is read from Intl instant by instant.
const QUARTER_HOUR = 15 * 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
/**
 * By zone, then quarter hour (a number key: no string to build and hash per instant): the offset throughout it, or null
 * where it changes within it.
 */
const offsets = new Map<string, Map<number, number | null>>();

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function offsetAt(start: number, timeZone: string): number {
  const p = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(start))
      .map((x) => [x.type, Number(x.value)]),
  );
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - start;
}

/** Milliseconds to add to UTC to read the time in `timeZone` at this instant. */
export function zoneOffset(at: Date, timeZone: string): number {
  const start = Math.floor(at.getTime() / QUARTER_HOUR) * QUARTER_HOUR;
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  let offset = zone.get(start);
  if (offset === undefined) {
    if (zone.size > 50_000) zone.clear();
    offset = offsetAt(start, timeZone);
    if (offsetAt(start + QUARTER_HOUR - 1000, timeZone) !== offset) offset = null;
    zone.set(start, offset);
  }
  // Intl reads whole seconds, so the instant is taken to its second.
  return offset ?? offsetAt(Math.floor(at.getTime() / 1000) * 1000, timeZone);
}

export function wallClock(at: Date, timeZone: string): WallClock {
  const local = new Date(at.getTime() + zoneOffset(at, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

const shortMonths = Array.from({ length: 12 }, (_, m) =>
  new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(Date.UTC(2026, m, 15)),
);

/** "23 Nov 02:00", as Intl's en-GB day, short month and 24-hour time would write it. */
export function dayMonthTime(at: Date, timeZone: string): string {
  const w = wallClock(at, timeZone);
  return `${w.day} ${shortMonths[w.month - 1]} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** YYYY-MM-DD in the zone. */
export function isoDate(at: Date, timeZone: string): string {
  const w = wallClock(at, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
