// Drives a call's webhooks exactly as Twilio would: form-encoded and signed with the account's auth
// token over PUBLIC_BASE_URL + path (or with the signature given, or none), through server.inject.
import type { Server } from '@hapi/hapi';
import twilio from 'twilio';

import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, FakeCall } from './fake-twilio';

export interface Signing {
  publicBaseUrl: string;
  authToken?: string;
  /** null: no X-Twilio-Signature header; a string: that header as given (a forgery). */
  signature?: string | null;
}

/** POSTs the form to the path as Twilio does; returns the response. */
export async function postAsTwilio(server: Server, path: string, form: Record<string, string>, s: Signing) {
  const params = { AccountSid: FAKE_ACCOUNT_SID, ...form };
  const signature =
    s.signature === undefined
      ? twilio.getExpectedTwilioSignature(s.authToken ?? FAKE_AUTH_TOKEN, s.publicBaseUrl + path, params)
      : s.signature;
  return server.inject({
    method: 'POST',
    url: path,
    payload: new URLSearchParams(params).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature === null ? {} : { 'x-twilio-signature': signature }),
    },
  });
}

/** The path of a URL the service gave Twilio (its TwiML route, a Gather action, the status callback). */
export const pathOf = (url: string) => new URL(url).pathname;

/** What Twilio fetches when the call is answered (AnsweredBy as answering-machine detection says). */
export function fetchTwiml(server: Server, call: FakeCall, s: Signing, answeredBy = 'human') {
  return postAsTwilio(
    server,
    pathOf(call.url),
    { CallSid: call.sid, CallStatus: 'in-progress', To: call.to, Direction: 'outbound-api', AnsweredBy: answeredBy },
    s,
  );
}

/** The Gather's action (from the TwiML) with the key pressed; '' is Twilio's "no key before the timeout". */
export function pressKey(server: Server, twiml: string, call: FakeCall, digits: string, s: Signing) {
  const action = /<Gather[^>]*action="([^"]+)"/.exec(twiml)?.[1];
  if (!action) throw new Error(`no Gather action in ${twiml}`);
  return postAsTwilio(
    server,
    pathOf(action.replace(/&amp;/g, '&')),
    { CallSid: call.sid, CallStatus: 'in-progress', To: call.to, Digits: digits },
    s,
  );
}

/** The call's status callback, as Twilio sends it at each event. */
export function callStatus(server: Server, call: FakeCall, status: string, s: Signing, answeredBy?: string) {
  return postAsTwilio(
    server,
    pathOf(call.statusCallback!),
    { CallSid: call.sid, CallStatus: status, To: call.to, ...(answeredBy ? { AnsweredBy: answeredBy } : {}) },
    s,
  );
}

/** The words of the TwiML's <Say> verbs, in order. */
export function saidIn(twiml: string): string[] {
  // A Welsh <Say> holds <lang> elements (the reference's NATO words, said with English sounds): kept as words.
  return [...twiml.matchAll(/<Say[^>]*>([\s\S]*?)<\/Say>/g)].map((m) =>
    m[1]
      .replace(/<[^>]+>/g, '')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}
