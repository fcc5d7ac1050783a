// A reference read out on a call, character by character in the phonetic alphabet police control
// rooms use, so "E-H7KQ" is heard as "Echo, Hotel, Seven, Kilo, Quebec" and written down right.
// In Welsh the letters keep their NATO words (Welsh control rooms write references down with them too;
// the call's TwiML has them said with English sounds) and the digits are Welsh: "Echo, Hotel, saith".
import type { Language } from '../../platform/i18n/language';

const letters: Record<string, string> = {
  A: 'Alpha',
  B: 'Bravo',
  C: 'Charlie',
  D: 'Delta',
  E: 'Echo',
  F: 'Foxtrot',
  G: 'Golf',
  H: 'Hotel',
  I: 'India',
  J: 'Juliett',
  K: 'Kilo',
  L: 'Lima',
  M: 'Mike',
  N: 'November',
  O: 'Oscar',
  P: 'Papa',
  Q: 'Quebec',
  R: 'Romeo',
  S: 'Sierra',
  T: 'Tango',
  U: 'Uniform',
  V: 'Victor',
  W: 'Whiskey',
  X: 'X-ray',
  Y: 'Yankee',
  Z: 'Zulu',
};
const digits: Record<Language, string[]> = {
  en: ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine'],
  cy: ['dim', 'un', 'dau', 'tri', 'pedwar', 'pump', 'chwech', 'saith', 'wyth', 'naw'],
};

/** The phonetic alphabet's words, to find in a Welsh call's words and have them said with English sounds. */
export const PHONETIC_WORDS = new RegExp(`\\b(${Object.values(letters).join('|')})\\b`, 'g');

/** Letters and digits only (a dash or space is not read), each as its word, separated by commas. */
export function spellOut(reference: unknown, language: Language = 'en'): string {
  return [...String(reference).toUpperCase()]
    .map((c) => letters[c] ?? (c >= '0' && c <= '9' ? digits[language][Number(c)] : null))
    .filter(Boolean)
    .join(', ');
}
