// The DfE rules that read the missing table beside the child's 903 episodes of care (and last
// year's return), written from the meaning of the DfE's validator (csc-validator-be-903, unchanged
// from 2022-23 through the 2025-26 and 2026-27 rule sets). We hold no Episodes table: the episodes
// are derived from care dates and placements (ssda903-periods.ts), so these rules read that. Findings
// are worded from the catalogue (returns.<code>...).
import type { Translator } from '../platform/i18n/catalogue';
import type { CareEpisode, Finding, MissingPeriod, ReturnChild, Rule } from './ssda903-types';
import { ddmmyyyy, periodName, realDate, yearsAfter } from './ssda903-types';

interface PeriodOfCare {
  start: string;
  end: string | null;
}

/** Episodes that follow on without a gap make one period of care; it ends when its last episode ends. */
export function periodsOfCare(care: CareEpisode[]): PeriodOfCare[] {
  const periods: PeriodOfCare[] = [];
  for (const e of [...care].sort((a, b) => a.start.localeCompare(b.start))) {
    const last = periods[periods.length - 1];
    // As the DfE's validator does, an episode after one with no end joins that period.
    if (last && (last.end === null || e.start <= last.end)) last.end = e.end;
    else periods.push({ start: e.start, end: e.end });
  }
  return periods;
}

const perRow = (
  code: string,
  breaks: (p: MissingPeriod, child: ReturnChild, t: Translator) => Finding | null,
): Rule => ({
  code,
  check: (child, _year, t) => child.missing.flatMap((p) => breaks(p, child, t) ?? []),
});

/** The period a message talks about: the latest one that began by the day the child went missing. */
function nearest(periods: PeriodOfCare[], date: string | null): PeriodOfCare {
  return [...periods].reverse().find((c) => date && c.start <= date) ?? periods[0];
}

/** 577: which way a missing period falls outside a period of care (a returns.577 message), or null if it fits. */
function outsideCare(start: string, end: string | null, care: PeriodOfCare): string | null {
  if (!end && care.end) return 'returns.577.openEnded';
  if (!end && start < care.start) return 'returns.577.openBefore';
  if (end && care.end && end > care.end) return 'returns.577.endsAfter';
  if (end && end < care.start) return 'returns.577.endsBefore';
  return null;
}

export const careRules: Rule[] = [
  // The placement (903 episode) the child went missing from has ended, so the period must end too.
  perRow('575', (p, child, t) => {
    const start = realDate(p.start);
    const ended = start && !p.end ? child.care.find((e) => e.end && e.start <= start && start <= e.end) : undefined;
    if (!ended?.end) return null;
    return {
      message: t.t('returns.575', { period: periodName(p, t), date: ddmmyyyy(ended.end) }),
      fix: t.t('returns.fix.575'),
    };
  }),
  // Checked only when the child has rows this year, as the DfE does: the earliest must carry last year's open one on.
  {
    code: '576',
    check: (child, _year, t) => {
      if (!child.openLastYear.length || !child.missing.length) return [];
      const key = (p: MissingPeriod) => realDate(p.start) ?? '9999';
      const byStart = (a: MissingPeriod, b: MissingPeriod) => key(a).localeCompare(key(b));
      const earliest = [...child.missing].sort(byStart)[0];
      const carried = child.openLastYear.filter((s) => realDate(s));
      if (!carried.some((s) => s !== realDate(earliest.start))) return [];
      const first = earliest.start
        ? t.t('returns.576.starts', { date: ddmmyyyy(earliest.start) })
        : t.t('returns.576.noStart');
      return [
        {
          message: t.t('returns.576', { dates: carried.map(ddmmyyyy).join(', '), first }),
          fix: t.t('returns.fix.576'),
        },
      ];
    },
  },
  perRow('577', (p, child, t) => {
    const start = realDate(p.start);
    const periods = periodsOfCare(child.care);
    if (!start || !periods.length) return null;
    const end = realDate(p.end);
    if (!periods.every((c) => outsideCare(start, end, c))) return null;
    const care = nearest(periods, start);
    return {
      message: t.t(outsideCare(start, end, care)!, {
        period: periodName(p, t),
        end: end && ddmmyyyy(end),
        careStart: ddmmyyyy(care.start),
        careEnd: care.end && ddmmyyyy(care.end),
      }),
      fix: t.t('returns.fix.577'),
    };
  }),
  perRow('578', (p, child, t) => {
    const start = realDate(p.start);
    const periods = periodsOfCare(child.care);
    const outside = (c: PeriodOfCare) => !!start && (start < c.start || (c.end !== null && start > c.end));
    if (!start || !periods.length || !periods.every(outside)) return null;
    const care = nearest(periods, start);
    const message =
      care.end && start > care.end
        ? t.t('returns.578.after', { period: periodName(p, t), date: ddmmyyyy(care.end) })
        : t.t('returns.578.before', { period: periodName(p, t), date: ddmmyyyy(care.start) });
    return { message, fix: t.t('returns.fix.578') };
  }),
  // The DfE reports this against the Episodes table (REC), which we do not hold:
  // a reason we do not know is not checked.
  {
    code: '580',
    check: (child, _year, t) => {
      const eighteen = yearsAfter(child.dob, 18);
      const missingOnBirthday = child.missing.some((p) => realDate(p.end) === eighteen);
      const ending = child.care.find((e) => e.end === eighteen && e.reason !== null && e.reason !== 'E8');
      if (!missingOnBirthday || !ending) return [];
      return [
        {
          message: t.t('returns.580', { date: ddmmyyyy(eighteen), reason: ending.reason }),
          fix: t.t('returns.fix.580'),
        },
      ];
    },
  },
  // A row with no start date lies in no episode, so the DfE reports it here too.
  perRow('581', (p, child, t) => {
    if (!child.care.length) return null;
    const start = realDate(p.start);
    if (start && child.care.some((e) => e.start <= start && (e.end === null || start <= e.end))) return null;
    return {
      message: t.t(start ? 'returns.581.began' : 'returns.581.falls', { period: periodName(p, t) }),
      fix: t.t('returns.fix.581'),
    };
  }),
  perRow('1012', (p, child, t) =>
    child.care.length
      ? null
      : { message: t.t('returns.1012', { period: periodName(p, t) }), fix: t.t('returns.fix.1012') },
  ),
];
