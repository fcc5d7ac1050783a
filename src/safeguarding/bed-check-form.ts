// Bed checks on the plan form: what the form proposes, and the schedule read back from its two fields.
import type { Placement } from '../placements/placement.entity';
import { invalidFields } from '../platform/errors';
import { BedCheckSchedule, bedCheckTimePattern, defaultBedChecks } from './plan-measures';

/** A placement is new for this many days, as for the escalation ladder's default policy. */
export const NEW_PLACEMENT_DAYS = 7;
const DAY = 86_400_000;

/** The default schedule for a suspected or confirmed trafficked child in a new placement; otherwise none. */
export function proposeBedChecks(
  traffickingStatus: string,
  placements: Placement[],
  now: Date,
): BedCheckSchedule | null {
  const current = placements.find((p) => !p.endedAt);
  const trafficked = traffickingStatus === 'suspected' || traffickingStatus === 'confirmed';
  const isNew = !!current && now.getTime() - current.startedAt.getTime() <= NEW_PLACEMENT_DAYS * DAY;
  return trafficked && isNew ? defaultBedChecks : null;
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
