// The shipped catalogues, for presenters called where no request is at hand (jobs, other presenters
// not yet given the page's translator): English words still come from the catalogue, not from code.
import { existsSync } from 'node:fs';
import path from 'node:path';

import { Catalogues, type Translator } from './catalogue';

let shipped: Catalogues | null = null;

/** templates/locales from src/platform/i18n or dist/src/platform/i18n. */
export function localesDir(): string {
  const candidates = [3, 4].map((up) => path.resolve(__dirname, ...Array(up).fill('..'), 'templates', 'locales'));
  return candidates.find((c) => existsSync(path.join(c, 'en.json'))) ?? candidates[0];
}

export function englishTranslator(): Translator {
  shipped ??= new Catalogues(localesDir());
  return shipped.translator('en');
}
