// Checks that a page rendered in Welsh shows none of the English catalogue's phrases (issue 29). Shared by
// the Welsh page tests, one file per area of the service.
// (Uses jest's expect, so the build of the service and benchmarks leaves it out: tsconfig.build.json.)
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { demoContacts, demoRoles } from '../../seeds/demo-data';
import type { Catalogue } from '../../src/platform/i18n/catalogue';

const locales = path.resolve(__dirname, '..', '..', 'templates', 'locales');
const en: Catalogue = JSON.parse(readFileSync(path.join(locales, 'en.json'), 'utf8'));

// English phrases a Welsh page must not show: each English message (or the fixed words between its
// placeholders) of a dozen characters or more. A Welsh message left in English is one of them.
const englishPhrases = Object.keys(en).flatMap((key) =>
  [en[key]]
    .flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)))
    .flatMap((v) => String(v).split(/\{\w+\}/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 12)
    .map((phrase) => ({ key, phrase })),
);

const unescape = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

// Names in the demo data stay as they are: each demo user's ("Ada Administrator" is a name, not the role
// "Administrator" left in English), each contact's (a contact named "Duty manager") and its organisation's
// ("Independent Child Trafficking Guardian service" holds a role's name).
const demoNames = [
  ...Object.values(demoContacts).flatMap((list) => list.flatMap((c) => [c.name, c.organisation])),
  ...demoRoles.map((r) => r.name),
].sort((a, b) => b.length - a.length);

// Attributes that hold codes, not words a reader is shown: a radio's value="inconclusive" or a field's
// id="ictgOrganisation" is no English left on the page (aria-label, title, alt and placeholder are still read).
const codeAttributes = /\s(?:id|for|name|value|href|class|aria-describedby|aria-controls|data-[a-z-]+)="[^"]*"/g;

/** The catalogue's English left on a page, leaving out text marked as English (records, the "English" link). */
export function englishLeft(payload: string): string[] {
  const text = demoNames.reduce(
    (left, name) => left.replaceAll(name, ''),
    unescape(payload.replace(/<span lang="en">[\s\S]*?<\/span>/g, '').replace(codeAttributes, '')),
  );
  return englishPhrases
    .filter(({ phrase }) => text.includes(phrase))
    .map(
      ({ key, phrase }) =>
        `${key}: ${phrase} in …${text.slice(Math.max(0, text.indexOf(phrase) - 80), text.indexOf(phrase) + 40)}`,
    );
}

export function expectWelsh(res: { statusCode: number; payload: string }, status = 200) {
  expect(res.statusCode).toBe(status);
  expect(res.payload).toMatch(/<html lang="cy"/);
  expect(englishLeft(res.payload)).toEqual([]);
}
