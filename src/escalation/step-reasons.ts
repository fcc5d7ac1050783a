// Why the ladder fired or skipped a step: each reason in English (kept on the run, as the API gives it)
// and as a timeline.* message, so that a page can show the step's line in its reader's language.
import { msg, type TimelineParam, type TimelineText } from '../missing/timeline-text';
import type { EscalationStep, PolicySnapshot, RiskGrade, StepCondition } from './escalation-policy';
import { minutesInWords } from './step-names';

export interface Reason {
  english: string;
  text: TimelineText;
}
/** What unmetCondition reads of an episode. */
export interface ConditionFacts {
  risk: RiskGrade | null;
  traffickingStatus: string;
  newPlacement: boolean;
  repeatCount: number;
  acknowledgedSteps: readonly string[];
  returnInterviewPending: boolean;
}

const reason = (english: string, key: string, params?: TimelineText['params']): Reason => ({
  english,
  text: msg(key, params),
});

export const reasons = {
  foundNotice: reason('The child returned or the episode closed.', 'timeline.reason.foundNotice'),
  closed: reason('The episode is closed, so escalation has stopped.', 'timeline.reason.closed'),
  acknowledged: reason('The alert was acknowledged, so it is not repeated.', 'timeline.reason.acknowledged'),
  returnedBefore: reason('The child returned before this step was due.', 'timeline.reason.returnedBefore'),
  recordedAfterTheFact: reason(
    'The episode was over when it was entered (recorded after the fact), so no alert is sent.',
    'timeline.reason.recordedAfterTheFact',
  ),
  unmet: (condition: Reason) =>
    reason(`Condition not met: ${condition.english}`, 'timeline.reason.unmet', { condition: condition.text }),
};

const riskWords: Record<RiskGrade, string> = { very_low: 'very low', low: 'low', medium: 'medium', high: 'high' };
const risk = (r: RiskGrade) => msg(`timeline.risk.${r}`);
const status = (s: string) => msg(`timeline.trafficking.${s}`);

/** Why a step fires now: a repeat not acknowledged, or its delay after the moment it counts from. */
export function fireReason(step: EscalationStep, repeat: number, highRiskFromStart: boolean): Reason {
  if (repeat > 0)
    return reason(`Repeat ${repeat}: the alert has not been acknowledged.`, 'timeline.reason.repeat', { n: repeat });
  const [delay, delayText] = step.delayWorkingDays
    ? [`${step.delayWorkingDays} working days after`, msg('timeline.delay.workingDays', { n: step.delayWorkingDays })]
    : step.delayMinutes
      ? [
          `${minutesInWords(step.delayMinutes)} after`,
          msg('timeline.delay.after', { duration: duration(step.delayMinutes) }),
        ]
      : ['at', msg('timeline.delay.at')];
  const highRisk = highRiskFromStart ? 'the report (high risk from the first minute)' : 'the high risk grading';
  const moment = { discovered: 'discovery', reported: 'the report', returned: 'the return', risk_high: highRisk }[
    step.from
  ];
  const momentKey = step.from === 'risk_high' && highRiskFromStart ? 'riskHighFromStart' : step.from;
  return reason(`Due ${delay} ${moment}.`, 'timeline.reason.due', {
    delay: delayText,
    moment: msg(`timeline.moment.${momentKey}`),
  });
}

/** minutesInWords as a message: "1 hour 30 minutes", "7 days" (a fired step's delay is never zero). */
function duration(minutes: number): TimelineParam {
  const m = Math.max(0, Math.round(minutes));
  if (m >= 7 * 1440 && m % 1440 === 0) return msg('timeline.duration.days', { count: m / 1440 });
  const hours = Math.floor(m / 60);
  const rest = m % 60;
  const parts = [
    ...(hours ? [msg('timeline.duration.hours', { count: hours })] : []),
    ...(rest ? [msg('timeline.duration.minutes', { count: rest })] : []),
  ];
  return { list: parts, sep: ' ' };
}

/** Null when every condition holds; otherwise a sentence saying which did not. */
export function unmetCondition(
  when: StepCondition | undefined,
  ep: ConditionFacts,
  policy: PolicySnapshot,
): Reason | null {
  if (!when) return null;
  const r = ep.risk;
  if (when.risk && !(r && when.risk.includes(r))) {
    return reason(
      `the risk is ${r ? riskWords[r] : 'not graded'}; this step needs ${when.risk.map((w) => riskWords[w]).join(' or ')}.`,
      'timeline.unmet.risk',
      { risk: r ? risk(r) : msg('timeline.risk.notGraded'), needs: { list: when.risk.map(risk), sep: 'or' } },
    );
  }
  if (when.trafficking && !when.trafficking.some((s) => s === ep.traffickingStatus)) {
    return reason(
      `the trafficking status is ${ep.traffickingStatus.replace('_', ' ')}; this step needs ${when.trafficking.join(' or ').replace('_', ' ')}.`,
      'timeline.unmet.trafficking',
      { status: status(ep.traffickingStatus), needs: { list: when.trafficking.map(status), sep: 'or' } },
    );
  }
  if (when.newPlacement !== undefined && ep.newPlacement !== when.newPlacement) {
    const days = policy.settings.newPlacementDays;
    return when.newPlacement
      ? reason(`the placement did not start within ${days} days.`, 'timeline.unmet.notNewPlacement', { days })
      : reason('the placement is new.', 'timeline.unmet.newPlacement');
  }
  if (when.repeatCountAtLeast && ep.repeatCount < when.repeatCountAtLeast) {
    const days = policy.settings.repeatWindowDays;
    return reason(
      `this is episode ${ep.repeatCount} in ${days} days; this step needs ${when.repeatCountAtLeast}.`,
      'timeline.unmet.repeatCount',
      { n: ep.repeatCount, days, needs: when.repeatCountAtLeast },
    );
  }
  if (when.notAcknowledged && ep.acknowledgedSteps.includes(when.notAcknowledged)) {
    return reason(`the ${when.notAcknowledged} alert was acknowledged.`, 'timeline.unmet.acknowledged', {
      step: { stepRef: when.notAcknowledged },
    });
  }
  if (when.returnInterviewPending !== undefined && ep.returnInterviewPending !== when.returnInterviewPending) {
    return when.returnInterviewPending
      ? reason('the return interview was held, declined or explained.', 'timeline.unmet.interviewDone')
      : reason('the return interview is still pending.', 'timeline.unmet.interviewPending');
  }
  return null;
}
