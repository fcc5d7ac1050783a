// Working days: Monday to Friday, except bank holidays in England and Wales.
import { addDays, dayOfWeek } from '../platform/dates';
import { bankHolidaysEnglandAndWales } from './bank-holidays';

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
