// Turns what the service holds (a safeguarding episode, placements, care dates) into what the 903
// return holds (missing periods and episodes of care). They differ on purpose: the safeguarding
// episode stays open until the child is found, whoever cares for them, while the DfE wants each
// missing period to end with the placement it began in and with the child's care (rules 575, 577).
import { addDays } from '../platform/dates';
import { type CareEpisode, collectionYear, type MissingPeriod, type ReturnChild } from './ssda903-types';

interface Span {
  start: string;
  end: string | null;
}
type Episode = Span & { kind: string };

/** One child as the service holds them; London dates. We hold one period of care per child. */
export interface ChildRecord {
  reference: string;
  localId: string;
  dob: string;
  careStart: string;
  careEnd: string | null;
  placements: Span[];
  episodes: Episode[];
}

/** The records as they stood on the last day of a year: later ends had not happened, later starts not begun. */
function asAt(record: ChildRecord, to: string): ChildRecord {
  const cut = <T extends Span>(s: T): T => (s.end && s.end > to ? { ...s, end: null } : s);
  return {
    ...record,
    careEnd: record.careEnd && record.careEnd > to ? null : record.careEnd,
    placements: record.placements.filter((p) => p.start <= to).map(cut),
    episodes: record.episodes.filter((e) => e.start <= to).map(cut),
  };
}

/**
 * The 903 episodes of care: the period of care cut at every placement's start and end. A stretch of
 * care with no placement recorded is an episode too (the DfE's file would have one; we do not know
 * its placement). As in the 903, one episode ends on the day the next begins. We hold no reason
 * care ended as a 903 REC code, so `reason` is null.
 */
export function careEpisodes(record: ChildRecord): CareEpisode[] {
  const { careStart, careEnd } = record;
  if (careEnd && careEnd < careStart) return [];
  const within = (d: string | null): d is string => !!d && d > careStart && (!careEnd || d < careEnd);
  const cuts = [...new Set(record.placements.flatMap((p) => [p.start, p.end]).filter(within))].sort();
  const bounds = [careStart, ...cuts];
  return bounds.map((start, i) => ({ start, end: bounds[i + 1] ?? careEnd, reason: null }));
}

/**
 * The missing periods the DfE expects from one safeguarding episode: ended on the day care ended,
 * and cut where a 903 episode of care ends while the child is away. The rest of the absence is a
 * new period from the day after, because the DfE counts the day an episode ends as part of it (575).
 * An episode that began outside care is left as it is, for the rules to name (578, 581, 1012).
 */
export function missingPeriods(episode: Episode, care: CareEpisode[], careEnd: string | null): MissingPeriod[] {
  const kind = episode.kind;
  let end = episode.end;
  const inCare = care.some((c) => c.start <= episode.start && (c.end === null || episode.start <= c.end));
  if (!inCare) return [{ kind, start: episode.start, end }];
  if (careEnd && (!end || end > careEnd)) end = careEnd;
  const periods: MissingPeriod[] = [];
  let start = episode.start;
  for (const cut of care
    .map((c) => c.end)
    .filter((d): d is string => !!d && d !== careEnd)
    .sort()) {
    if (cut < start || (end && cut >= end)) continue;
    periods.push({ kind, start, end: cut });
    start = addDays(cut, 1);
  }
  if (!end || start <= end) periods.push({ kind, start, end });
  return periods;
}

const touches = (s: { start: string | null; end: string | null }, from: string, to: string) =>
  !!s.start && s.start <= to && (!s.end || s.end >= from);

function rowsFor(record: ChildRecord, startYear: number): { care: CareEpisode[]; missing: MissingPeriod[] } {
  const { from, to } = collectionYear(startYear);
  const held = asAt(record, to);
  const care = careEpisodes(held);
  const missing = held.episodes
    .flatMap((e) => missingPeriods(e, care, held.careEnd))
    .filter((p) => touches(p, from, to));
  return { care: care.filter((c) => touches(c, from, to)), missing };
}

/**
 * One child's part of a year's return. Last year's open periods are derived the same way from
 * today's records: we keep no copy of the file the authority sent last year.
 */
export function returnChild(record: ChildRecord, startYear: number): ReturnChild {
  const { care, missing } = rowsFor(record, startYear);
  const lastYear = rowsFor(record, startYear - 1);
  return {
    reference: record.reference,
    localId: record.localId,
    dob: record.dob,
    care,
    missing: missing.sort((a, b) => (a.start ?? '').localeCompare(b.start ?? '')),
    openLastYear: lastYear.missing.filter((p) => !p.end && p.start).map((p) => p.start!),
  };
}
