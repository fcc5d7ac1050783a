// Twilio webhooks: the X-Twilio-Signature check (fails closed: no auth token, no entry) and TwiML.
import twilio from 'twilio';

export function validTwilioSignature(
  authToken: string | undefined,
  signature: string | undefined,
  url: string,
  params: Record<string, unknown>,
): boolean {
  if (!authToken || !signature) return false;
  try {
    return twilio.validateRequest(authToken, signature, url, params as Record<string, string>);
  } catch {
    return false;
  }
}

const escapeXml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

export function twimlMessage(text: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${escapeXml(text)}</Message></Response>`;
}
