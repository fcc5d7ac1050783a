// Every string a page shows about today's bed checks: one row per check, with a coloured tag (done,
// missed, waiting, due), for the child's record, the dashboard and the carer's page.
import type { Translator } from '../platform/i18n/catalogue';
import { englishTranslator } from '../platform/i18n/shipped';
import { formatDateTime } from '../platform/views/format';
import type { CheckState, TodaysCheck } from './todays-checks';

const tagClasses: Record<CheckState, string> = {
  home: 'govuk-tag--green',
  not_home: 'govuk-tag--red',
  missed: 'govuk-tag--red',
  waiting: 'govuk-tag--yellow',
  due: 'govuk-tag--blue',
  not_sent: 'govuk-tag--orange',
};

function detail(c: TodaysCheck, tz: string, { t, lang }: Translator): string {
  const at = formatDateTime(c.answeredAt, tz, lang);
  if (c.state === 'missed') return t(c.escalated ? 'bedChecks.detail.missedEscalated' : 'bedChecks.detail.missed');
  return t(`bedChecks.detail.${c.state}`, { at });
}

export interface CheckRowView {
  at: string;
  tag: { text: string; classes: string };
  detail: string;
  episodeHref: string | null;
}

export function presentTodaysChecks(
  checks: TodaysCheck[],
  tz: string,
  tr: Translator = englishTranslator(),
): CheckRowView[] {
  return checks.map((c) => ({
    at: formatDateTime(c.dueAt, tz, tr.lang),
    tag: { text: tr.t(`bedChecks.tag.${c.state}`), classes: tagClasses[c.state] },
    detail: detail(c, tz, tr),
    episodeHref: c.episodeId ? `/episodes/${c.episodeId}` : null,
  }));
}
