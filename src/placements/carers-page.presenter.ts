// What the carers page shows: each carer of the current placement as a summary list row with Change and
// Remove (Remove is not offered for the only carer: a current placement keeps one to text MISSING).
import type { Translator } from '../platform/i18n/catalogue';
import type { Placement } from './placement.entity';

export function presentCarersPage(childId: string, placement: Placement | null, maxCarers: number, tr: Translator) {
  const carers = placement?.carers ?? [];
  return {
    placement: placement && { provider: placement.provider },
    rows: carers.map((c) => ({
      key: { text: c.name },
      value: { text: [c.mobile, c.email].filter(Boolean).join(', ') },
      actions: {
        items: [
          { href: `/carers/${c.id}/change`, text: tr.t('carers.change'), visuallyHiddenText: c.name },
          ...(carers.length > 1
            ? [{ href: `/carers/${c.id}/remove`, text: tr.t('carers.remove'), visuallyHiddenText: c.name }]
            : []),
        ],
      },
    })),
    addHref: placement && carers.length < maxCarers ? `/children/${childId}/carers/new` : null,
    full: carers.length >= maxCarers,
  };
}
