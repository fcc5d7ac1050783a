// Message copy lives in templates/, never in code. SMS templates must fit one GSM-7 segment and
// carry no name, address or photo; emails have an HTML and a plain-text part; a call's words
// (templates/voice) carry a reference, spelled out, and the risk, never a name.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

import nunjucks from 'nunjucks';

import { cleanBlock, cleanLine } from '../platform/text/clean-text';
import type { Channel } from './notification.entity';
import { spellOut } from './voice/spell-out';

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

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENDED = '^{}\\[~]|€';

/** Length in GSM-7 septets, or null if the text needs UCS-2 (then one segment is only 70 characters). */
export function gsm7Length(text: string): number | null {
  let n = 0;
  for (const ch of text) {
    if (GSM7_BASIC.includes(ch)) n += 1;
    else if (GSM7_EXTENDED.includes(ch)) n += 2;
    else return null;
  }
  return n;
}

export function fitsOneSegment(text: string): boolean {
  const n = gsm7Length(text);
  return n === null ? text.length <= 70 : n <= 160;
}

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

// Every rendered part is cleaned here, the one place messages are written: whatever free text the
// data carries, no control character reaches a text, and no raw line break a subject (a header).
export function renderSms(template: string, data: object): string {
  return cleanLine(
    render(textEnv, `sms/${template}.njk`, data)
      .trim()
      .replace(/\s*\n\s*/g, ' '),
  );
}

/** What a call says (one paragraph of plain words; the TwiML around it is built by the voice module). */
export function renderVoice(template: string, data: object): string {
  return cleanLine(
    render(textEnv, `voice/${template}.njk`, data)
      .trim()
      .replace(/\s*\n\s*/g, ' '),
  );
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export function renderEmail(template: string, data: object): RenderedEmail {
  return { ...renderEmailText(template, data), html: renderEmailHtml(template, data) };
}

/** Subject and plain text. */
export function renderEmailText(template: string, data: object): Omit<RenderedEmail, 'html'> {
  return {
    subject: cleanLine(render(textEnv, `email/${template}.subject.njk`, data).trim()),
    text: cleanBlock(render(textEnv, `email/${template}.text.njk`, data).trim()) + '\n',
  };
}

/** The HTML part, rendered from the same data when the message is sent. */
export function renderEmailHtml(template: string, data: object): string {
  return cleanBlock(render(env, `email/${template}.html.njk`, data));
}

/** What a message says, rendered from its template and data when it is sent (an SMS has no subject). */
export interface MessageContent {
  subject: string | null;
  text: string;
}

export function renderMessage(channel: Channel, template: string, data: object): MessageContent {
  if (channel === 'voice') return { subject: null, text: renderVoice(template, data) };
  return channel === 'sms' ? { subject: null, text: renderSms(template, data) } : renderEmailText(template, data);
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
  const files = ['sms', 'email', 'voice'].flatMap((dir) =>
    readdirSync(path.join(TEMPLATES_DIR, dir))
      .filter((f) => f.endsWith('.njk'))
      .map((f) => `${dir}/${f}`),
  );
  for (const file of files) compiledTemplate(file.endsWith('.html.njk') ? env : textEnv, file);
  return files.length;
}
