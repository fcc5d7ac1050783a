// Working days: Monday to Friday, except bank holidays in England and Wales. Used for NRM decision
// deadlines (calendar dates), escalation steps timed in working days (instants) and meeting dates.
import { Temporal } from 'temporal-polyfill';

import { bankHolidaysEnglandAndWales } from './bank-holidays';
import { addDays, dayOfWeek } from './dates';

export const ENGLAND = 'Europe/London';
/** Instant and count -> due instant. The sweep asks this of every open episode on each pass, and a
 * zoned Temporal reading costs about 0.1 ms, so each answer is kept (bounded). */
const dueCache = new Map<string, number>();

export function isWorkingDay(date: string): boolean {
  const day = dayOfWeek(date);
  return day !== 0 && day !== 6 && !bankHolidaysEnglandAndWales.has(date);
}

/** The date `count` working days after `date` (the day itself is not counted). */
export function addWorkingDays(date: string, count: number): string {
  let current = date;
  for (let left = count; left > 0;) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) left--;
  }
  return current;
}

/** The date itself if it is a working day, else the next one. */
export function nextWorkingDayFrom(date: string): string {
  let current = date;
  while (!isWorkingDay(current)) current = addDays(current, 1);
  return current;
}

/**
 * The instant `count` working days after `from`, at the same England wall-clock time: the days are
 * counted on England's calendar and the local date moved, so 10:00 on the Friday before the clocks
 * change is 10:00 five working days later, not 09:00 or 11:00 (N x 24 hours would be).
 */
export function addWorkingDaysToInstant(from: Date, count: number): Date {
  const key = `${from.getTime()}+${count}`;
  let due = dueCache.get(key);
  if (due === undefined) {
    if (dueCache.size > 50_000) dueCache.clear();
    const local = Temporal.Instant.fromEpochMilliseconds(from.getTime()).toZonedDateTimeISO(ENGLAND);
    due = onDateInEngland(local, addWorkingDays(local.toPlainDate().toString(), count)).getTime();
    dueCache.set(key, due);
  }
  return new Date(due);
}

/**
 * The same England wall-clock time as `local` on another date: ZonedDateTime.add keeps the wall time (one the clocks
 * skip moves forward).
 */
export function onDateInEngland(local: Temporal.ZonedDateTime, date: string): Date {
  const days = local.toPlainDate().until(Temporal.PlainDate.from(date), { largestUnit: 'days' }).days;
  return new Date(local.add({ days }).epochMilliseconds);
}
