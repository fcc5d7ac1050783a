// The one thing the service needs from a voice provider: place a call whose words the provider
// fetches from the service's own signed TwiML route. Implementations throw DeliveryError.
import type { SentMessage } from './sms.provider';

export interface VoiceCall {
  to: string;
  /** The service's TwiML route for this call (Twilio fetches it when the call is answered). */
  url: string;
  statusCallback: string;
  /** What that route answers when the call is answered by a person: kept by the recording provider. */
  twiml: string;
}

export interface VoiceProvider {
  /** Recording providers keep calls instead of placing them; main.ts says so loudly. */
  readonly recording: boolean;
  call(call: VoiceCall): Promise<SentMessage>;
}
