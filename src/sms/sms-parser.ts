// Turns a carer's or professional's text into a command. Pure and forgiving of case, spacing,
// punctuation and extra words, but asymmetric, as a false alarm and a false "found" cost differently:
// - MISSING acts at once ("k7q2 is missing!", "she's run off again"): a false alarm costs minutes.
// - A return acts only on clear intent: the return word leads ("Back K7Q2 thanks", "FOUND - at the
//   station"), with no question and no negation. A false "found" can stop a police search, so any
//   other mention of a return ("I think she's back") is a 'return_mentioned' that the carer is asked
//   to confirm with YES, and a question or a worry ("Is she back yet?") is only ever a text for people.
// NO is a command only as the answer to a bed check: it carries what the text means otherwise, so
// that outside a check it keeps that meaning ("no" a text for people, "no she's not home" MISSING).
// YES and NO carry the other words of the text: only a bare YES or NO (and the child's reference)
// answers a bed check, so "no worries, she's in bed" never opens an episode.
// Any 4-character token that could be a child reference is returned as a candidate; the caller
// keeps only candidates that are references of the sender's own placed children.
// Welsh texts follow the same rules: sms-welsh.ts reads their keywords as the English ones.
import { referencePattern } from '../children/child-reference';
import type { Language } from '../platform/i18n/language';
import { OptWord, optWord } from './sms-opt-out-words';
import { fromWelsh, languageOfWords } from './sms-welsh';

export type SmsCommand =
  | { kind: 'missing'; references: string[] }
  | { kind: 'found'; references: string[] }
  | { kind: 'return_mentioned'; references: string[] }
  | { kind: 'yes'; references: string[]; others: string[] }
  | {
      kind: 'no';
      references: string[];
      others: string[];
      otherwise: Extract<SmsCommand, { kind: 'text' | 'missing' }>;
    }
  | { kind: 'ack'; code: string }
  | { kind: 'help' }
  /** The whole text is a stop or start word (STOP, STOPIO; START, DECHRAU): see sms-opt-out-words.ts. */
  | OptWord
  /** Anything else: an update on an open episode, or a message for the duty team. */
  | { kind: 'text'; references: string[]; urgent: boolean };

const MISSING = new Set([
  'MISSING',
  'MISSIN',
  'MSSING',
  'MISING',
  'MISSNG',
  'ABSCONDED',
  'RUNAWAY',
  'DISAPPEARED',
  'VANISHED',
  'AWOL',
]);
// Two words that together say the child ran: "run away", "ran off", "gone missing".
const MISSING_PAIRS = new Set([
  'RUN AWAY',
  'RAN AWAY',
  'RUN OFF',
  'RAN OFF',
  'RUNNING AWAY',
  'DONE RUNNER',
  'DID RUNNER',
]);
const RETURN_LEADS = new Set(['FOUND', 'BACK', 'RETURNED', 'HOME']);
const RETURN_WORDS = new Set([...RETURN_LEADS, 'RETURN', 'ARRIVED', 'SAFE', 'TURNED']);
const NEGATION = new Set([
  'NOT',
  'NO',
  'NOPE',
  'HASNT',
  'HAVENT',
  'HADNT',
  'ISNT',
  'ARENT',
  'WASNT',
  'WERENT',
  'NEVER',
  'DIDNT',
  'DOESNT',
  'DONT',
  'CANT',
  'CANNOT',
  'WONT',
  'NOTHING',
  'NOBODY',
]);
const NO = new Set(['NO', 'NOPE', 'NAH', 'N']);
const YES = new Set(['YES', 'Y', 'YEP', 'YEAH', 'YEA', 'YA', 'YUP', 'CONFIRM', 'CONFIRMED']);
const HELP = new Set(['HELP', 'INFO', 'COMMANDS']);
// Words that make an unrecognised text urgent for the duty manager.
const URGENT = new Set([
  'HELP',
  'URGENT',
  'EMERGENCY',
  'POLICE',
  '999',
  'DANGER',
  'TAKEN',
  'KIDNAP',
  'KIDNAPPED',
  'ABDUCTED',
  'SCARED',
  'HURT',
  'ATTACKED',
  'THREAT',
  'THREATENED',
  'TRAFFICKED',
  'TRAFFICKER',
  'TRAFFICKERS',
  'MISSING',
  'RUNAWAY',
  'FORCED',
]);
// After a leading FOUND, "her phone" or "his bag" is a thing found, not the child.
const POSSESSIVES = new Set(['HER', 'HIS', 'THEIR', 'MY', 'A', 'AN', 'THE', 'SOME', 'THIS', 'THAT']);
const PLACES_AND_PEOPLE = new Set([
  'AT',
  'IN',
  'ON',
  'NEAR',
  'BY',
  'WITH',
  'OUTSIDE',
  'SAFE',
  'NOW',
  'HOME',
  'HERE',
  'THANKS',
  'CHILD',
  'GIRL',
  'BOY',
  'KID',
  'YOUNG',
  'TEENAGER',
  'TODAY',
  'TONIGHT',
  'THIS',
  'AND',
  'OK',
  'WELL',
  'ALIVE',
  'BACK',
]);

