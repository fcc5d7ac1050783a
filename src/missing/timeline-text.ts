// A timeline line as a message key and its parameters (issue 29), kept beside the English summary it was
// written with, so that a page shows the line in its reader's language. Parameters are data (names,
// references, people's own words), nested messages, lists, step keys and instants; all words are in the
// catalogue's timeline.* keys, whose English renders exactly the summary stored beside them.
import { stepName } from '../escalation/step-names';
import type { Translator } from '../platform/i18n/catalogue';
import { formatDateTime } from '../platform/views/format';

export type TimelineParam =
  | string
  | number
  | TimelineText
  /** Items joined by a separator (", ", "; "), or by the catalogue's "or" when sep is "or". */
  | { list: TimelineText[]; sep: string }
  /** A step key: as written in the stored English ("Step plus_24h fired."), by its quoted name on a page. */
  | { step: string }
  /** A step named in every rendering ("the alert “Police told”"). */
  | { stepName: string }
  /** A step key kept as written in English, named in other languages. */
  | { stepRef: string }
  /** An instant, shown as a date and time in the given time zone. */
  | { at: string; tz: string };

export interface TimelineText {
  key: string;
  params?: Record<string, TimelineParam>;
}

/** A line's English, as stored, and its key: what addToTimeline and the runs keep. */
export interface TimelineLineText {
  summary: string;
  text: TimelineText;
}

/** Shorthand for a message: msg('timeline.kind.M'), msg('timeline.sighting', { where }). */
export const msg = (key: string, params?: Record<string, TimelineParam>): TimelineText =>
  params ? { key, params } : { key };

/** A message only when there is something to say, else the empty string (an optional clause). */
export const optional = (when: unknown, key: string, params?: Record<string, TimelineParam>): TimelineParam =>
  when ? msg(key, params) : '';

/**
 * The line in the translator's language. `page`: as a page shows it (a step by its quoted name);
 * otherwise exactly as the English summary was stored (the step by its key).
 */
export function renderTimeline(text: TimelineText, tr: Translator, page = true): string {
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.params ?? {})) vars[name] = renderParam(value, tr, page);
  return tr.t(text.key, vars);
}

function renderParam(value: TimelineParam, tr: Translator, page: boolean): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if ('key' in value) return renderTimeline(value, tr, page);
  if ('list' in value) {
    const items = value.list.map((item) => renderTimeline(item, tr, page));
    return items.join(value.sep === 'or' ? tr.t('timeline.or') : value.sep);
  }
  if ('step' in value) return page ? `“${stepName(value.step, undefined, tr)}”` : value.step;
  if ('stepName' in value) return stepName(value.stepName, undefined, tr);
  if ('stepRef' in value) return tr.lang === 'en' ? value.stepRef : `“${stepName(value.stepRef, undefined, tr)}”`;
  return formatDateTime(value.at, value.tz, tr.lang);
}
