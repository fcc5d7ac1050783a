// Every string a page shows about today's bed checks: one row per check, with a coloured tag (done,
// missed, waiting, due), for the child's record, the dashboard and the carer's page.
import { formatDateTime } from '../platform/views/format';
import type { CheckState, TodaysCheck } from './todays-checks';

const tags: Record<CheckState, { text: string; classes: string }> = {
  home: { text: 'Done: home', classes: 'govuk-tag--green' },
  not_home: { text: 'Not home', classes: 'govuk-tag--red' },
  missed: { text: 'Missed', classes: 'govuk-tag--red' },
  waiting: { text: 'Waiting for answer', classes: 'govuk-tag--yellow' },
  due: { text: 'Due', classes: 'govuk-tag--blue' },
  not_sent: { text: 'Not sent', classes: 'govuk-tag--orange' },
};

function detail(c: TodaysCheck, tz: string): string {
  switch (c.state) {
    case 'home':
      return `The carer answered YES at ${formatDateTime(c.answeredAt, tz)}.`;
    case 'not_home':
      return `The carer answered NO at ${formatDateTime(c.answeredAt, tz)}: a missing episode was opened.`;
    case 'missed':
      return c.escalated
        ? 'No answer in 30 minutes: the duty manager was asked to phone the carer.'
        : 'No answer before the next check.';
    case 'waiting':
      return 'Texted to the carer; a second text goes at 15 minutes and the duty manager is told at 30.';
    case 'due':
      return 'The carer will be texted at this time.';
    default:
      return 'Not texted: the child was reported missing, the placement has no carer mobile, or the service was down.';
  }
}

export interface CheckRowView {
  at: string;
  tag: { text: string; classes: string };
  detail: string;
  episodeHref: string | null;
}

export function presentTodaysChecks(checks: TodaysCheck[], tz: string): CheckRowView[] {
  return checks.map((c) => ({
    at: formatDateTime(c.dueAt, tz),
    tag: tags[c.state],
    detail: detail(c, tz),
    episodeHref: c.episodeId ? `/episodes/${c.episodeId}` : null,
  }));
}
