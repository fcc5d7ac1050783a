// What the episode page shows of a call: the words it said, and for a call the recording provider
// kept (no Twilio credentials) the TwiML it would have been answered with and how to answer it in
// a demo, since nobody's phone rang.
import type { Notification } from '../notifications/notification.entity';
import { alertTwiml, callKeysPath } from '../notifications/voice/call-twiml';
import { alertWords, callWords } from '../notifications/voice/call-words';

export interface CallView {
  words: string;
  recorded: boolean;
  twiml: string | null;
  demoCommand: string | null;
}

export function presentCall(n: Notification, publicBaseUrl: string): CallView | null {
  if (n.channel !== 'voice' || !n.bodyText) return null;
  const recorded = !!n.providerId?.startsWith('recorded-');
  const data = { ...n.data, ackCode: n.ackCode };
  return {
    words: n.bodyText,
    recorded,
    twiml: recorded
      ? alertTwiml(alertWords(n, data), callWords(n, 'call-prompt', data), publicBaseUrl + callKeysPath(n.id))
      : null,
    demoCommand: recorded ? `npm run demo:call -- ${n.id} ${n.providerId} 1` : null,
  };
}
