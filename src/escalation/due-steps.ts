// The escalation ladder as a pure function: given an episode, the policy copied onto it, the
// (step, repeat) pairs already run and the time, decide what fires now, what is skipped and why,
// and when to look again. No database, no clock: the runner supplies everything.
import type { TimelineText } from '../missing/timeline-text';
import { addWorkingDaysToInstant as addWorkingDays } from '../platform/working-days';
import type { EscalationStep, PolicySnapshot, RiskGrade, StepCondition } from './escalation-policy';
import { fireReason, type Reason, reasons, unmetCondition } from './step-reasons';

export interface EpisodeSnapshot {
  kind: 'M' | 'A';
  /** When an away episode became missing; the missing steps are measured from no earlier than this. */
  missingSince: Date | null;
  discoveredAt: Date;
  reportedAt: Date;
  returnedAt: Date | null;
  closedAt: Date | null;
  riskHighAt: Date | null;
  riskGrade: RiskGrade | null;
  highRiskFromStart: boolean;
  traffickingStatus: string;
  placementStartedAt: Date | null;
  repeatCount: number;
  returnInterviewPending: boolean;
  /** Step keys whose alert someone acknowledged. */
  acknowledgedSteps: readonly string[];
}

/**
 * 'unreached': the step fired but had nobody to send to; it counts as fired, so it repeats and moves on as any other.
 */
export type RunOutcome = 'fired' | 'skipped' | 'unreached';
/** Keyed by runKey(step, repeat). */
export type FiredKeys = ReadonlyMap<string, RunOutcome>;
export interface StepDecision {
  step: EscalationStep;
  repeat: number;
  action: 'fire' | 'skip';
  /** Why, in English (kept on the run). */
  reason: string;
  /** The same reason as a timeline.* message. */
  reasonText: TimelineText;
  dueAt: Date | null;
  /** A fired run of a step with the voice channel: whether this run calls (the step's call rule). */
  calls?: boolean;
}
export interface DueResult {
  decisions: StepDecision[];
  nextAt: Date | null;
}

export const runKey = (stepKey: string, repeat: number) => `${stepKey}#${repeat}`;
const MINUTE = 60_000;
const DAY = 86_400_000;

export function effectiveRisk(ep: EpisodeSnapshot): RiskGrade | null {
  return ep.highRiskFromStart ? 'high' : ep.riskGrade;
}

export function dueSteps(ep: EpisodeSnapshot, policy: PolicySnapshot, firedKeys: FiredKeys, now: Date): DueResult {
  // Instants are epoch milliseconds in here: a sweep decides every step of a thousand episodes, and
  // a Date for each candidate instant was most of what it allocated.
  const decisions: StepDecision[] = [];
  const at = now.getTime();
  let nextAt = Infinity;
  const runs = runsByStep(firedKeys);
  for (const step of policy.steps) {
    const ran = runs.get(step.key);
    if (ran?.skipped) continue;
    const repeat = (ran?.lastFired ?? -1) + 1;
    const maxRuns = 1 + (step.repeat?.max ?? 0);
    if (repeat >= maxRuns) continue;
    // A step for the other kind of episode waits: an away episode may yet become missing.
    if (step.when?.kind && !step.when.kind.includes(ep.kind)) continue;
    const first = firstDue(step, ep);
    const dueAt = first === null ? null : repeatDue(step, first, repeat);
    if (ep.closedAt) {
      const foundNotice = step.from === 'returned' && repeat === 0 && dueAt !== null && dueAt <= ep.closedAt.getTime();
      if (foundNotice) decisions.push(decision(step, repeat, 'fire', reasons.foundNotice, dueAt));
      else decisions.push(decision(step, repeat, 'skip', reasons.closed, dueAt));
      continue;
    }
    if (repeat > 0 && ep.acknowledgedSteps.includes(step.key)) {
      decisions.push(decision(step, repeat, 'skip', reasons.acknowledged, dueAt));
      continue;
    }
    const whileMissing = step.whileMissing ?? step.from !== 'returned';
    if (whileMissing && ep.returnedAt) {
      decisions.push(decision(step, repeat, 'skip', reasons.returnedBefore, dueAt));
      continue;
    }
    if (first === null) continue;
    // After downtime, only the latest overdue repeat is sent; earlier ones are superseded.
    let r = repeat;
    while (r + 1 < maxRuns && repeatDue(step, first, r + 1) <= at) r += 1;
    const due = repeatDue(step, first, r);
    if (due > at) {
      nextAt = Math.min(nextAt, due);
      continue;
    }
    const notMet = unmet(step.when, ep, policy);
    if (notMet) {
      decisions.push(decision(step, r, 'skip', reasons.unmet(notMet), due));
      continue;
    }
    const why = fireReason(step, r, ep.highRiskFromStart);
    decisions.push({ ...decision(step, r, 'fire', why, due), calls: callsOn(step, r, ep, policy) });
    if (r + 1 < maxRuns) nextAt = Math.min(nextAt, repeatDue(step, first, r + 1));
  }
  return { decisions, nextAt: nextAt === Infinity ? null : new Date(nextAt) };
}

