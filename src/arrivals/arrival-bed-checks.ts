// The bed checks proposed for an arrival's first placement. HOOK: when src/bed-checks/ exports a
// proposal for a new placement of a trafficked child, call it here; until then the plan form's rule
// (a suspected or confirmed trafficked child in a placement that starts now) gives the same answer.
import type { Placement } from '../placements/placement.entity';
import { bedCheckFormValues, proposeBedChecks } from '../safeguarding/bed-check-form';

/** The two bed-check fields of the plan section, prefilled for a placement starting now. */
export function proposedArrivalBedChecks(traffickingStatus: string, now: Date): Record<string, string> {
  const newPlacement = { startedAt: now, endedAt: null } as Placement;
  return bedCheckFormValues(proposeBedChecks(traffickingStatus, [newPlacement], now));
}
