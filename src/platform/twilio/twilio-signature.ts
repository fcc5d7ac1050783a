// Checks X-Twilio-Signature on a webhook against the public URL Twilio called. Fails closed: with no
// auth token configured, no request is accepted.
import twilio from 'twilio';

export class TwilioSignature {
  constructor(private readonly authToken: string | undefined, private readonly publicBaseUrl: string) {}

  isValid(pathAndQuery: string, signature: string | undefined, params: Record<string, unknown>): boolean {
    if (!this.authToken || !signature) return false;
    return twilio.validateRequest(this.authToken, signature, this.publicBaseUrl + pathAndQuery, params);
  }
}
