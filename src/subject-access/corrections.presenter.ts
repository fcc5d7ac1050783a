// The corrections made to a child's record, as the corrections page lists them: the field in words,
// the value before and after, who and when, and why.
import { formatDateTime } from '../platform/views/format';
import type { Correction } from './corrections.repository';

const fieldNames: Record<string, string> = {
  firstNames: 'First names',
  lastName: 'Last name',
  dateOfBirth: 'Date of birth',
  dobEstimated: 'Date of birth estimated',
  nationality: 'Nationality',
  firstLanguage: 'First language',
  traffickingStatus: 'Trafficking status',
};
const shown = (v: unknown) =>
  v === null || v === undefined || v === '' ? 'blank' : v === true ? 'yes' : v === false ? 'no' : String(v);

export function presentCorrections(corrections: Correction[], tz: string) {
  return corrections.map((c) => ({
    title: `${fieldNames[c.field] ?? c.field.replace(/([A-Z])/g, ' $1').toLowerCase()}: ${formatDateTime(c.correctedAt, tz)}`,
    rows: [
      { key: { text: 'Was' }, value: { text: shown(c.oldValue) } },
      { key: { text: 'Now' }, value: { text: shown(c.newValue) } },
      { key: { text: 'Corrected by' }, value: { text: c.correctedBy } },
      { key: { text: 'Why' }, value: { text: c.reason } },
    ],
  }));
}
