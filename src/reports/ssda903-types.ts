// The shapes the SSDA903 missing checks read, and the date helpers they share. Dates are ISO
// yyyy-mm-dd London dates; a date the DfE would not read as a date is treated as blank, as its
// validator does (it coerces unreadable dates to "no date" before comparing). Findings are worded from
// the catalogue (returns.*): in English for the file and the API, in the page's language on the page.
import type { Translator } from '../platform/i18n/catalogue';

/** One row of the missing table: MISSING, MIS_START, MIS_END. */
export interface MissingPeriod {
  kind: string | null;
  start: string | null;
  end: string | null;
}

/**
 * One 903 episode of care (DECOM, DEC, REC) open at some point in the year, as the DfE's Episodes
 * table would hold it. `reason` is the 903 REC code when known; null when we do not hold it.
 */
export interface CareEpisode {
  start: string;
  end: string | null;
  reason: string | null;
}

/** Everything the checks need about one child for one collection year. */
export interface ReturnChild {
  reference: string;
  localId: string;
  dob: string;
  /** This year's rows of the missing table. */
  missing: MissingPeriod[];
  /** This year's 903 episodes of care (empty: no care in the year). */
  care: CareEpisode[];
  /** MIS_START of each period left open (blank MIS_END) in last year's return. */
  openLastYear: string[];
}

export interface ReturnProblem {
  child: string;
  code: string;
  message: string;
  fix: string;
}

export interface CollectionYear {
  startYear: number;
  from: string;
  to: string;
}

/** The collection year named by its starting year: 1 April to 31 March. */
export function collectionYear(startYear: number): CollectionYear {
  return { startYear, from: `${startYear}-04-01`, to: `${startYear + 1}-03-31` };
}

/** The date if it is a real yyyy-mm-dd date, else null. */
export function realDate(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : null;
}

export const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** How a person recognises a row: by its start date. */
export function periodName(p: MissingPeriod, t: Translator): string {
  const start = realDate(p.start);
  return start ? t.t('returns.period.starting', { date: ddmmyyyy(start) }) : t.t('returns.period.noStart');
}

/** The date `years` years on (29 February moves to 28 February, as pandas' DateOffset does). */
export function yearsAfter(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}

/** What one rule finds wrong with one child's rows, in words a person can act on. */
export interface Finding {
  message: string;
  fix: string;
}

/** One DfE validation rule, named by its code. */
export interface Rule {
  code: string;
  check(child: ReturnChild, year: CollectionYear, t: Translator): Finding[];
}
