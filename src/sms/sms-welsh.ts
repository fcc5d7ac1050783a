// Carers' Welsh: the parser reads a Welsh text by rewriting its keywords into the English words the
// rules already know ("AR GOLL" is MISSING, "WEDI DOD YN ÔL" and "ADREF" are a return, "IE" is YES),
// so every safeguard (a question or a negation never records a return) holds in both languages.
// Accents are gone before this runs (ÔL is OL), as people type them or not.
import type { Language } from '../platform/i18n/language';

// Longest phrases first: "WEDI DOD YN OL" before "YN OL".
const PHRASES: [string[], string][] = [
  [['WEDI', 'DOD', 'YN', 'OL'], 'BACK'],
  [['WEDI', 'DOD', 'ADREF'], 'BACK'],
  [['WEDI', 'DOD', 'GARTREF'], 'BACK'],
  [['WEDI', 'DOD', 'O', 'HYD', 'IDDI'], 'FOUND'],
  [['WEDI', 'DOD', 'O', 'HYD', 'IDDO'], 'FOUND'],
  [['WEDI', 'CYRRAEDD'], 'ARRIVED'],
  [['WEDI', 'DIANC'], 'RUNAWAY'],
  [['WEDI', 'DIFLANNU'], 'DISAPPEARED'],
  [['WEDI', 'RHEDEG'], 'RUNAWAY'],
  [['RHEDEG', 'I', 'FFWRDD'], 'RUNAWAY'],
  [['AR', 'GOLL'], 'MISSING'],
  [['YN', 'OL'], 'BACK'],
  [['YN', 'DDIOGEL'], 'SAFE'],
  [['NAC', 'YDY'], 'NO'],
  [['NAC', 'YDI'], 'NO'],
  [['NAC', 'OES'], 'NO'],
];

const WORDS: Record<string, string> = {
  ADREF: 'HOME',
  GARTREF: 'HOME',
  DARGANFOD: 'FOUND',
  DARGANFUWYD: 'FOUND',
  DIOGEL: 'SAFE',
  DIFLANNODD: 'DISAPPEARED',
  DIANCODD: 'RUNAWAY',
  CYMORTH: 'HELP',
  GWYBODAETH: 'INFO',
  IE: 'YES',
  CADARNHAU: 'CONFIRM',
  NA: 'NO',
  NAGE: 'NO',
  NADDO: 'NO',
  NACYDY: 'NO',
  // Negations: "ddim wedi dod adref" (has not come home) is a child still away, as "not back" is.
  DDIM: 'NOT',
  DIM: 'NOT',
  NID: 'NOT',
  NAD: 'NOT',
  HEB: 'NOT',
  ERIOED: 'NEVER',
  // Words that make an unrecognised text urgent for the duty manager.
  ARGYFWNG: 'EMERGENCY',
  BRYS: 'URGENT',
  HEDDLU: 'POLICE',
  PERYGL: 'DANGER',
  BRIFO: 'HURT',
  ANAF: 'HURT',
  OFN: 'SCARED',
  HERWGIPIO: 'KIDNAPPED',
  MASNACHU: 'TRAFFICKED',
  GORFODI: 'FORCED',
};

// "Ydy" is both "is she?" and "yes (she is)": only a bare YDY answers, so "ydy hi adref" (is she home,
// without its question mark) is never a YES that confirms a return.
const BARE_YES = new Set(['YDY', 'YDI', 'OES']);

// Words only Welsh uses (most keywords above, and everyday words a carer's text carries), and words
// only English does, to tell which language a text is in.
const WELSH = new Set([
  ...PHRASES.flatMap(([p]) => p).filter((w) => !['O', 'I', 'YN'].includes(w)),
  ...Object.keys(WORDS),
  ...BARE_YES,
  ...[
    'MAE',
    'MAEN',
    'DYDI',
    'FO',
    'FE',
    'DYDY',
    'DYW',
    'OEDD',
    'DIOLCH',
    'GYDA',
    'PLIS',
    'NAWR',
    'RWAN',
    'HENO',
    'HEDDIW',
  ],
  ...['BLE', 'PRYD', 'DWI', 'RYDW', 'YMA', 'EFO', 'YR', 'OND', 'PLENTYN', 'BACHGEN', 'MERCH', 'ETO'],
]);
const ENGLISH = new Set(
  [
    ...['MISSING', 'FOUND', 'BACK', 'HOME', 'YES', 'NO', 'NOT', 'HELP', 'THE', 'IS', 'SHE', 'HE', 'HAS', 'HAVE'],
    ...['SHES', 'HES', 'ITS', 'IM', 'HASNT', 'ISNT', 'WITH', 'AT', 'WHERE', 'WHEN', 'PLEASE', 'HER', 'HIM'],
    ...['THANKS', 'THANK', 'YOU', 'AND', 'BUT', 'RAN', 'RUN', 'AWAY', 'GONE', 'JUST', 'NOW', 'SAFE', 'STILL'],
  ].filter((w) => !WELSH.has(w)),
);

/** The English keywords a Welsh text says, other words kept as they are. */
export function fromWelsh(words: string[]): string[] {
  const plain = words.filter((w) => !/\d/.test(w));
  if (plain.length === 1 && BARE_YES.has(plain[0])) return words.map((w) => (w === plain[0] ? 'YES' : w));
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    const phrase = PHRASES.find(([p]) => p.every((w, k) => words[i + k] === w));
    if (phrase) {
      out.push(phrase[1]);
      i += phrase[0].length;
    } else {
      out.push(WORDS[words[i]] ?? words[i]);
      i += 1;
    }
  }
  return out;
}

/** Welsh or English when the words say which (more of one's words than the other's), otherwise null. */
export function languageOfWords(words: string[]): Language | null {
  const welsh = words.filter((w) => WELSH.has(w)).length;
  const english = words.filter((w) => ENGLISH.has(w)).length;
  if (welsh > english) return 'cy';
  return english > welsh ? 'en' : null;
}
