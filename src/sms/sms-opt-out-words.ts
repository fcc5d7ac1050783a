// Stop and start words: a text that is nothing but one of them stops (or restarts) the service's
// texts to that number, as carriers' and Twilio's opt-out rules do. Twilio acts on the English words
// itself (STOP blocks the number at Twilio; START lifts it), so the service records them to match. It
// knows no Welsh, so the Welsh words are the service's own: STOPIO (the everyday Welsh verb, and what
// bilingual public-sector texts in Wales print beside STOP), STOPIWCH, DIWEDD ("end"), DAD-DANYSGRIFIO
// ("unsubscribe"); DECHRAU ("start") and AILDDECHRAU ("restart") to have texts again (docs/welsh-texts.md).
// Only the whole text counts ("stop." too): "stop texting me about K7Q2" is a message for people.
import type { Language } from '../platform/i18n/language';

const STOP: Record<string, Language> = {
  STOP: 'en',
  STOPALL: 'en',
  UNSUBSCRIBE: 'en',
  CANCEL: 'en',
  END: 'en',
  QUIT: 'en',
  REVOKE: 'en',
  OPTOUT: 'en',
  STOPIO: 'cy',
  STOPIWCH: 'cy',
  DIWEDD: 'cy',
  DADDANYSGRIFIO: 'cy',
  DADANSGRIFIO: 'cy',
};
// YES also lifts Twilio's block, but here YES answers bed checks and confirms returns: it keeps that meaning.
const START: Record<string, Language> = { START: 'en', UNSTOP: 'en', DECHRAU: 'cy', AILDDECHRAU: 'cy' };

/** keyword: the word as the service knows it (STOPIO, DECHRAU), for the record and the duty team. */
export type OptWord =
  { kind: 'stop'; keyword: string; language: Language } | { kind: 'start'; keyword: string; language: Language };

/** The stop or start word this text is, if it is nothing else (case, accents, spaces and punctuation aside). */
export function optWord(body: string): OptWord | null {
  const word = body
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
  if (word in STOP) return { kind: 'stop', keyword: word, language: STOP[word] };
  if (word in START) return { kind: 'start', keyword: word, language: START[word] };
  return null;
}
