// The JSON shape of a plan version: measures carry their labels; "current" marks the version in force.
import { planMeasures } from './plan-measures';
import type { SafeguardingPlan } from './safeguarding-plan.entity';

export function presentPlan(p: SafeguardingPlan, currentVersion: number) {
  return {
    id: p.id,
    childId: p.childId,
    version: p.version,
    current: p.version === currentVersion,
    riskOfMissing: p.riskOfMissing,
    measures: p.measures.map((code) => ({ code, label: planMeasures[code] ?? code })),
    agenciesToNotify: p.agenciesToNotify,
    agreedBy: p.agreedBy,
    agreedOn: p.agreedOn,
    reviewOn: p.reviewOn,
    notes: p.notes,
    bedChecks: p.bedChecks ?? null,
    createdBy: p.createdBy,
    createdAt: p.createdAt,
  };
}

export const presentHistory = (plans: SafeguardingPlan[]) => plans.map((p) => presentPlan(p, plans[0].version));
