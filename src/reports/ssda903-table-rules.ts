// The DfE rules that read only the missing table (CHILD, DOB, MISSING, MIS_START, MIS_END), written
// from the meaning of the DfE's validator (csc-validator-be-903; unchanged from 2022-23 through the
// 2025-26 and 2026-27 rule sets). Each returns one finding per row that breaks it, worded from the
// catalogue (returns.<code>...).
import type { Translator } from '../platform/i18n/catalogue';
import { ddmmyyyy, type Finding, type MissingPeriod, periodName, realDate, type Rule } from './ssda903-types';

type Year = { from: string; to: string };
const rowRule = (
  code: string,
  breaks: (p: MissingPeriod, year: Year, dob: string, t: Translator) => Finding | null,
): Rule => ({
  code,
  check: (child, year, t) => child.missing.flatMap((p) => breaks(p, year, child.dob, t) ?? []),
});

const isType = (kind: string | null, types: string[]) => kind !== null && types.includes(kind);
const blank = (value: string | null) => value === null || value === '';
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const fixType = (t: Translator) => t.t('returns.fix.type');
const fixStart = (t: Translator) => t.t('returns.fix.start');

export const tableRules: Rule[] = [
  // The DfE accepts the type in either case here; 1006 is what insists on capitals.
  rowRule('564', (p, _year, _dob, t) =>
    isType(p.kind, ['M', 'A', 'm', 'a']) && blank(p.start)
      ? { message: t.t('returns.564', { kind: p.kind }), fix: fixStart(t) }
      : null,
  ),
  rowRule('565', (p, _year, _dob, t) =>
    !blank(p.start) && blank(p.kind)
      ? { message: t.t('returns.565', { period: periodName(p, t) }), fix: fixType(t) }
      : null,
  ),
  rowRule('566', (p, _year, _dob, t) =>
    !blank(p.end) && blank(p.kind)
      ? { message: t.t('returns.566', { period: periodName(p, t) }), fix: fixType(t) }
      : null,
  ),
  rowRule('567', (p, _year, _dob, t) => {
    const start = realDate(p.start);
    const end = realDate(p.end);
    if (!start || !end || end >= start) return null;
    return {
      message: t.t('returns.567', { period: periodName(p, t), end: ddmmyyyy(end) }),
      fix: t.t('returns.fix.startOrReturn'),
    };
  }),
  rowRule('570', (p, year, _dob, t) => {
    const start = realDate(p.start);
    if (!start || start <= year.to) return null;
    return {
      message: t.t('returns.570', { period: periodName(p, t), to: ddmmyyyy(year.to) }),
      fix: t.t('returns.fix.checkStart'),
    };
  }),
  rowRule('571', (p, year, _dob, t) => {
    const end = realDate(p.end);
    if (!end || (end >= year.from && end <= year.to)) return null;
    return {
      message: t.t('returns.571', {
        period: periodName(p, t),
        end: ddmmyyyy(end),
        from: ddmmyyyy(year.from),
        to: ddmmyyyy(year.to),
      }),
      fix: t.t('returns.fix.checkReturn'),
    };
  }),
  // "On or before": a child cannot go missing on the day they were born.
  rowRule('586', (p, _year, dob, t) => {
    const start = realDate(p.start);
    const born = realDate(dob);
    if (!start || !born || start > born) return null;
    return {
      message: t.t('returns.586', { period: periodName(p, t), born: ddmmyyyy(born) }),
      fix: t.t('returns.fix.startOrBirth'),
    };
  }),
  rowRule('1004', (p, _year, _dob, t) => {
    if (realDate(p.start)) return null;
    const message = blank(p.start) ? t.t('returns.1004.none') : t.t('returns.1004.unreal', { start: p.start });
    return { message, fix: fixStart(t) };
  }),
  rowRule('1005', (p, _year, _dob, t) =>
    !blank(p.end) && !realDate(p.end)
      ? { message: t.t('returns.1005', { period: periodName(p, t), end: p.end }), fix: t.t('returns.fix.return') }
      : null,
  ),
  // A blank type is 565's and 566's to report; this one is about a type that is not M or A.
  rowRule('1006', (p, _year, _dob, t) =>
    !blank(p.kind) && !isType(p.kind, ['M', 'A'])
      ? { message: t.t('returns.1006', { period: periodName(p, t), kind: p.kind }), fix: fixType(t) }
      : null,
  ),
  { code: '574', check: (child, _year, t) => overlapping(child.missing, t) },
];

/**
 * 574 as the DfE encodes it: a child's rows in order of their end (the start standing in for a blank
 * end), then start; a row breaks the rule when the row before it is still open or ends after it starts.
 * Rows that share a day (one ends, the next starts) are allowed.
 */
function overlapping(rows: MissingPeriod[], t: Translator): Finding[] {
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
        message: t.t('returns.574.afterOpen', {
          period: periodName(current.p, t),
          previous: lowerFirst(periodName(previous.p, t)),
        }),
        fix: t.t('returns.fix.endEarlier'),
      });
    } else if (current.start && current.start < previous.end) {
      findings.push({
        message: t.t('returns.574.overlaps', { period: periodName(current.p, t), end: ddmmyyyy(previous.end) }),
        fix: t.t('returns.fix.overlap'),
      });
    }
  }
  return findings;
}
