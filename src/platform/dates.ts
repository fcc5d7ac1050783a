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
export interface DateRule { field: string; value?: string | null; min?: string | null; max?: string | null; message: string }

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
