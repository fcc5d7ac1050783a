// Route extension for Twilio webhooks: runs after the form body is parsed and before validation,
// so a forged or unsigned request is refused (403) before anything reads it. Fails closed.
import Boom from '@hapi/boom';
import type { Request, ResponseToolkit } from '@hapi/hapi';
import { validTwilioSignature } from './twilio-webhook';

export function verifyTwilioSignature(request: Request, h: ResponseToolkit) {
  const { config } = request.server.app;
  const url = `${config.publicBaseUrl}${request.url.pathname}${request.url.search}`;
  const signature = request.headers['x-twilio-signature'] as string | undefined;
  const params = typeof request.payload === 'object' && request.payload !== null ? (request.payload as Record<string, unknown>) : {};
  if (!validTwilioSignature(config.twilio.authToken, signature, url, params)) {
    throw Boom.forbidden('This request is not signed by Twilio.');
  }
  return h.continue;
}
