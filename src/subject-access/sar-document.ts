// The subject access document: sections of items, each item its fields. Built from rows, scrubbed of
// every other child, flagged where police information is, then the officer's redactions applied.
// Pure functions: the JSON export is this document and the PDF is drawn from it.
import type { Redaction } from './subject-access.repository';

export interface SarItem {
  id: string;
  flags: string[];
  fields: Record<string, unknown>;
  redacted?: string;
}
export interface SarSection {
  key: string;
  items: SarItem[];
}

/** Internal columns that say nothing about the person. */
const internal = new Set(['authority_id', 'policy_snapshot', 'visible_to_roles', 'next_escalation_at', 'policy_id']);
export const OTHER_CHILD = '[another child]';

export function itemsOf(rows: Record<string, unknown>[]): SarItem[] {
  return rows.map((row) => {
    const fields = Object.fromEntries(Object.entries(row).filter(([k]) => !internal.has(k)));
    const policeFlag = Object.entries(fields).some(
      ([k, v]) => (k.includes('police') && v !== null && v !== false) || (k === 'type' && String(v).includes('police')),
    );
    return { id: String(row.id), flags: policeFlag ? ['police_information'] : [], fields };
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Identity {
  id: string;
  reference: string;
  localId: string;
  firstNames: string;
  lastName: string;
  aliases: string[];
}
const tokensOf = (c: Identity) =>
  [c.id, c.reference, c.localId, ...c.firstNames.split(/\s+/), c.lastName, ...c.aliases]
    .map((t) => t.trim())
    .filter((t) => t.length >= 3);

/**
 * A function that replaces every name, alias, reference, local id and record id of the other children
 * with "[another child]"; the subject's own words (a shared surname) are left alone.
 */
export function otherChildScrubber(children: Identity[], subjectId: string | null): (s: string) => string {
  const subject = children.find((c) => c.id === subjectId);
  const own = new Set((subject ? tokensOf(subject) : []).map((t) => t.toLowerCase()));
  const tokens = [
    ...new Set(
      children
        .filter((c) => c.id !== subjectId)
        .flatMap(tokensOf)
        .filter((t) => !own.has(t.toLowerCase())),
    ),
  ].sort((a, b) => b.length - a.length);
  if (!tokens.length) return (s) => s;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${tokens.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (s) => s.replace(pattern, OTHER_CHILD);
}

/** Every string inside a value, scrubbed (dates become ISO strings on the way). */
export function scrubValue(value: unknown, scrub: (s: string) => string): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, scrub));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'image_base64' ? v : scrubValue(v, scrub)]),
    );
  return value;
}

/** Carers' contact details, wherever they appear, for a request-wide "carer_contact" mark. */
const carerContactFields: Record<string, string[]> = {
  placements: ['carers'],
  episodes: ['reported_by_mobile'],
  inbound_texts: ['from_number'],
  bed_checks: ['carer_numbers'],
};

export const redactedText = (reason: string) => `[redacted: ${reason.replace(/_/g, ' ')}]`;

/** Applies the officer's marks: a whole item, one field of an item, or carers' contact details throughout. */
export function applyRedactions(sections: SarSection[], marks: Redaction[]): SarSection[] {
  return sections.map((section) => ({
    key: section.key,
    items: section.items.map((item) => {
      const mine = marks.filter(
        (m) => (m.section === section.key || m.section === '*') && (m.itemId === item.id || m.itemId === '*'),
      );
      const whole = mine.find((m) => !m.field && m.itemId !== '*');
      if (whole) return { id: item.id, flags: item.flags, fields: {}, redacted: redactedText(whole.reason) };
      const fields = { ...item.fields };
      for (const m of mine) {
        const names = m.field ? [m.field] : m.reason === 'carer_contact' ? (carerContactFields[section.key] ?? []) : [];
        if (section.key === 'messages' && m.reason === 'carer_contact' && fields.recipient_type === 'carer')
          names.push('address', 'recipient_name');
        for (const name of names) if (name in fields) fields[name] = redactedText(m.reason);
      }
      return { ...item, fields };
    }),
  }));
}
