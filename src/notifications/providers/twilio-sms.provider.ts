// SMS through the real twilio SDK. TWILIO_API_BASE_URL points the SDK at a Twilio-compatible
// endpoint (the local fake in tests, a proxy in staging) through its documented httpClient hook.
import twilio from 'twilio';

import { DeliveryError, isNetworkError, withoutContactDetails } from './delivery-error';
import type { SentMessage, SmsMessage, SmsProvider } from './sms.provider';
import { twilioHttpClient } from './twilio-http-client';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  fromNumber?: string;
  messagingServiceSid?: string;
  apiBaseUrl?: string;
  timeoutMs: number;
}

/** Twilio answers 4xx for problems with the message itself (21211 invalid number, 21610 opted out). */
export function classifyTwilioError(err: unknown): DeliveryError {
  const e = err as { status?: number; code?: unknown; message?: string };
  if (typeof e.status === 'number') {
    const what = `Twilio answered ${e.status}${e.code ? ` (error ${e.code})` : ''}`;
    return new DeliveryError(e.status === 429 || e.status >= 500 ? 'transient' : 'permanent', what);
  }
  if (isNetworkError(e)) return new DeliveryError('transient', `Twilio could not be reached (${e.code as string})`);
  return new DeliveryError(
    'transient',
    withoutContactDetails(`Twilio request failed: ${e.message ?? 'unknown error'}`),
  );
}

export class TwilioSmsProvider implements SmsProvider {
  readonly recording = false;
  private readonly client: twilio.Twilio;

  constructor(private readonly settings: TwilioSettings) {
    const httpClient = twilioHttpClient(settings.apiBaseUrl, settings.timeoutMs);
    this.client = twilio(settings.accountSid, settings.authToken, { httpClient, timeout: settings.timeoutMs });
    void this.client.messages; // the SDK loads its Messages API on first use: now, rather than during the first alert
  }

  async send({ to, body, statusCallback }: SmsMessage): Promise<SentMessage> {
    const sender = this.settings.messagingServiceSid
      ? { messagingServiceSid: this.settings.messagingServiceSid }
      : { from: this.settings.fromNumber };
    try {
      const message = await this.client.messages.create({ to, body, statusCallback, ...sender });
      return { providerId: message.sid };
    } catch (err) {
      throw classifyTwilioError(err);
    }
  }
}
