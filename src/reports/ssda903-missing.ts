// The SSDA903 missing table (CHILD, DOB, MISSING, MIS_START, MIS_END) for one collection year
// (1 April - 31 March), with the DfE's validation rules applied first. Pure: the caller loads the
// episodes and children; this decides what the return says and what is wrong with it.
export interface ReturnEpisode { kind: 'M' | 'A' | string; start: string | null; end: string | null }
export interface ReturnChild { reference: string; localId: string; dob: string; careEnd: string | null; episodes: ReturnEpisode[] }
export interface ReturnRow { CHILD: string; DOB: string; MISSING: string; MIS_START: string; MIS_END: string }
export interface ReturnProblem { child: string; rule: string; message: string; fix: string }

/** Dates are ISO yyyy-mm-dd (London dates); the collection year is named by its starting year. */
export function collectionYear(startYear: number): { from: string; to: string } {
  return { from: `${startYear}-04-01`, to: `${startYear + 1}-03-31` };
}

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Episodes that belong in this year's return: any part of them falls in the year. */
export function episodesInYear(episodes: ReturnEpisode[], startYear: number): ReturnEpisode[] {
  const { from, to } = collectionYear(startYear);
  return episodes.filter((e) => (!e.start || e.start <= to) && (!e.end || e.end >= from));
}

export function validateChild(child: ReturnChild, startYear: number): ReturnProblem[] {
  const { from, to } = collectionYear(startYear);
  const problems: ReturnProblem[] = [];
  const add = (rule: string, message: string, fix: string) => problems.push({ child: child.reference, rule, message, fix });
  const episodes = episodesInYear(child.episodes, startYear).slice().sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''));
  for (const e of episodes) {
    const period = `the episode starting ${e.start ? ddmmyyyy(e.start) : '(no start date)'}`;
    if (!e.start || !['M', 'A'].includes(e.kind)) {
      add('start-and-type', `${period} needs both a start date and a type (M or A).`, 'Record when the child went missing and whether they were missing (M) or away without authorisation (A).');
      continue;
    }
    if (e.end && e.end < e.start) add('end-before-start', `${period} ends on ${ddmmyyyy(e.end)}, before it started.`, 'Correct the start or the return date.');
    if (e.start > to) add('start-after-year', `${period} starts after 31/03/${startYear + 1}.`, 'Check the start date.');
    if (e.end && (e.end < from || e.end > to)) add('end-outside-year', `${period} ends on ${ddmmyyyy(e.end)}, outside the collection year.`, 'Check the return date.');
    if (e.start < child.dob) add('before-birth', `${period} starts before the child's date of birth (${ddmmyyyy(child.dob)}).`, 'Correct the start date or the date of birth.');
    if (!e.end && child.careEnd && child.careEnd <= to) {
      add('open-after-care-ended', `${period} is still open but the child left care on ${ddmmyyyy(child.careEnd)}.`, 'Record the return, or close the episode when the care episode ended.');
    }
  }
  for (let i = 1; i < episodes.length; i++) {
    const previous = episodes[i - 1];
    const current = episodes[i];
    if (!previous.start || !current.start) continue;
    if (!previous.end) {
      add('open-then-new', `a new episode starts on ${ddmmyyyy(current.start)} while the one from ${ddmmyyyy(previous.start)} is still open.`, 'Record the return for the earlier episode.');
    } else if (current.start < previous.end) {
      add('overlap', `the episodes starting ${ddmmyyyy(previous.start)} and ${ddmmyyyy(current.start)} overlap.`, 'Correct the dates so one ends before the next starts.');
    }
  }
  return problems;
}

export function returnRows(children: ReturnChild[], startYear: number): ReturnRow[] {
  return children.flatMap((c) => episodesInYear(c.episodes, startYear)
    .filter((e) => e.start)
    .sort((a, b) => a.start!.localeCompare(b.start!))
    .map((e) => ({ CHILD: c.localId, DOB: ddmmyyyy(c.dob), MISSING: e.kind, MIS_START: ddmmyyyy(e.start!), MIS_END: e.end ? ddmmyyyy(e.end) : '' })))
    .sort((a, b) => a.CHILD.localeCompare(b.CHILD));
}

export function returnCsv(rows: ReturnRow[]): string {
  const header = 'CHILD,DOB,MISSING,MIS_START,MIS_END';
  return [header, ...rows.map((r) => [r.CHILD, r.DOB, r.MISSING, r.MIS_START, r.MIS_END].join(','))].join('\r\n') + '\r\n';
}
