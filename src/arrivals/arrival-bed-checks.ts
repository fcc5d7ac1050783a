// The bed checks proposed for an arrival's first placement: the same rule as the plan form's
// (src/bed-checks/proposed-bed-checks.ts), for a placement that starts now.
import { proposedBedChecks } from '../bed-checks/proposed-bed-checks';
import { bedCheckFormValues } from '../safeguarding/bed-check-form';

/** The two bed-check fields of the plan section, prefilled for a placement starting now. */
export function proposedArrivalBedChecks(traffickingStatus: string, now: Date): Record<string, string> {
  return bedCheckFormValues(proposedBedChecks({ traffickingStatus }, { startedAt: now, endedAt: null }, now));
}
