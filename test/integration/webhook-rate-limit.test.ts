// Twilio's webhooks count against their rate limit only once signed: an unsigned flood is refused 403
// and leaves Twilio's allowance whole, and signed traffic is still limited.
import twilio from 'twilio';

import { buildTestApp, TestApp } from '../support/app';
import { signedStatusCallback } from '../support/fake-twilio';
import {
  newMessageSid,
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
  TEST_PUBLIC_BASE_URL,
  textService,
  twilioEnv,
} from '../support/twilio-sms';

const LIMIT = 5;
let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ ...twilioEnv, WEBHOOK_RATE_LIMIT: String(LIMIT) });
});
afterAll(async () => {
  await app.close();
});
// Each test starts with fresh windows.
beforeEach(() => {
  app.clock.advance(61_000);
});

const statusCallback = (signed: boolean) => {
  const params = { AccountSid: TEST_ACCOUNT_SID, MessageSid: newMessageSid(), MessageStatus: 'delivered' };
  const signature = signed
    ? twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, `${TEST_PUBLIC_BASE_URL}/webhooks/twilio/status`, params)
    : null;
  return app.server.inject(signedStatusCallback(TEST_PUBLIC_BASE_URL, params, signature));
};

it('answers a signed text after an unsigned and forged flood larger than the limit', async () => {
  const flood = [];
  for (let i = 0; i < LIMIT * 4; i++) {
    flood.push(
      (
        await textService(app.server, '+447700900101', 'MISSING', {
          signature: i % 2 ? null : 'Zm9yZ2VkIHNpZ25hdHVyZQ==',
        })
      ).res.statusCode,
    );
  }
  expect(new Set(flood)).toEqual(new Set([403]));
  const signed = await textService(app.server, '+447700900999', 'help');
  expect(signed.res.statusCode).toBe(200);
  expect(signed.reply).toMatch(/^Text MISSING/);
});

it('still limits signed texts from one address', async () => {
  const statuses = [];
  for (let i = 0; i <= LIMIT; i++)
    statuses.push((await textService(app.server, '+447700900999', 'help')).res.statusCode);
  expect(statuses).toEqual([...Array(LIMIT).fill(200), 429]);
  const refused = await textService(app.server, '+447700900999', 'help');
  expect(refused.res.headers['retry-after']).toBeDefined();
});

it('applies the same order to the delivery status callback', async () => {
  const flood = [];
  for (let i = 0; i < LIMIT * 3; i++) flood.push((await statusCallback(false)).statusCode);
  expect(new Set(flood)).toEqual(new Set([403]));
  expect((await statusCallback(true)).statusCode).toBe(204);
});
