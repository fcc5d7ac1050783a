// Route extensions for Twilio webhooks: the signature is checked after the form body is parsed and
// before validation, so a forged or unsigned request is refused (403) before anything reads it. Fails
// closed. Only then does the request count against the webhook's rate limit: unsigned traffic cannot
// spend the allowance Twilio's own requests need. Forgeries get no bucket of their own on purpose: one
// keyed by address would let a forger sharing Twilio's (or an unconfigured balancer's) address lock
// Twilio out again, and a refusal costs one HMAC over a body capped by the payload limit.
import Boom from '@hapi/boom';
import type { Request, ResponseToolkit, RouteOptions } from '@hapi/hapi';

import { countAgainst } from '../platform/http/rate-limit.plugin';
import { validTwilioSignature } from './twilio-webhook';

export function verifyTwilioSignature(request: Request, h: ResponseToolkit) {
  const { config } = request.server.app;
  // The URL Twilio signed is the public one (PUBLIC_BASE_URL), not what a proxy forwarded to us.
  const url = `${config.publicBaseUrl}${request.url.pathname}${request.url.search}`;
  const signature = request.headers['x-twilio-signature'] as string | undefined;
  const params =
    typeof request.payload === 'object' && request.payload !== null ? (request.payload as Record<string, unknown>) : {};
  if (!validTwilioSignature(config.twilio.authToken, signature, url, params)) {
    throw Boom.forbidden('This request is not signed by Twilio.');
  }
  return h.continue;
}

/** The `ext` of every Twilio webhook route: signature first, then the rate limit, in this order. */
export const twilioWebhookExt: RouteOptions['ext'] = {
  onPostAuth: [{ method: verifyTwilioSignature }, { method: countAgainst('webhook') }],
};
