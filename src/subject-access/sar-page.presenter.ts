// The request page's view of the assembled record: each section with its title, each item's fields
// as shown after redaction, next to what the officer may mark.
import { redactionReasons, sectionTitles } from './sar.presenter';
import type { SarSection } from './sar-document';
import type { Redaction } from './subject-access.repository';

const shown = (v: unknown) =>
  v === null || v === undefined || v === '' ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

export function presentItems(unredacted: SarSection[], redacted: SarSection[]) {
  return unredacted.map((section, i) => ({
    key: section.key,
    title: sectionTitles[section.key] ?? section.key,
    items: section.items.map((item, j) => {
      const after = redacted[i].items[j];
      return {
        id: item.id,
        police: item.flags.includes('police_information'),
        redacted: after.redacted ?? null,
        fields: Object.keys(item.fields)
          .filter((k) => k !== 'image_base64' && k !== 'id')
          .map((k) => ({ key: k, label: k.replace(/_/g, ' '), value: shown(after.redacted ? '' : after.fields[k]) }))
          .filter((f) => f.value),
      };
    }),
  }));
}

export const presentMarks = (marks: Redaction[]) =>
  marks.map((m) => ({
    id: m.id,
    where: `${sectionTitles[m.section] ?? m.section}${m.itemId === '*' ? ' (throughout)' : ''}${m.field ? `: ${m.field}` : ''}`,
    reason: redactionReasons[m.reason],
  }));
