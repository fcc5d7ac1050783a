// When a subject access request must be answered (UK GDPR art. 12(3), and the Data (Use and Access)
// Act 2025's "stop the clock"): one calendar month from receipt (to the same date, or the month's last
// day where there is none), extendable by up to two months; days paused waiting for clarification
// move it on. An open pause counts up to today.
import { addDays } from '../platform/dates';
import type { Pause } from './subject-access.repository';

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

export interface Deadline {
  dueOn: string;
  daysPaused: number;
  paused: boolean;
  pausedSince: string | null;
}

export function deadlineOf(
  r: { receivedOn: string; extensionMonths: number; pauses: Pause[] },
  todayIso: string,
): Deadline {
  const open = r.pauses.find((p) => !p.resumedOn) ?? null;
  const daysPaused = r.pauses.reduce(
    (sum, p) => sum + Math.max(0, daysBetween(p.pausedOn, p.resumedOn ?? todayIso)),
    0,
  );
  return {
    dueOn: addDays(addMonths(r.receivedOn, 1 + r.extensionMonths), daysPaused),
    daysPaused,
    paused: !!open,
    pausedSince: open?.pausedOn ?? null,
  };
}
