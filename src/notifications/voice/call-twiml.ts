// The TwiML of a call, built with the twilio SDK's VoiceResponse (it escapes the words): the alert
// and the choice inside one <Gather numDigits=1>, whose action hears the key pressed (or, with
// actionOnEmptyResult, that none was), and the short closing answers. The words come from templates/voice
// (Welsh from templates/voice/cy), each language in a <Say> of its own; a call in both languages says
// the alert and the choice in the first language, then in the second, so either listener can press 1.
import twilio from 'twilio';

import type { Language } from '../../platform/i18n/language';
import { PHONETIC_WORDS } from './spell-out';

const { VoiceResponse } = twilio.twiml;
type Say = ReturnType<InstanceType<typeof VoiceResponse>['say']>;

/** What a call says in one language (templates.ts renders these). */
export interface Spoken {
  language: Language;
  words: string;
}

// Welsh needs a voice that speaks it (the default voice does not): Amazon Polly's Welsh voice.
const speech = {
  en: { language: 'en-GB' },
  cy: { language: 'cy-GB', voice: 'Polly.Gwyneth' },
} as const;
/** Seconds Twilio waits for a key after the prompt. */
const KEY_TIMEOUT_SECONDS = 8;

export const callStatusPath = '/webhooks/twilio/voice-status';
/** Twilio fetches the call's words here when it is answered; the id names the notification (the call). */
export const callTwimlPath = (notificationId: string) => `/webhooks/twilio/voice/${notificationId}`;
export const callKeysPath = (notificationId: string) => `/webhooks/twilio/voice/${notificationId}/keys`;

/** Each part in its own language; in Welsh, the reference's NATO words with English sounds (a Welsh
 * voice would say "Echo" and "Charlie" with a Welsh "ch"), as control rooms write them down. */
function say(into: { say: (attributes: object, words: string) => Say }, parts: Spoken[]): void {
  for (const part of parts) {
    if (part.language !== 'cy') {
      into.say(speech.en, part.words);
      continue;
    }
    const element = into.say(speech.cy, '');
    let at = 0;
    for (const match of part.words.matchAll(PHONETIC_WORDS)) {
      if (match.index > at) element.addText(part.words.slice(at, match.index));
      element.lang({ 'xml:lang': 'en-GB' }, match[0]);
      at = match.index + match[0].length;
    }
    if (at < part.words.length) element.addText(part.words.slice(at));
  }
}

/** The alert, then the choice, in each language; `before` is said first (the key just pressed, read back). */
export function alertTwiml(words: Spoken[], prompt: Spoken[], keysUrl: string, before?: Spoken[]): string {
  const response = new VoiceResponse();
  if (before) say(response, before);
  const gather = response.gather({
    numDigits: 1,
    action: keysUrl,
    method: 'POST',
    timeout: KEY_TIMEOUT_SECONDS,
    actionOnEmptyResult: true,
  });
  words.forEach((part, i) => {
    if (i > 0) gather.pause({ length: 1 });
    say(gather, [part]);
    gather.pause({ length: 1 });
    say(
      gather,
      prompt.filter((p) => p.language === part.language),
    );
  });
  return response.toString();
}

/** Says the words (in each language) and hangs up. */
export function closingTwiml(words: Spoken[]): string {
  const response = new VoiceResponse();
  say(response, words);
  response.hangup();
  return response.toString();
}
