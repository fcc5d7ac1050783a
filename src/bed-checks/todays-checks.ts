// Today's bed checks as people see them (the child's record, the dashboard, the carer's page): each
// check of the plan in force, and each check sent, from 12 hours ago to 16 hours ahead, so a night's
// 23:00, 02:00 and 06:00 are seen together whenever the page is opened (from 14:00 the coming night
// is seen whole). Pure.
import { bedCheckTimes } from './bed-check-schedule';
import type { CheckRow, ScheduleInForce } from './bed-checks.repository';

export const TODAY_BACK_MS = 12 * 3_600_000;
export const TODAY_AHEAD_MS = 16 * 3_600_000;
/** A check not yet sent this long after its time will not be (the round's grace for a restart). */
const SEND_GRACE_MS = 15 * 60_000;

export type CheckState = 'due' | 'waiting' | 'home' | 'not_home' | 'missed' | 'not_sent';
export interface TodaysCheck {
  childId: string;
  dueAt: Date;
  state: CheckState;
  answeredAt: Date | null;
  /** The duty manager was asked to phone the carer. */
  escalated: boolean;
  episodeId: string | null;
}

function stateOf(row: CheckRow, now: Date): CheckState {
  if (row.answer === 'yes') return 'home';
  if (row.answer === 'no') return 'not_home';
  if (row.escalatedAt || new Date(row.expiresAt).getTime() <= now.getTime()) return 'missed';
  return 'waiting';
}

/** One child's (or several children's) checks around `now`, in time order. */
export function todaysChecks(schedules: ScheduleInForce[], sent: CheckRow[], now: Date): TodaysCheck[] {
  const from = now.getTime() - TODAY_BACK_MS;
  const to = now.getTime() + TODAY_AHEAD_MS;
  const checks = new Map<string, TodaysCheck>();
  for (const s of schedules) {
    for (const dueAt of bedCheckTimes(s.schedule, new Date(s.windowStart))) {
      if (dueAt.getTime() < from || dueAt.getTime() > to) continue;
      const late = now.getTime() - dueAt.getTime() >= SEND_GRACE_MS;
      checks.set(`${s.childId}|${dueAt.getTime()}`, {
        childId: s.childId,
        dueAt,
        state: late ? 'not_sent' : 'due',
        answeredAt: null,
        escalated: false,
        episodeId: null,
      });
    }
  }
  // What was sent wins over the schedule (a plan changed since keeps the checks it sent).
  for (const row of sent) {
    const dueAt = new Date(row.dueAt);
    checks.set(`${row.childId}|${dueAt.getTime()}`, {
      childId: row.childId,
      dueAt,
      state: stateOf(row, now),
      answeredAt: row.answeredAt ? new Date(row.answeredAt) : null,
      escalated: !!row.escalatedAt,
      episodeId: row.episodeId,
    });
  }
  return [...checks.values()].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}
