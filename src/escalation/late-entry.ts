// Episodes entered after the fact. One already over when entered is a record, not an alarm: every
// step of its ladder is recorded as skipped at entry, so nothing is sent then or later. One entered
// late while the child is still missing starts its ladder now, but each recipient gets the steps
// already overdue folded into one summary alert rather than one message per step replayed at once.
import type { StepDecision } from './due-steps';
import type { PolicySnapshot } from './escalation-policy';
import type { PlannedMessage, PlannedStep } from './step-messages';
import { type Reason, reasons } from './step-reasons';

export const RECORDED_AFTER_THE_FACT = reasons.recordedAfterTheFact;
/** The template of the one alert that carries a late entry's overdue steps to one recipient. */
export const LATE_SUMMARY_TEMPLATE = 'late-summary';

/** Every step of the policy, skipped: a closed ladder for an episode recorded after the fact. */
export function silencedSteps(policy: PolicySnapshot, why: Reason): StepDecision[] {
  return policy.steps.map((step) => ({
    step,
    repeat: 0,
    action: 'skip',
    reason: why.english,
    reasonText: why.text,
    dueAt: null,
  }));
}

/**
 * On an episode's first run (or a ladder resumed): if any step was overdue before `since`, every recipient
 * of two or more of this run's messages on one channel gets one summary alert instead (needing an
 * acknowledgement if any folded alert did, with the profile link if any carried one). Returns how
 * many messages were folded away; each step's plan keeps only the messages it still sends.
 */
export function foldOverdue(fired: { decision: StepDecision; plan?: PlannedStep }[], since: Date): number {
  const planned = fired.filter((f): f is { decision: StepDecision; plan: PlannedStep } => !!f.plan);
  if (!planned.some((f) => f.decision.dueAt && f.decision.dueAt < since)) return 0;
  const byRecipient = new Map<string, PlannedMessage[]>();
  for (const { plan } of planned) {
    for (const m of plan.messages) {
      const key = `${m.channel}:${m.message.recipient.address}`;
      byRecipient.set(key, [...(byRecipient.get(key) ?? []), m]);
    }
  }
  const dropped = new Set<PlannedMessage>();
  for (const group of byRecipient.values()) {
    if (group.length < 2) continue;
    const kept = group.find((m) => 'linkAudience' in m.message.data) ?? group[0];
    kept.message = {
      ...kept.message,
      template: LATE_SUMMARY_TEMPLATE,
      needsAck: group.some((m) => m.message.needsAck),
      data: { ...kept.message.data, overdue: group.map((m) => m.message.template) },
    };
    group.filter((m) => m !== kept).forEach((m) => dropped.add(m));
  }
  for (const { plan } of planned) {
    const before = plan.messages.length;
    plan.messages = plan.messages.filter((m) => !dropped.has(m));
    plan.folded = (plan.folded ?? 0) + before - plan.messages.length;
  }
  return dropped.size;
}
