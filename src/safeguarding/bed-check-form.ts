// Bed checks on the plan form: what the form proposes, and the schedule read back from its two fields.
import { proposedBedChecks } from '../bed-checks/proposed-bed-checks';
import type { Placement } from '../placements/placement.entity';
import { invalidFields } from '../platform/errors';
import { BedCheckSchedule, bedCheckTimePattern } from './plan-measures';
import type { SafeguardingPlan } from './safeguarding-plan.entity';

const DAY = 86_400_000;

/**
 * What the form offers. While the plan in force has checks for this placement, the same times for the days they have
 * left (a new version restarts the days, so a version made for another reason neither drops nor extends them), and
 * nothing once they have run their course. Otherwise the default for a trafficked child in a new placement.
 */
export function proposeBedChecks(
  child: { traffickingStatus: string },
  placements: Placement[],
  current: SafeguardingPlan | null,
  now: Date,
): BedCheckSchedule | null {
  const placement = placements.find((p) => !p.endedAt) ?? null;
  if (current?.bedChecks && placement) {
    const windowStart = Math.max(current.createdAt.getTime(), placement.startedAt.getTime());
    const left = windowStart + current.bedChecks.days * DAY - now.getTime();
    return left > 0 ? { times: current.bedChecks.times, days: Math.ceil(left / DAY) } : null;
  }
  return proposedBedChecks(child, placement, now);
}

export const bedCheckFormValues = (s: BedCheckSchedule | null) => ({
  bedCheckTimes: s ? s.times.join(', ') : '',
  bedCheckDays: s ? String(s.days) : '',
});

/** The schedule the two fields set; no times: no bed checks. Throws Invalid naming the field at fault. */
export function bedChecksFromForm(times: string | undefined, days: string | undefined): BedCheckSchedule | null {
  const list = (times ?? '')
    .split(/[,\s]+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => (/^\d:\d\d$/.test(t) ? `0${t}` : t));
  if (!list.length) return null;
  if (!list.every((t) => bedCheckTimePattern.test(t)) || new Set(list).size !== list.length) {
    throw invalidFields([
      { field: 'bedCheckTimes', message: 'Enter bed check times like 23:00, 02:00, 06:00, each once' },
    ]);
  }
  const n = Number(days);
  if (!Number.isInteger(n) || n < 1 || n > 14)
    throw invalidFields([{ field: 'bedCheckDays', message: 'Enter the number of days of bed checks, from 1 to 14' }]);
  return { times: list, days: n };
}
