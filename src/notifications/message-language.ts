// Which language(s) a message is written in for one recipient (Welsh Language Standards): their own
// recorded choice, or where unknown the authority's setting: English only, or both languages with the
// authority's first language first.
import type { AuthorityLanguage, Language } from '../platform/i18n/language';

/** One language, or both in order ("cy+en": Welsh first). */
export const RENDERINGS = ['en', 'cy', 'en+cy', 'cy+en'] as const;
export type Rendering = (typeof RENDERINGS)[number];

export function renderingFor(person: Language | null | undefined, authority: AuthorityLanguage | null): Rendering {
  if (person) return person;
  if (authority === 'welsh_first') return 'cy+en';
  return authority === 'english_first' ? 'en+cy' : 'en';
}

export const languagesOf = (rendering: Rendering): Language[] => rendering.split('+') as Language[];
