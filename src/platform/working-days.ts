// Working days: Monday to Friday, except bank holidays in England and Wales. Used for NRM decision
// deadlines (calendar dates) and for escalation steps timed in working days (instants).
import { addDays, dayOfWeek, englandDate } from './dates';
import { bankHolidaysEnglandAndWales } from './bank-holidays';

const DAY = 86_400_000;
const spans = new Map<string, number>();

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

/**
 * The instant `count` working days after `from`, at the same time of day: the working days are
 * counted on England's calendar, then that many calendar days are added to the instant.
 */
export function addWorkingDaysToInstant(from: Date, count: number): Date {
  const start = englandDate(from);
  const key = `${start}+${count}`;
  // The sweep asks this of every open episode on each pass; the answer depends only on the date.
  let calendarDays = spans.get(key);
  if (calendarDays === undefined) {
    if (spans.size > 10_000) spans.clear();
    calendarDays = Math.round((Date.parse(addWorkingDays(start, count)) - Date.parse(start)) / DAY);
    spans.set(key, calendarDays);
  }
  return new Date(from.getTime() + calendarDays * DAY);
}
