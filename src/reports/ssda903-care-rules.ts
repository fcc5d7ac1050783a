// The DfE rules that read the missing table beside the child's 903 episodes of care (and last
// year's return), written from the meaning of the DfE's validator (csc-validator-be-903, unchanged
// from 2022-23 through the 2025-26 and 2026-27 rule sets). We hold no Episodes table: the episodes
// are derived from care dates and placements (ssda903-periods.ts), so these rules read that.
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

const perRow = (code: string, breaks: (p: MissingPeriod, child: ReturnChild) => Finding | null): Rule => ({
  code,
  check: (child) => child.missing.flatMap((p) => breaks(p, child) ?? []),
});

/** The period a message talks about: the latest one that began by the day the child went missing. */
function nearest(periods: PeriodOfCare[], date: string | null): PeriodOfCare {
  return [...periods].reverse().find((c) => date && c.start <= date) ?? periods[0];
}

/** 577: which way a missing period falls outside a period of care, or null if it fits. */
function outsideCare(start: string, end: string | null, care: PeriodOfCare): string | null {
  const began = `the child's care began on ${ddmmyyyy(care.start)}`;
  const ended = care.end && `the child's care ended on ${ddmmyyyy(care.end)}`;
  if (!end && ended) return `is still open, but ${ended}`;
  if (!end && start < care.start) return `is still open and began before ${began}`;
  if (end && care.end && end > care.end) return `ends on ${ddmmyyyy(end)}, after ${ended}`;
  if (end && end < care.start) return `ends on ${ddmmyyyy(end)}, before ${began}`;
  return null;
}

export const careRules: Rule[] = [
  // The placement (903 episode) the child went missing from has ended, so the period must end too.
  perRow('575', (p, child) => {
    const start = realDate(p.start);
    const ended = start && !p.end ? child.care.find((e) => e.end && e.start <= start && start <= e.end) : undefined;
    if (!ended?.end) return null;
    return {
      message:
        `${periodName(p)} is still open, but the placement the child went missing from ` +
        `ended on ${ddmmyyyy(ended.end)}.`,
      fix:
        'End the missing period on the day the placement ended; if the child is still missing, ' +
        'a new period starts with the next placement.',
    };
  }),
  // Checked only when the child has rows this year, as the DfE does: the earliest must carry last year's open one on.
  {
    code: '576',
    check: (child) => {
      if (!child.openLastYear.length || !child.missing.length) return [];
      const key = (p: MissingPeriod) => realDate(p.start) ?? '9999';
      const byStart = (a: MissingPeriod, b: MissingPeriod) => key(a).localeCompare(key(b));
      const earliest = [...child.missing].sort(byStart)[0];
      const carried = child.openLastYear.filter((s) => realDate(s));
      if (!carried.some((s) => s !== realDate(earliest.start))) return [];
      const first = earliest.start ? `starts on ${ddmmyyyy(earliest.start)}` : 'has no start date';
      return [
        {
          message:
            `Last year's return left open a missing period starting ${carried.map(ddmmyyyy).join(', ')}, ` +
            `but this year's earliest period ${first}.`,
          fix:
            "Carry last year's open period into this year with the same start date, " +
            'and record its end if the child has come back.',
        },
      ];
    },
  },
  perRow('577', (p, child) => {
    const start = realDate(p.start);
    const periods = periodsOfCare(child.care);
    if (!start || !periods.length) return null;
    const end = realDate(p.end);
    if (!periods.every((c) => outsideCare(start, end, c))) return null;
    return {
      message: `${periodName(p)} ${outsideCare(start, end, nearest(periods, start))}.`,
      fix:
        'A missing period must end within the period of care it began in: ' +
        'record the return, or end it on the day care ended.',
    };
  }),
  perRow('578', (p, child) => {
    const start = realDate(p.start);
    const periods = periodsOfCare(child.care);
    const outside = (c: PeriodOfCare) => !!start && (start < c.start || (c.end !== null && start > c.end));
    if (!start || !periods.length || !periods.every(outside)) return null;
    const care = nearest(periods, start);
    const why =
      care.end && start > care.end
        ? `after the child stopped being looked after on ${ddmmyyyy(care.end)}`
        : `before the child's care began on ${ddmmyyyy(care.start)}`;
    return {
      message: `${periodName(p)} began ${why}.`,
      fix: 'Check the date the child went missing and the dates of their care.',
    };
  }),
  // The DfE reports this against the Episodes table (REC), which we do not hold:
  // a reason we do not know is not checked.
  {
    code: '580',
    check: (child) => {
      const eighteen = yearsAfter(child.dob, 18);
      const missingOnBirthday = child.missing.some((p) => realDate(p.end) === eighteen);
      const ending = child.care.find((e) => e.end === eighteen && e.reason !== null && e.reason !== 'E8');
      if (!missingOnBirthday || !ending) return [];
      return [
        {
          message:
            `The child was missing when their care ended on their 18th birthday (${ddmmyyyy(eighteen)}), ` +
            `but the episode ended with reason ${ending.reason}, not E8.`,
          fix: 'Record the reason care ended as E8 in the 903 episodes table.',
        },
      ];
    },
  },
  // A row with no start date lies in no episode, so the DfE reports it here too.
  perRow('581', (p, child) => {
    if (!child.care.length) return null;
    const start = realDate(p.start);
    if (start && child.care.some((e) => e.start <= start && (e.end === null || start <= e.end))) return null;
    return {
      message:
        `${periodName(p)} ${start ? 'began on a day' : 'falls'} when the child was not looked after ` +
        '(no episode of care covers it).',
      fix: 'Check the date the child went missing and the date their care began.',
    };
  }),
  perRow('1012', (p, child) =>
    child.care.length
      ? null
      : {
          message: `${periodName(p)} is listed, but the child was not looked after at any time in the collection year.`,
          fix: "Check the child's care dates; a child with no care in the year has no rows in this return.",
        },
  ),
];
