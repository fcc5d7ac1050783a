// The message catalogues pages read: one flat JSON file per language under templates/locales, keys
// like "episode.heading", values with {name} placeholders or, for counts, one text per plural form
// (Welsh has six: Intl.PluralRules('cy') picks). An authority's overriding file replaces single keys.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { type Language, LANGUAGES } from './language';

export type Message = string | Partial<Record<Intl.LDMLPluralRule, string>>;
export type Catalogue = Record<string, Message>;
export type Vars = Record<string, string | number | null | undefined>;

export interface Translator {
  lang: Language;
  /** The message for `key` with `{name}` filled from vars; `count` picks the plural form. */
  t(key: string, vars?: Vars): string;
  /** A sentence written in English elsewhere (a validation or domain error), in this language if catalogued. */
  sentence(english: string): string;
}

export function readCatalogue(file: string): Catalogue {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Catalogue) : {};
}

const fill = (text: string, vars: Vars) =>
  text.replace(/\{(\w+)\}/g, (all, name: string) => (vars[name] === undefined ? all : String(vars[name] ?? '')));

export class Catalogues {
  private readonly byLang: Record<Language, Catalogue>;
  private readonly plurals: Record<Language, Intl.PluralRules>;
  // English sentences (validation and domain errors are written in English) back to their keys, and
  // the validation.* messages with {placeholders} as patterns whose parts are translated in turn.
  private readonly keyOfEnglish = new Map<string, string>();
  private readonly patterns: { key: string; names: string[]; regex: RegExp; fixed: number }[] = [];

  /** `dir` holds en.json and cy.json; files of the same names in `overridesDir` win key by key. */
  constructor(dir: string, overridesDir?: string | null) {
    const load = (lang: Language) => ({
      ...readCatalogue(path.join(dir, `${lang}.json`)),
      ...(overridesDir ? readCatalogue(path.join(overridesDir, `${lang}.json`)) : {}),
    });
    this.byLang = { en: load('en'), cy: load('cy') };
    this.plurals = { en: new Intl.PluralRules('en'), cy: new Intl.PluralRules('cy') };
    for (const [key, value] of Object.entries(this.byLang.en)) {
      if (typeof value !== 'string') continue;
      if (!/\{\w+\}/.test(value)) this.keyOfEnglish.set(value, key);
      else if (key.startsWith('validation.')) this.patterns.push(patternOf(key, value));
    }
    // The pattern with the most fixed words first: "Enter the {part} {what}" before "Enter {what}".
    this.patterns.sort((a, b) => b.fixed - a.fixed);
  }

  catalogue(lang: Language): Catalogue {
    return this.byLang[lang];
  }

  translator(lang: Language): Translator {
    const t = (key: string, vars: Vars = {}) => this.message(lang, key, vars);
    // A sentence whose every part the catalogue knows: several patterns may match ("Enter the carer’s name" fits
    // "Enter the {part} {what}" as well as "Enter {what}"), and the one whose parts are all known is the right one.
    const known = (english: string): string | null => {
      const key = this.keyOfEnglish.get(english);
      if (key) return t(key);
      if (!/\p{L}/u.test(english)) return english;
      for (const p of this.patterns) {
        const m = p.regex.exec(english);
        const parts = m && p.names.map((_, i) => known(m[i + 1]));
        if (parts?.every((part) => part !== null))
          return t(p.key, Object.fromEntries(p.names.map((n, i) => [n, parts[i]])));
      }
      return null;
    };
    const sentence = (english: string): string => {
      const whole = known(english);
      if (whole !== null) return whole;
      for (const p of this.patterns) {
        const m = p.regex.exec(english);
        if (m) return t(p.key, Object.fromEntries(p.names.map((name, i) => [name, sentence(m[i + 1])])));
      }
      return english;
    };
    return { lang, t, sentence };
  }

  private message(lang: Language, key: string, vars: Vars): string {
    const found = this.byLang[lang][key] ?? this.byLang.en[key];
    if (found === undefined) return key;
    if (typeof found === 'string') return fill(found, vars);
    const count = Number(vars.count ?? 0);
    const text = found[this.plurals[lang].select(count)] ?? found.other ?? '';
    return fill(text, vars);
  }
}

function patternOf(key: string, english: string) {
  const names: string[] = [];
  const source = english
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '(.+?)';
    })
    .join('');
  return { key, names, regex: new RegExp(`^${source}$`), fixed: english.replace(/\{\w+\}/g, '').length };
}

export const isLanguage = (v: unknown): v is Language => LANGUAGES.includes(v as Language);
