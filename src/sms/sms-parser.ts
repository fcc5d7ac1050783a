// Turns a carer's or professional's text into a command. Pure and forgiving: case, spacing,
// punctuation and extra words do not matter ("k7q2 is missing!", "Back K7Q2 thanks").
// Any 4-character token that could be a child reference is returned as a candidate; the caller
// keeps only candidates that are references of the sender's own placed children.
import { referencePattern } from '../children/child-reference';

export type SmsCommand =
  | { kind: 'missing'; references: string[] }
  | { kind: 'found'; references: string[] }
  | { kind: 'ack'; code: string }
  | { kind: 'help' }
  | { kind: 'unclear'; reason: 'both' | 'empty' | 'unknown' };

const MISSING = new Set(['MISSING', 'MISSIN', 'MSSING', 'MISING', 'GONE', 'ABSCONDED', 'RUNAWAY']);
const FOUND = new Set(['FOUND', 'BACK', 'RETURNED', 'RETURN', 'HOME']);
const NEGATION = new Set(['NOT', 'HASNT', 'HAVENT', 'ISNT', 'ARENT', 'NEVER', 'DIDNT']);
const HELP = new Set(['HELP', 'INFO', '?']);

function tokens(body: string): string[] {
  return body.normalize('NFKC').toUpperCase().replace(/['’]/g, '').match(/[A-Z0-9]+|\?/g) ?? [];
}

export function parseSms(body: string): SmsCommand {
  const words = tokens(body);
  if (!words.length) return { kind: 'unclear', reason: 'empty' };
  const ackAt = words.indexOf('ACK');
  if (ackAt >= 0) {
    const code = words.slice(ackAt + 1).find((w) => /^\d{4}$/.test(w));
    if (code) return { kind: 'ack', code };
  }
  const references = [...new Set(words.filter((w) => referencePattern.test(w)))];
  let missing = words.some((w) => MISSING.has(w));
  let found = false;
  words.forEach((w, i) => {
    if (!FOUND.has(w)) return;
    // "not back", "hasn't come home": a found-word just after a negation reports a missing child.
    if (NEGATION.has(words[i - 1] ?? '') || NEGATION.has(words[i - 2] ?? '')) missing = true;
    else found = true;
  });
  // "no longer missing" reports a return.
  const noLonger = words.findIndex((w, i) => w === 'NO' && words[i + 1] === 'LONGER' && MISSING.has(words[i + 2] ?? ''));
  if (noLonger >= 0) { found = true; missing = words.some((w, i) => MISSING.has(w) && i !== noLonger + 2); }
  if (missing && found) return { kind: 'unclear', reason: 'both' };
  if (missing) return { kind: 'missing', references };
  if (found) return { kind: 'found', references };
  if (words.some((w) => HELP.has(w))) return { kind: 'help' };
  return { kind: 'unclear', reason: 'unknown' };
}