function decision(
  step: EscalationStep,
  repeat: number,
  action: 'fire' | 'skip',
  why: Reason,
  dueAt: number | null,
): StepDecision {
  const reason = why.english;
  return { step, repeat, action, reason, reasonText: why.text, dueAt: dueAt === null ? null : new Date(dueAt) };
}

/** For each step key: the highest repeat that fired, and whether it was skipped instead. */
function runsByStep(fired: FiredKeys): Map<string, { lastFired: number; skipped: boolean }> {
  const runs = new Map<string, { lastFired: number; skipped: boolean }>();
  for (const [key, outcome] of fired) {
    const hash = key.lastIndexOf('#');
    const stepKey = key.slice(0, hash);
    const ran = runs.get(stepKey) ?? { lastFired: -1, skipped: false };
    if (outcome === 'skipped') ran.skipped = true;
    else ran.lastFired = Math.max(ran.lastFired, Number(key.slice(hash + 1)));
    runs.set(stepKey, ran);
  }
  return runs;
}

function momentOf(step: EscalationStep, ep: EpisodeSnapshot): Date | null {
  switch (step.from) {
    case 'discovered':
      return missingFrom(step, ep, ep.discoveredAt);
    case 'reported':
      return missingFrom(step, ep, ep.reportedAt);
    // High risk from the first minute (trafficked, or newly placed): the high-risk step fires at the report.
    case 'risk_high':
      return ep.highRiskFromStart ? missingFrom(step, ep, ep.reportedAt) : ep.riskHighAt;
    case 'returned':
      return ep.returnedAt ?? ep.closedAt;
  }
}

/** A missing step of an episode that was away first is measured from when it became missing. */
function missingFrom(step: EscalationStep, ep: EpisodeSnapshot, moment: Date): Date {
  return ep.missingSince && step.when?.kind?.includes('M') && ep.missingSince > moment ? ep.missingSince : moment;
}

function firstDue(step: EscalationStep, ep: EpisodeSnapshot): number | null {
  const moment = momentOf(step, ep);
  if (!moment) return null;
  if (step.delayWorkingDays) return addWorkingDays(moment, step.delayWorkingDays).getTime();
  return moment.getTime() + (step.delayMinutes ?? 0) * MINUTE;
}

function repeatDue(step: EscalationStep, first: number, repeat: number): number {
  return first + repeat * (step.repeat?.everyMinutes ?? 0) * MINUTE;
}

/** Whether this run of the step calls: it has the voice channel and its call rule (if any) allows this run. */
export function callsOn(step: EscalationStep, repeat: number, ep: EpisodeSnapshot, policy: PolicySnapshot): boolean {
  if (!step.channels.includes('voice')) return false;
  if (!step.call) return true;
  if (repeat >= step.call.fromRepeat) return true;
  return !!step.call.fromFirstWhen && unmet(step.call.fromFirstWhen, ep, policy) === null;
}

/** Which of a step's conditions the episode does not meet (null: all met), with the sentence saying so. */
function unmet(when: StepCondition | undefined, ep: EpisodeSnapshot, policy: PolicySnapshot): Reason | null {
  return unmetCondition(
    when,
    {
      risk: effectiveRisk(ep),
      traffickingStatus: ep.traffickingStatus,
      newPlacement: isNewPlacement(ep, policy.settings.newPlacementDays),
      repeatCount: ep.repeatCount,
      acknowledgedSteps: ep.acknowledgedSteps,
      returnInterviewPending: ep.returnInterviewPending,
    },
    policy,
  );
}

export function isNewPlacement(
  ep: Pick<EpisodeSnapshot, 'placementStartedAt' | 'discoveredAt'>,
  days: number,
): boolean {
  return !!ep.placementStartedAt && ep.discoveredAt.getTime() - ep.placementStartedAt.getTime() <= days * DAY;
}
