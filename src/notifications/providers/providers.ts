// Chooses the real providers when credentials are configured and the recording one otherwise
// (main.ts says so loudly). In production, SMS without full Twilio settings is an error at start.
import type { Config } from '../../config';
import type { EmailProvider } from './email.provider';
import { RecordingProvider } from './recording.provider';
import type { SmsProvider } from './sms.provider';
import { SmtpEmailProvider } from './smtp-email.provider';
import { TwilioSmsProvider } from './twilio-sms.provider';
import { TwilioVoiceProvider } from './twilio-voice.provider';
import type { VoiceProvider } from './voice.provider';

export function createSmsProvider(config: Config): SmsProvider {
  const t = config.twilio;
  if (!t.accountSid || !t.authToken || !(t.fromNumber || t.messagingServiceSid)) {
    // In production a partial Twilio set-up would silently lose every text, so it stops the start.
    if (config.env === 'production') {
      throw new Error(
        'Twilio is not fully configured: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID.',
      );
    }
    return new RecordingProvider();
  }
  return new TwilioSmsProvider({
    accountSid: t.accountSid,
    authToken: t.authToken,
    fromNumber: t.fromNumber,
    messagingServiceSid: t.messagingServiceSid,
    apiBaseUrl: t.apiBaseUrl,
    timeoutMs: config.dispatch.sendTimeoutMs,
  });
}

export function createEmailProvider(config: Config): EmailProvider {
  if (!config.smtpUrl) return new RecordingProvider();
  return new SmtpEmailProvider({
    url: config.smtpUrl,
    from: config.mailFrom,
    timeoutMs: config.dispatch.sendTimeoutMs,
  });
}

/** Calls need Twilio's account, token and a number to call from (TWILIO_VOICE_FROM_NUMBER, else TWILIO_FROM_NUMBER). */
export function createVoiceProvider(config: Config): VoiceProvider {
  const t = config.twilio;
  const from = t.voiceFromNumber ?? t.fromNumber;
  if (!t.accountSid || !t.authToken || !from) {
    // Twilio set up for texts but no number to call from would silently never call a control room.
    if (config.env === 'production' && t.accountSid) {
      throw new Error('Calls need a number to call from: set TWILIO_VOICE_FROM_NUMBER (or TWILIO_FROM_NUMBER).');
    }
    return new RecordingProvider();
  }
  return new TwilioVoiceProvider({
    accountSid: t.accountSid,
    authToken: t.authToken,
    fromNumber: from,
    apiBaseUrl: t.apiBaseUrl,
    timeoutMs: config.dispatch.sendTimeoutMs,
    ringSeconds: config.voiceRingSeconds,
  });
}
