// Which language a page is shown in: a choice made now (?lang=), else the one remembered in the
// browser, else the signed-in person's recorded choice, else their authority's setting.
import { isLanguage } from './catalogue';
import type { AuthorityLanguage, Language } from './language';

export interface LanguageSources {
  chosen?: Language | null;
  cookie?: unknown;
  user?: Language | null;
  authority?: AuthorityLanguage | null;
}

export function resolveLanguage(s: LanguageSources): Language {
  if (s.chosen) return s.chosen;
  if (isLanguage(s.cookie)) return s.cookie;
  if (s.user) return s.user;
  return s.authority === 'welsh_first' ? 'cy' : 'en';
}

/**
 * The switch in the header: offered where the authority is bilingual, on pages nobody is signed in to
 * (sign-in, errors), and whenever Welsh is showing, so nobody is left without a way back to English.
 */
export function offersSwitch(lang: Language, signedIn: boolean, authority?: AuthorityLanguage | null): boolean {
  return !signedIn || lang === 'cy' || (authority ?? 'english_only') !== 'english_only';
}
