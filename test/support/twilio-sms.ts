// Sends an inbound SMS to the service exactly as Twilio would: form-encoded, signed with the
// account's auth token over PUBLIC_BASE_URL + path.
import { randomBytes } from 'node:crypto';
import { stringify } from 'node:querystring';

import type { Server } from '@hapi/hapi';
import twilio from 'twilio';

export const TEST_AUTH_TOKEN = 'test-auth-token-0123456789abcdef';
export const TEST_ACCOUNT_SID = `AC${'0'.repeat(31)}1`;
export const TEST_PUBLIC_BASE_URL = 'https://safeguarding.example.org';
export const SERVICE_NUMBER = '+447700900000';

export const newMessageSid = () => `SM${randomBytes(16).toString('hex')}`;

export interface TextOptions {
  messageSid?: string;
  to?: string;
  signature?: string | null;
  authToken?: string;
  baseUrl?: string;
}

export async function textService(server: Server, from: string, body: string, options: TextOptions = {}) {
  const params = {
    MessageSid: options.messageSid ?? newMessageSid(),
    AccountSid: TEST_ACCOUNT_SID,
    From: from,
    To: options.to ?? SERVICE_NUMBER,
    Body: body,
    NumMedia: '0',
  };
  const url = `${options.baseUrl ?? TEST_PUBLIC_BASE_URL}/webhooks/twilio/sms`;
  const signature =
    options.signature === undefined
      ? twilio.getExpectedTwilioSignature(options.authToken ?? TEST_AUTH_TOKEN, url, params)
      : options.signature;
  const res = await server.inject({
    method: 'POST',
    url: '/webhooks/twilio/sms',
    payload: stringify(params),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature === null ? {} : { 'x-twilio-signature': signature }),
    },
  });
  const reply =
    /<Message>([\s\S]*)<\/Message>/
      .exec(res.payload)?.[1]
      ?.replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&') ?? null;
  return { res, reply, messageSid: params.MessageSid };
}

export const twilioEnv = {
  TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
  TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
  PUBLIC_BASE_URL: TEST_PUBLIC_BASE_URL,
};

/** The same signed text, but over HTTP to a running service (another process); returns the status and reply. */
export async function textOverHttp(
  serviceUrl: string,
  from: string,
  body: string,
  o: { authToken: string; publicBaseUrl: string; to?: string },
) {
  const params = {
    MessageSid: newMessageSid(),
    AccountSid: TEST_ACCOUNT_SID,
    From: from,
    To: o.to ?? SERVICE_NUMBER,
    Body: body,
    NumMedia: '0',
  };
  const signature = twilio.getExpectedTwilioSignature(o.authToken, `${o.publicBaseUrl}/webhooks/twilio/sms`, params);
  const res = await fetch(`${serviceUrl}/webhooks/twilio/sms`, {
    method: 'POST',
    body: stringify(params),
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
  });
  return { status: res.status, reply: /<Message>([\s\S]*)<\/Message>/.exec(await res.text())?.[1] ?? null };
}
