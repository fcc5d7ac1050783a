// `npm run demo:text -- +447700900101 MISSING`: sends a text to the running service's SMS webhook
// exactly as Twilio would (form-encoded and signed), and prints the service's reply. For the demo
// and local testing; it signs with TWILIO_AUTH_TOKEN or the development token.
import { randomBytes } from 'node:crypto';

import twilio from 'twilio';

import { DEV_TWILIO_AUTH_TOKEN, loadConfig } from '../../src/config';

async function main(): Promise<void> {
  const [from, ...words] = process.argv.slice(2);
  if (!from || !words.length) {
    process.stderr.write(
      'Usage: npm run demo:text -- <from number> <message>\n  e.g. npm run demo:text -- +447700900101 MISSING\n',
    );
    process.exit(2);
  }
  const config = loadConfig();
  const url = `${config.publicBaseUrl}/webhooks/twilio/sms`;
  const params = {
    MessageSid: `SM${randomBytes(16).toString('hex')}`,
    AccountSid: `AC${'0'.repeat(32)}`,
    From: from,
    To: '+447700900000',
    Body: words.join(' '),
    NumMedia: '0',
  };
  const signature = twilio.getExpectedTwilioSignature(config.twilio.authToken ?? DEV_TWILIO_AUTH_TOKEN, url, params);
  const res = await fetch(`http://127.0.0.1:${config.port}/webhooks/twilio/sms`, {
    method: 'POST',
    body: new URLSearchParams(params),
    headers: { 'x-twilio-signature': signature },
  });
  const body = await res.text();
  const reply = /<Message>([\s\S]*)<\/Message>/.exec(body)?.[1] ?? body;
  process.stdout.write(`${res.status} ${reply.replace(/&apos;/g, "'").replace(/&amp;/g, '&')}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
