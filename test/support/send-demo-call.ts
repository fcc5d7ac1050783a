// `npm run demo:call -- <call id> <CallSid> [key]`: answers a call the running service placed (or,
// without Twilio credentials, recorded) exactly as Twilio would: fetches its TwiML, signed, prints
// what the person hears, and presses the key given (1 accepts). The episode page shows the command
// with the call's id and CallSid filled in. For the demo and local testing; it signs with
// TWILIO_AUTH_TOKEN or the development token.
import twilio from 'twilio';

import { DEV_TWILIO_AUTH_TOKEN, loadConfig } from '../../src/config';

const config = loadConfig();

async function asTwilio(path: string, params: Record<string, string>): Promise<string> {
  const signature = twilio.getExpectedTwilioSignature(
    config.twilio.authToken ?? DEV_TWILIO_AUTH_TOKEN,
    config.publicBaseUrl + path,
    params,
  );
  const res = await fetch(`http://127.0.0.1:${config.port}${path}`, {
    method: 'POST',
    body: new URLSearchParams(params),
    headers: { 'x-twilio-signature': signature },
  });
  const body = await res.text();
  // A Welsh <Say> holds <lang> elements (the reference's NATO words): their words are said too.
  const said = [...body.matchAll(/<Say[^>]*>([\s\S]*?)<\/Say>/g)].map((m) =>
    m[1].replace(/<[^>]+>/g, '').replace(/&apos;/g, "'"),
  );
  process.stdout.write(`${res.status} ${said.length ? said.join('\n    ') : body}\n`);
  return body;
}

async function main(): Promise<void> {
  const [id, callSid, key] = process.argv.slice(2);
  if (!id || !callSid) {
    process.stderr.write('Usage: npm run demo:call -- <call id> <CallSid> [key]\n  (the episode page shows it)\n');
    process.exit(2);
  }
  const call = { CallSid: callSid, AccountSid: `AC${'0'.repeat(32)}`, CallStatus: 'in-progress' };
  process.stdout.write('The call is answered:\n');
  await asTwilio(`/webhooks/twilio/voice/${id}`, { ...call, AnsweredBy: 'human' });
  if (key === undefined) return;
  process.stdout.write(`${key} is pressed:\n`);
  await asTwilio(`/webhooks/twilio/voice/${id}/keys`, { ...call, Digits: key });
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
