// Calendar dates (YYYY-MM-DD strings, as PostgreSQL `date` columns arrive) and the cross-field
// date rules records share. "Today" is the date in England, where every authority we serve is.
import type { Clock } from './clock';
import { FieldProblem, invalidFields } from './errors';
import { isoDate } from './wall-clock';

/** The calendar date in England at this instant (a 00:30 BST report belongs to that day, not the UTC one). */
export function englandDate(at: Date): string {
  return isoDate(at, 'Europe/London');
}

export function today(clock: Clock): string {
  return englandDate(clock.now());
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 Sunday .. 6 Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** One rule: `value` (if given) must lie within [min, max]; either bound may be absent. */
export interface DateRule {
  field: string;
  value?: string | null;
  min?: string | null;
  max?: string | null;
  message: string;
}

export function dateProblems(rules: DateRule[]): FieldProblem[] {
  return rules
    .filter((r) => r.value && ((r.min && r.value < r.min) || (r.max && r.value > r.max)))
    .map((r) => ({ field: r.field, message: r.message }));
}

/** Throws Invalid naming every field that breaks its rule, in the same shape as Joi's 400s. */
export function checkDates(rules: DateRule[]): void {
  const problems = dateProblems(rules);
  if (problems.length) throw invalidFields(problems);
}

/** How far ahead of the service's clock a typed time may be: a phone or laptop clock that runs a few minutes fast. */
export const FUTURE_TOLERANCE_MS = 10 * 60_000;

export interface EventTime {
  field: string;
  at?: Date | null;
}

/**
 * Times at which something happened to a child (a discovery, a sighting, a return, a placement's
 * start): not more than ten minutes ahead of now, and not before the child was born. The edge has
 * already refused dates before 1990 and dates that do not exist. Throws Invalid naming each field.
 */
export function checkEventTimes(now: Date, bornOn: string | null | undefined, times: EventTime[]): void {
  const problems = times.flatMap(({ field, at }): FieldProblem[] => {
    if (!at) return [];
    if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
      return [{ field, message: `${field} cannot be in the future` }];
    if (bornOn && englandDate(at) < bornOn)
      return [{ field, message: `${field} cannot be before the child's date of birth` }];
    return [];
  });
  if (problems.length) throw invalidFields(problems);
}