/** The text's words in capitals without accents ("yn ôl" and "YN OL" alike). */
function rawTokens(body: string): string[] {
  return (
    body
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toUpperCase()
      .replace(/['’`]/g, '')
      .match(/[A-Z0-9]+/g) ?? []
  );
}

/** The words the rules read: a Welsh text's keywords are rewritten into the English ones (sms-welsh.ts). */
const tokens = (body: string): string[] => fromWelsh(rawTokens(body));

/** The language a carer texted in, when the words say; null for "K7Q2", "?", "ACK 1234". */
export const textLanguage = (body: string): Language | null =>
  optWord(body)?.language === 'cy' ? 'cy' : languageOfWords(rawTokens(body));

/** How many words the text has once Welsh phrases are read as keywords ("AR GOLL K7Q2" is two). */
export const wordCount = (body: string): number => tokens(body).length;

const isReference = (w: string) => referencePattern.test(w);
// A reference can be spelt only with letters ("CAME" is one); only one with a digit is skipped as a word.
const surelyReference = (w: string) => isReference(w) && /\d/.test(w);

/** A return word leads (after an optional reference), and after FOUND comes the child, not a thing. */
function returnLeads(words: string[]): boolean {
  const start = surelyReference(words[0]) && words.length > 1 ? 1 : 0;
  const lead = words[start];
  if (!RETURN_LEADS.has(lead)) return false;
  const rest = words.slice(start + 1).filter((w) => !surelyReference(w));
  if (lead === 'FOUND' && POSSESSIVES.has(rest[0] ?? '') && rest.length > 1 && !PLACES_AND_PEOPLE.has(rest[1]))
    return false;
  return true;
}

// "She's gone" or "gone again" says she ran; "gone to school" or "gone out" does not.
const GONE_ENDS = new Set(['', 'AGAIN', 'OFF', 'AWOL']);

function missingSaid(words: string[]): boolean {
  const plain = words.filter((w) => !surelyReference(w));
  return plain.some(
    (w, i) =>
      MISSING.has(w) ||
      MISSING_PAIRS.has(`${w} ${plain[i + 1] ?? ''}`) ||
      (w === 'GONE' && GONE_ENDS.has(plain[i + 1] ?? '')),
  );
}

/** "not missing", "no longer missing", "isn't missing": a return, said in the negative. */
function missingDenied(words: string[]): boolean {
  return words.some(
    (w, i) =>
      MISSING.has(w) && (NEGATION.has(words[i - 1] ?? '') || (words[i - 2] === 'NO' && words[i - 1] === 'LONGER')),
  );
}

/** "not back", "hasn't come home": a return word just after a negation reports the child still away. */
function returnDenied(words: string[]): boolean {
  return words.some((w, i) => RETURN_LEADS.has(w) && [1, 2, 3].some((d) => NEGATION.has(words[i - d] ?? '')));
}

/** The words of a YES or NO other than the answer itself. */
const othersThan = (answer: Set<string>, words: string[]) => words.filter((w) => !answer.has(w));

export function parseSms(body: string): SmsCommand {
  const opt = optWord(body);
  if (opt) return opt;
  const command = classify(body);
  const words = tokens(body);
  const lead = surelyReference(words[0] ?? '') ? words[1] : words[0];
  // Only a NO that leads, asks nothing, and does not otherwise say the child is back ("no longer missing").
  if (NO.has(lead ?? '') && !body.includes('?') && (command.kind === 'text' || command.kind === 'missing')) {
    return { kind: 'no', references: command.references, others: othersThan(NO, words), otherwise: command };
  }
  if (command.kind === 'yes') return { ...command, others: othersThan(YES, words) };
  return command;
}

/**
 * A bare YES or NO: nothing but the answer and references of the sender's own children ("YES", "no.", "NO K7Q2").
 * Only such a text answers a bed check.
 */
export const bareAnswer = (command: { others: string[] }, ownReferences: string[]): boolean =>
  command.others.every((w) => ownReferences.includes(w));

function classify(body: string): Exclude<SmsCommand, { kind: 'no' | 'yes' }> | { kind: 'yes'; references: string[] } {
  const words = tokens(body);
  const references = [...new Set(words.filter(isReference))];
  const question = body.includes('?');
  const text = (
    urgent = words.some((w) => URGENT.has(w)) || missingSaid(words),
  ): Extract<SmsCommand, { kind: 'text' }> => ({ kind: 'text', references, urgent });
  if (body.trim() === '?') return { kind: 'help' };
  if (!words.length) return text(false);
  const ackAt = words.indexOf('ACK');
  if (ackAt >= 0) {
    const code = words.slice(ackAt + 1).find((w) => /^\d{4}$/.test(w));
    if (code) return { kind: 'ack', code };
  }
  if (words.length === 1 && HELP.has(words[0])) return { kind: 'help' };
  const negated = words.some((w) => NEGATION.has(w));
  const mentionsReturn = words.some((w) => RETURN_WORDS.has(w)) || missingDenied(words);
  const missing = (missingSaid(words) && !missingDenied(words)) || (returnDenied(words) && !question);
  const lead = surelyReference(words[0]) && words.length > 1 ? words[1] : words[0];
  if (YES.has(lead) && !negated && !question && !missing) return { kind: 'yes', references };
  // A question is for people, whatever it mentions; if it mentions running or danger, urgently.
  if (question) return text();
  // "back but ran off again": a person decides
  if (missing && mentionsReturn && !returnDenied(words)) return text(true);
  if (missing) return { kind: 'missing', references };
  if (missingDenied(words) && !returnDenied(words)) return { kind: 'return_mentioned', references };
  if (!negated && returnLeads(words)) return { kind: 'found', references };
  if (mentionsReturn && !negated) return { kind: 'return_mentioned', references };
  return text();
}
