// Message copy lives in templates/, never in code. SMS templates carry no name, address or photo
// (and fit their segment limit: see sms-encoding.ts); Welsh versions sit in a cy/ folder beside each
// (docs/welsh-texts.md), and a message for both languages is both versions, the first language first.
// Emails have an HTML and a plain-text part; a call's words (templates/voice, Welsh in voice/cy) carry
// a reference, spelled out, and the risk, never a name.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

import nunjucks from 'nunjucks';

import type { Language } from '../platform/i18n/language';
import { cleanBlock, cleanLine } from '../platform/text/clean-text';
import { languagesOf, Rendering } from './message-language';
import type { Channel } from './notification.entity';
import type { Spoken } from './voice/call-twiml';
import { spellOut } from './voice/spell-out';
import { withWelshDates } from './welsh-dates';

// From dist/src/notifications or src/notifications, the project root is where templates/ is.
function templatesRoot(): string {
  const candidates = [
    path.resolve(__dirname, '..', '..', 'templates'),
    path.resolve(__dirname, '..', '..', '..', 'templates'),
  ];
  return candidates.find((c) => existsSync(path.join(c, 'sms'))) ?? candidates[0];
}

export const TEMPLATES_DIR = templatesRoot();
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(TEMPLATES_DIR, { noCache: false }), {
  autoescape: true,
  throwOnUndefined: true,
});
const textEnv = new nunjucks.Environment(new nunjucks.FileSystemLoader(TEMPLATES_DIR, { noCache: false }), {
  autoescape: false,
  throwOnUndefined: true,
});
textEnv.addFilter('spell', spellOut);

export { fitsOneSegment, gsm7Length } from './sms-encoding';

// Compiled templates by file, kept here: asking the environment for a template by name on every
// render went through its loaders each time, which a sweep rendering thousands of messages felt.
const compiled = new Map<string, nunjucks.Template>();

function compiledTemplate(environment: nunjucks.Environment, file: string): nunjucks.Template {
  const key = `${environment === env ? 'html' : 'text'}:${file}`;
  let template = compiled.get(key);
  if (!template) compiled.set(key, (template = environment.getTemplate(file, true)));
  return template;
}

function render(environment: nunjucks.Environment, file: string, data: object): string {
  return compiledTemplate(environment, file).render(data);
}

// Welsh templates found (or not) already: an email without a Welsh version yet is sent in English.
const welshFiles = new Map<string, boolean>();

