// Calls through the real twilio SDK (calls.create), pointed like SMS at TWILIO_API_BASE_URL when set.
// Answering-machine detection is on, so the TwiML request says whether a person or a machine answered
// (AnsweredBy): a machine hears a short message with no details, and that never acknowledges anything.
import twilio from 'twilio';

import type { SentMessage } from './sms.provider';
import { twilioHttpClient } from './twilio-http-client';
import { classifyTwilioError } from './twilio-sms.provider';
import type { VoiceCall, VoiceProvider } from './voice.provider';

export interface TwilioVoiceSettings {
  accountSid: string;
  authToken: string;
  fromNumber: string;
  apiBaseUrl?: string;
  timeoutMs: number;
  /** Seconds to let the phone ring before Twilio reports no-answer. */
  ringSeconds: number;
}

export class TwilioVoiceProvider implements VoiceProvider {
  readonly recording = false;
  private readonly client: twilio.Twilio;

  constructor(private readonly settings: TwilioVoiceSettings) {
    const httpClient = twilioHttpClient(settings.apiBaseUrl, settings.timeoutMs);
    this.client = twilio(settings.accountSid, settings.authToken, { httpClient, timeout: settings.timeoutMs });
    void this.client.calls; // the SDK loads its Calls API on first use: now, rather than during the first alert
  }

  async call({ to, url, statusCallback }: VoiceCall): Promise<SentMessage> {
    try {
      const call = await this.client.calls.create({
        to,
        from: this.settings.fromNumber,
        url,
        method: 'POST',
        statusCallback,
        statusCallbackMethod: 'POST',
        statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
        machineDetection: 'Enable',
        timeout: this.settings.ringSeconds,
      });
      return { providerId: call.sid };
    } catch (err) {
      throw classifyTwilioError(err);
    }
  }
}
