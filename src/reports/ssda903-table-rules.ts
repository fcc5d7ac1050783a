// The DfE rules that read only the missing table (CHILD, DOB, MISSING, MIS_START, MIS_END), written
// from the meaning of the DfE's validator (csc-validator-be-903; unchanged from 2022-23 through the
// 2025-26 and 2026-27 rule sets). Each returns one finding per row that breaks it.
import { ddmmyyyy, type Finding, type MissingPeriod, periodName, realDate, type Rule } from './ssda903-types';

type Year = { from: string; to: string };
const rowRule = (code: string, breaks: (p: MissingPeriod, year: Year, dob: string) => Finding | null): Rule => ({
  code,
  check: (child, year) => child.missing.flatMap((p) => breaks(p, year, child.dob) ?? []),
});

const isType = (kind: string | null, types: string[]) => kind !== null && types.includes(kind);
const blank = (value: string | null) => value === null || value === '';
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const neither = 'does not say whether the child was missing or away without authorisation';
const fixType = 'Record whether the child was missing (M: whereabouts unknown) or away without authorisation (A).';
const fixStart = 'Record the date the child went missing.';

export const tableRules: Rule[] = [
  // The DfE accepts the type in either case here; 1006 is what insists on capitals.
  rowRule('564', (p) =>
    isType(p.kind, ['M', 'A', 'm', 'a']) && blank(p.start)
      ? { message: `A missing period of type ${p.kind} has no start date.`, fix: fixStart }
      : null,
  ),
  rowRule('565', (p) =>
    !blank(p.start) && blank(p.kind) ? { message: `${periodName(p)} ${neither}.`, fix: fixType } : null,
  ),
  rowRule('566', (p) =>
    !blank(p.end) && blank(p.kind)
      ? { message: `${periodName(p)} has an end date but ${neither}.`, fix: fixType }
      : null,
  ),
  rowRule('567', (p) => {
    const start = realDate(p.start);
    const end = realDate(p.end);
    if (!start || !end || end >= start) return null;
    return {
      message: `${periodName(p)} ends on ${ddmmyyyy(end)}, before it started.`,
      fix: 'Correct the date the child went missing or the return date.',
    };
  }),
  rowRule('570', (p, year) => {
    const start = realDate(p.start);
    if (!start || start <= year.to) return null;
    return {
      message: `${periodName(p)} starts after the collection year ends (${ddmmyyyy(year.to)}).`,
      fix: 'Check the date the child went missing.',
    };
  }),
  rowRule('571', (p, year) => {
    const end = realDate(p.end);
    if (!end || (end >= year.from && end <= year.to)) return null;
    return {
      message:
        `${periodName(p)} ends on ${ddmmyyyy(end)}, outside the collection year ` +
        `(${ddmmyyyy(year.from)} to ${ddmmyyyy(year.to)}).`,
      fix: 'Check the return date.',
    };
  }),
  // "On or before": a child cannot go missing on the day they were born.
  rowRule('586', (p, _year, dob) => {
    const start = realDate(p.start);
    const born = realDate(dob);
    if (!start || !born || start > born) return null;
    return {
      message: `${periodName(p)} starts on or before the child's date of birth (${ddmmyyyy(born)}).`,
      fix: 'Correct the date the child went missing or the date of birth.',
    };
  }),
  rowRule('1004', (p) => {
    if (realDate(p.start)) return null;
    const what = blank(p.start) ? 'has no start date' : `has a start date "${p.start}" that is not a real date`;
    return { message: `A missing period ${what}.`, fix: fixStart };
  }),
  rowRule('1005', (p) =>
    !blank(p.end) && !realDate(p.end)
      ? {
          message: `${periodName(p)} has an end date "${p.end}" that is not a real date.`,
          fix: 'Correct the return date.',
        }
      : null,
  ),
  // A blank type is 565's and 566's to report; this one is about a type that is not M or A.
  rowRule('1006', (p) =>
    !blank(p.kind) && !isType(p.kind, ['M', 'A'])
      ? { message: `${periodName(p)} has the type "${p.kind}", which is neither M nor A.`, fix: fixType }
      : null,
  ),
  { code: '574', check: (child) => overlapping(child.missing) },
];

/**
 * 574 as the DfE encodes it: a child's rows in order of their end (the start standing in for a blank
 * end), then start; a row breaks the rule when the row before it is still open or ends after it starts.
 * Rows that share a day (one ends, the next starts) are allowed.
 */
function overlapping(rows: MissingPeriod[]): Finding[] {
  const key = (d: string | null) => d ?? '9999-99-99';
  const sorted = rows
    .map((p) => ({ p, start: realDate(p.start), end: realDate(p.end) }))
    .sort(
      (a, b) => key(a.end ?? a.start).localeCompare(key(b.end ?? b.start)) || key(a.start).localeCompare(key(b.start)),
    );
  const findings: Finding[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (!previous.end) {
      findings.push({
        message: `${periodName(current.p)} comes after ${lowerFirst(periodName(previous.p))}, which has no end date.`,
        fix: 'Record the return for the earlier period: a new period cannot start while one is still open.',
      });
    } else if (current.start && current.start < previous.end) {
      findings.push({
        message: `${periodName(current.p)} overlaps the one that ends on ${ddmmyyyy(previous.end)}.`,
        fix: 'Correct the dates so one period ends before the next starts.',
      });
    }
  }
  return findings;
}
