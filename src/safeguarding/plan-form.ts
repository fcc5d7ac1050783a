// The new-version form starts from the plan in force, so a measure nobody ticks again is never
// dropped by accident; who agreed it and when, and the review date, are the new version's own.
import { bedCheckFormValues } from './bed-check-form';
import type { BedCheckSchedule } from './plan-measures';
import type { SafeguardingPlan } from './safeguarding-plan.entity';

export function planFormDefaults(previous: SafeguardingPlan | null, proposed: BedCheckSchedule | null) {
  // Bed checks as proposeBedChecks offers them: the running checks' days left, or the default for a new placement.
  const bedChecks = bedCheckFormValues(proposed);
  if (!previous) return bedChecks;
  return {
    riskOfMissing: previous.riskOfMissing,
    measures: [...previous.measures],
    agenciesToNotify: previous.agenciesToNotify.join(', '),
    notes: previous.notes ?? '',
    ...bedChecks,
  };
}
