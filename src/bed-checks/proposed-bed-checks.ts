// The bed checks a new plan proposes: the default schedule (23:00, 02:00, 06:00 for 3 days) for a
// suspected or confirmed trafficked child whose current placement is new. One rule for the plan form
// and the port-arrival intake, so both propose the same checks.
import { BedCheckSchedule, defaultBedChecks } from '../safeguarding/plan-measures';

/** A placement is new for this many days, as for the escalation ladder's default policy. */
export const NEW_PLACEMENT_DAYS = 7;
const DAY = 86_400_000;

/**
 * The default schedule for a suspected or confirmed trafficked child in a placement that started in the last 7 days
 * (or starts now); null otherwise. `placement` is the child's current placement, or the one about to start.
 */
export function proposedBedChecks(
  child: { traffickingStatus: string },
  placement: { startedAt: Date; endedAt?: Date | null } | null,
  now: Date,
): BedCheckSchedule | null {
  const trafficked = child.traffickingStatus === 'suspected' || child.traffickingStatus === 'confirmed';
  const isNew =
    !!placement &&
    !placement.endedAt &&
    now.getTime() - new Date(placement.startedAt).getTime() <= NEW_PLACEMENT_DAYS * DAY;
  return trafficked && isNew ? { times: [...defaultBedChecks.times], days: defaultBedChecks.days } : null;
}
