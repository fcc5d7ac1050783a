// Without credentials nothing leaves the service: the notification row already holds what would
// have been sent, and it is marked sent with a "recorded-" provider id. main.ts says so loudly.
// A call is kept with the TwiML it would have been answered with; the episode page shows both.
import { randomUUID } from 'node:crypto';

import type { EmailMessage, EmailProvider } from './email.provider';
import type { SentMessage, SmsMessage, SmsProvider } from './sms.provider';
import type { VoiceCall, VoiceProvider } from './voice.provider';

export class RecordingProvider implements SmsProvider, EmailProvider, VoiceProvider {
  readonly recording = true;
  /** The most recent messages and calls, for a developer poking at a running service. */
  readonly recent: (SmsMessage | EmailMessage | VoiceCall)[] = [];

  async send(message: SmsMessage | EmailMessage): Promise<SentMessage> {
    return this.keep(message);
  }

  async call(call: VoiceCall): Promise<SentMessage> {
    return this.keep(call);
  }

  private keep(item: SmsMessage | EmailMessage | VoiceCall): SentMessage {
    this.recent.push(item);
    if (this.recent.length > 100) this.recent.shift();
    return { providerId: `recorded-${randomUUID()}` };
  }
}