/** The file of `file` (e.g. "sms/missing-alert.njk") in this language: templates/<dir>/cy/ for Welsh. */
function inLanguage(file: string, language: Language): string {
  if (language === 'en') return file;
  const welsh = file.replace(/^(\w+)\//, '$1/cy/');
  if (!welshFiles.has(welsh)) welshFiles.set(welsh, existsSync(path.join(TEMPLATES_DIR, welsh)));
  return welshFiles.get(welsh) ? welsh : file;
}

/** Each language's version, first language first. */
function inEach<T>(rendering: Rendering, part: (language: Language) => T): T[] {
  return languagesOf(rendering).map(part);
}

/** The data a language's version is rendered from: in Welsh, the months of its dates too. */
const dataIn = (language: Language, data: object): object => (language === 'cy' ? withWelshDates(data) : data);

// Every rendered part is cleaned here, the one place messages are written: whatever free text the
// data carries, no control character reaches a text, and no raw line break a subject (a header).
export function renderSms(template: string, data: object, rendering: Rendering = 'en'): string {
  return inEach(rendering, (language) =>
    cleanLine(
      render(textEnv, inLanguage(`sms/${template}.njk`, language), dataIn(language, data))
        .trim()
        .replace(/\s*\n\s*/g, ' '),
    ),
  ).join(' / ');
}

/** What a call says, in each language of the rendering, first language first (the TwiML is built from these). */
export function voiceParts(template: string, data: object, rendering: Rendering = 'en'): Spoken[] {
  return inEach(rendering, (language) => ({
    language,
    words: cleanLine(
      render(textEnv, inLanguage(`voice/${template}.njk`, language), dataIn(language, data))
        .trim()
        .replace(/\s*\n\s*/g, ' '),
    ),
  }));
}

/** What a call says, as kept on its row and shown on the episode page: both languages one after the other. */
export function renderVoice(template: string, data: object, rendering: Rendering = 'en'): string {
  return voiceParts(template, data, rendering)
    .map((p) => p.words)
    .join(' / ');
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export function renderEmail(template: string, data: object, rendering: Rendering = 'en'): RenderedEmail {
  return { ...renderEmailText(template, data, rendering), html: renderEmailHtml(template, data, rendering) };
}

/** Subject and plain text (both languages: both subjects, and the texts one after the other). */
export function renderEmailText(
  template: string,
  data: object,
  rendering: Rendering = 'en',
): Omit<RenderedEmail, 'html'> {
  const file = (part: string, language: Language) => inLanguage(`email/${template}.${part}.njk`, language);
  return {
    subject: inEach(rendering, (l) => cleanLine(render(textEnv, file('subject', l), dataIn(l, data)).trim())).join(
      ' / ',
    ),
    text:
      inEach(rendering, (l) => cleanBlock(render(textEnv, file('text', l), dataIn(l, data)).trim())).join(BETWEEN) +
      '\n',
  };
}
const BETWEEN = '\n\n--------------------\n\n';

/** The HTML part, rendered from the same data when the message is sent: both languages in one page. */
export function renderEmailHtml(template: string, data: object, rendering: Rendering = 'en'): string {
  // trimStart: a Welsh file's first line is its review mark (a comment), which leaves a line break.
  const pages = inEach(rendering, (l) =>
    cleanBlock(render(env, inLanguage(`email/${template}.html.njk`, l), dataIn(l, data))).trimStart(),
  );
  if (pages.length === 1) return pages[0];
  const bodies = pages.map((page, i) => {
    const inner = /<body[^>]*>([\s\S]*)<\/body>/.exec(page)?.[1] ?? page;
    return `<div lang="${languagesOf(rendering)[i]}">${inner}</div>`;
  });
  const open = /^[\s\S]*?<body[^>]*>/.exec(pages[0])?.[0] ?? '';
  return `${open}\n${bodies.join('\n<hr>\n')}\n</body></html>`;
}

/** What a message says, rendered from its template and data when it is sent (an SMS has no subject). */
export interface MessageContent {
  subject: string | null;
  text: string;
}

/** What a text, email or call says, in the language(s) of its rendering. */
export function renderMessage(
  channel: Channel,
  template: string,
  data: object,
  rendering: Rendering = 'en',
): MessageContent {
  if (channel === 'voice') return { subject: null, text: renderVoice(template, data, rendering) };
  return channel === 'sms'
    ? { subject: null, text: renderSms(template, data, rendering) }
    : renderEmailText(template, data, rendering);
}

// By channel, the templates found already: a sweep asks for every one of its thousands of messages.
const checked = { sms: new Set<string>(), email: new Set<string>(), voice: new Set<string>() };

/**
 * Throws, naming the file, unless every file a message on `channel` renders from `template` exists (looked for once).
 */
export function assertMessageTemplate(channel: Channel, template: string): void {
  if (checked[channel].has(template)) return;
  const files =
    channel === 'email'
      ? ['subject', 'text', 'html'].map((part) => `email/${template}.${part}.njk`)
      : [`${channel}/${template}.njk`];
  for (const file of files) compiledTemplate(file.endsWith('.html.njk') ? env : textEnv, file);
  checked[channel].add(template);
}

/** Compiles every message template now (at start), so the first alert after a restart does not wait for it. */
export function compileMessageTemplates(): number {
  const files = ['sms', 'email', 'voice', 'sms/cy', 'email/cy', 'voice/cy'].flatMap((dir) =>
    (existsSync(path.join(TEMPLATES_DIR, dir)) ? readdirSync(path.join(TEMPLATES_DIR, dir)) : [])
      .filter((f) => f.endsWith('.njk'))
      .map((f) => `${dir}/${f}`),
  );
  for (const file of files) compiledTemplate(file.endsWith('.html.njk') ? env : textEnv, file);
  return files.length;
}
