// Without credentials nothing leaves the service: the notification row already holds what would
// have been sent, and it is marked sent with a "recorded-" provider id. main.ts says so loudly.
import { randomUUID } from 'node:crypto';

import type { EmailMessage, EmailProvider } from './email.provider';
import type { SentMessage, SmsMessage, SmsProvider } from './sms.provider';

export class RecordingProvider implements SmsProvider, EmailProvider {
  readonly recording = true;
  /** The most recent messages, for a developer poking at a running service. */
  readonly recent: (SmsMessage | EmailMessage)[] = [];

  async send(message: SmsMessage | EmailMessage): Promise<SentMessage> {
    this.recent.push(message);
    if (this.recent.length > 100) this.recent.shift();
    return { providerId: `recorded-${randomUUID()}` };
  }
}
