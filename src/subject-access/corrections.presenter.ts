// The corrections made to a child's record, as the corrections page lists them: the field in words,
// the value before and after, who and when, and why. Words from the page's catalogue.
import type { Translator } from '../platform/i18n/catalogue';
import { formatDateTime } from '../platform/views/format';
import type { Correction } from './corrections.repository';

const fieldKeys: Record<string, string> = {
  firstNames: 'record.firstNames',
  lastName: 'record.lastName',
  dateOfBirth: 'child.row.dateOfBirth',
  dobEstimated: 'record.corrections.field.dobEstimated',
  nationality: 'child.row.nationality',
  firstLanguage: 'child.row.firstLanguage',
  traffickingStatus: 'record.traffickingStatus',
};

export function presentCorrections(corrections: Correction[], tz: string, { t, lang }: Translator) {
  const shown = (v: unknown) =>
    v === null || v === undefined || v === ''
      ? t('record.corrections.blank')
      : v === true
        ? t('common.yes')
        : v === false
          ? t('common.no')
          : String(v);
  return corrections.map((c) => {
    const key = fieldKeys[c.field];
    const field = key ? t(key) : c.field.replace(/([A-Z])/g, ' $1').toLowerCase();
    return {
      title: `${field}: ${formatDateTime(c.correctedAt, tz, lang)}`,
      rows: [
        { key: { text: t('record.corrections.was') }, value: { text: shown(c.oldValue) } },
        { key: { text: t('record.corrections.now') }, value: { text: shown(c.newValue) } },
        { key: { text: t('record.corrections.by') }, value: { text: c.correctedBy } },
        { key: { text: t('record.corrections.why') }, value: { text: c.reason } },
      ],
    };
  });
}
