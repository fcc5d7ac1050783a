// A timeline line or a step's reason as a page shows it: from its timeline.* key in the page's language
// when it has one; otherwise (lines written before lines had keys) the English stored, which a Welsh page
// marks lang="en". `english` tells the template which.
import type { EscalationRun } from '../escalation/escalation-run.entity';
import { withStepNames } from '../escalation/step-names';
import type { Translator } from '../platform/i18n/catalogue';
import { renderTimeline, type TimelineText } from './timeline-text';

type Keyed = { summary: string | null; summaryKey: string | null; summaryParams: TimelineText['params'] | null };

export function timelineText(line: Keyed, tr: Translator): { summary: string; english: boolean } {
  if (line.summaryKey)
    return { summary: renderTimeline({ key: line.summaryKey, params: line.summaryParams ?? {} }, tr), english: false };
  return { summary: withStepNames(line.summary ?? ''), english: true };
}

/** A run's reason (for a step that reached nobody, its whole line): from its keyed line, or the English kept. */
export function stepReason(run: EscalationRun, tr: Translator): { reason: string; english: boolean } {
  if (run.outcome === 'unreached') {
    const { summary, english } = timelineText(run, tr);
    return { reason: summary, english };
  }
  const keyed = run.summaryParams?.reason;
  if (run.summaryKey && keyed && typeof keyed === 'object' && 'key' in keyed)
    return { reason: renderTimeline(keyed, tr), english: false };
  return { reason: withStepNames(run.reason), english: true };
}

const STILL_MISSING = 'Closed while the child is still missing: ';

/** An episode's close reason (kept in English, see closeReason in timeline-lines.ts) in the page's language. */
export function closeReasonText(reason: string | null, tr: Translator): string | null {
  if (!reason?.startsWith(STILL_MISSING)) return reason;
  return tr.t('timeline.closed.stillMissing', { reason: reason.slice(STILL_MISSING.length) });
}
