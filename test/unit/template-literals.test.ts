// Every string a page shows comes from the catalogue (issue 29): a page template may hold markup,
// data and t("key") calls, but no words of its own. This reads each template under templates/pages and
// fails on words between tags, in a user-facing attribute (aria-label, title, alt, placeholder), or in a
// string a GOV.UK macro shows (text:, html:, titleText: ...). Templates not yet converted are listed below;
// take a template off the list when it is converted (the test fails on a listed template that is clean).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const pages = path.resolve(__dirname, '..', '..', 'templates', 'pages');

const notYetConverted = new Set<string>([]);

// Keys of GOV.UK macro options whose string is shown to the reader.
const shownOptions =
  /\b(text|html|titleText|descriptionText|summaryText|caption|legend|heading|label)\s*:\s*(["'])((?:(?!\2).)*)\2/g;
// Attributes a reader (or a screen reader) is given.
const shownAttributes = /\s(aria-label|title|alt|placeholder)\s*=\s*"([^"{]*)"/g;
// Words: two or more letters in a row. A page may still show punctuation and symbols of its own.
const words = /\p{L}{2,}/u;

/** What a template shows of its own, one entry per place. */
export function ownWords(source: string): string[] {
  const found: string[] = [];
  const withoutComments = source.replace(/\{#[\s\S]*?#\}/g, '');
  for (const tag of withoutComments.matchAll(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g))
    for (const m of tag[0].matchAll(shownOptions))
      if (words.test(m[1] === 'html' ? visibleText(m[3].replace(/^[^<]*>|<[^>]*$/g, '')) : m[3]))
        found.push(`${m[1]}: ${m[3]}`);
  const markup = withoutComments.replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g, ' ');
  for (const m of markup.matchAll(shownAttributes)) if (words.test(m[2])) found.push(`${m[1]}="${m[2]}"`);
  for (const line of visibleText(markup).split('\n')) if (words.test(line)) found.push(line.trim());
  return found;
}

/** The text of some markup, one line per run of text; a language's own name marked with its lang is not counted. */
function visibleText(markup: string): string {
  return markup
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<span lang="[a-z]{2}">[^<]*<\/span>/g, ' ')
    .replace(/<[^>]*>/g, '\n')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
}

const templates = readdirSync(pages).filter((f) => f.endsWith('.njk'));

describe('the check itself', () => {
  it('finds words between tags, in shown attributes and in macro options, and nothing in t() calls', () => {
    expect(ownWords('<h1>Users</h1>')).toEqual(['Users']);
    expect(ownWords('<a aria-label="Close" href="/x">{{ t("a.b") }}</a>')).toEqual(['aria-label="Close"']);
    expect(ownWords('{{ govukButton({ text: "Save", classes: "govuk-button--secondary" }) }}')).toEqual(['text: Save']);
    expect(ownWords('<h1>{{ t("users.heading") }}</h1>{{ govukButton({ text: t("save") }) }}')).toEqual([]);
    expect(ownWords('{# a comment #}<p>{{ child.name }}: {{ count }}</p>')).toEqual([]);
    expect(ownWords(`{{ x({ html: '<a class="govuk-link" href="' + url + '">' + t("a.b") + '</a>' }) }}`)).toEqual([]);
    expect(ownWords('{{ x({ html: "Child reference<br>" }) }}<a><span lang="cy">Cymraeg</span></a>')).toEqual([
      'html: Child reference<br>',
    ]);
  });
});

describe.each(templates)('%s', (file) => {
  const found = ownWords(readFileSync(path.join(pages, file), 'utf8'));
  if (notYetConverted.has(file))
    it('is still to be converted (take it off the list once it is clean)', () => expect(found).not.toEqual([]));
  else it('shows no words of its own', () => expect(found).toEqual([]));
});
