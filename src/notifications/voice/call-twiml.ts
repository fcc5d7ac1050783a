// The TwiML of a call, built with the twilio SDK's VoiceResponse (it escapes the words): the alert
// and the choice inside one <Gather numDigits=1>, whose action hears the key pressed (or, with
// actionOnEmptyResult, that none was), and the short closing answers. The words come from templates/voice.
import twilio from 'twilio';

const { VoiceResponse } = twilio.twiml;
const speech = { language: 'en-GB' } as const;
/** Seconds Twilio waits for a key after the prompt. */
const KEY_TIMEOUT_SECONDS = 8;

export const callStatusPath = '/webhooks/twilio/voice-status';
/** Twilio fetches the call's words here when it is answered; the id names the notification (the call). */
export const callTwimlPath = (notificationId: string) => `/webhooks/twilio/voice/${notificationId}`;
export const callKeysPath = (notificationId: string) => `/webhooks/twilio/voice/${notificationId}/keys`;

/** The alert, then the choice; `before` is said first (the key just pressed, read back). */
export function alertTwiml(words: string, prompt: string, keysUrl: string, before?: string): string {
  const response = new VoiceResponse();
  if (before) response.say(speech, before);
  const gather = response.gather({
    numDigits: 1,
    action: keysUrl,
    method: 'POST',
    timeout: KEY_TIMEOUT_SECONDS,
    actionOnEmptyResult: true,
  });
  gather.say(speech, words);
  gather.pause({ length: 1 });
  gather.say(speech, prompt);
  return response.toString();
}

/** Says the words and hangs up. */
export function closingTwiml(words: string): string {
  const response = new VoiceResponse();
  response.say(speech, words);
  response.hangup();
  return response.toString();
}
