// The arrival's task list: each section's status and where to go next, in the order a duty social
// worker meets them at the port.
import type { Translator } from '../platform/i18n/catalogue';
import type { DraftSections } from './arrival-drafts.repository';
import { sectionOrder, type TaskKey } from './arrival-sections';

const done = (sections: DraftSections, hasPhoto: boolean, k: TaskKey) => (k === 'photo' ? hasPhoto : !!sections[k]);

/** The next section after `current` not yet done; the task list when every section is done. */
export function nextTaskPath(sections: DraftSections, hasPhoto: boolean, current: TaskKey): string {
  const after = sectionOrder.slice(sectionOrder.indexOf(current) + 1);
  const next = after.find((k) => !done(sections, hasPhoto, k));
  return next ? `/arrivals/new/${next}` : '/arrivals/new';
}

/** The GOV.UK task list's rows: a link per section and its status. */
export function taskListItems(sections: DraftSections, hasPhoto: boolean, { t }: Translator) {
  return sectionOrder.map((k) => ({
    title: { text: t(`arrival.section.${k}`) },
    href: `/arrivals/new/${k}`,
    status: done(sections, hasPhoto, k)
      ? { text: t('arrival.tasks.completed') }
      : k === 'photo'
        ? { text: t('arrival.tasks.optional') }
        : { tag: { text: t('arrival.tasks.incomplete'), classes: 'govuk-tag--blue' } },
  }));
}
