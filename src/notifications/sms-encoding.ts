// The SMS alphabet: a text every character of which is in GSM-7 (basic set, or the extension table at
// two septets each) goes as GSM-7, 160 septets in one segment or 153 a part; anything else (Welsh ŵ,
// ŷ, â, ô, a curly apostrophe) makes the whole text UCS-2: 70 characters in one, 67 a part. Small
// enough to keep here; a library (sms-segments-calculator) would add only edge cases we do not send.

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENDED = '^{}\\[~]|€';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

/** Length in GSM-7 septets, or null if the text needs UCS-2. */
export function gsm7Length(text: string): number | null {
  let n = 0;
  for (const ch of text) {
    if (GSM7_BASIC.includes(ch)) n += 1;
    else if (GSM7_EXTENDED.includes(ch)) n += 2;
    else return null;
  }
  return n;
}

const LIMITS = { 'GSM-7': { single: 160, part: 153 }, 'UCS-2': { single: 70, part: 67 } } as const;

/** The encoding a text needs, its length in that encoding's units, how many segments it takes, and a part's size. */
export function smsSize(text: string): { encoding: SmsEncoding; units: number; segments: number; part: number } {
  const septets = gsm7Length(text);
  const encoding: SmsEncoding = septets === null ? 'UCS-2' : 'GSM-7';
  // UCS-2 counts UTF-16 code units (what JavaScript's length counts): an emoji takes two.
  const units = septets ?? text.length;
  const { single, part } = LIMITS[encoding];
  return { encoding, units, segments: units <= single ? 1 : Math.ceil(units / part), part };
}

export const fitsOneSegment = (text: string): boolean => smsSize(text).segments === 1;

/** The text of the first segment: what a phone shows first and what must carry an alert's essentials. */
export function firstSegment(text: string): string {
  const size = smsSize(text);
  if (size.segments === 1) return text;
  if (size.encoding === 'UCS-2') return text.slice(0, size.part);
  let septets = 0;
  let end = 0;
  for (const ch of text) {
    septets += GSM7_EXTENDED.includes(ch) ? 2 : 1;
    if (septets > size.part) break;
    end += ch.length;
  }
  return text.slice(0, end);
}

/**
 * Most segments a template may take with its longest data: English one GSM-7 segment (the house rule);
 * Welsh two (it runs longer, and a Welsh letter makes it UCS-2); both languages in one text five.
 */
export const SMS_SEGMENT_LIMITS = { en: 1, cy: 2, 'en+cy': 5, 'cy+en': 5 } as const;
