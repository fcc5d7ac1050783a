// Twilio's status callbacks: signed, applied in rank order, replay-safe; undelivered falls back.
import { buildTestApp } from '../support/app';
import {
  addDutyManager,
  buildDeliveryTestApp,
  DeliveryTestApp,
  history,
  PUBLIC_BASE_URL,
  queueAlert,
  reload,
} from '../support/delivery';
import { signedStatusCallback } from '../support/fake-twilio';

let t: DeliveryTestApp;
beforeAll(async () => {
  t = await buildDeliveryTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.twilio.reset();
  t.smtp.reset();
});

async function sentSms(address: string, extra: Partial<Parameters<typeof queueAlert>[1]> = {}) {
  const n = await queueAlert(t.app, { authorityId: t.authorityId, channel: 'sms', address, ...extra });
  await t.app.services.dispatcher.drain();
  return reload(t.app, n.id);
}

const callback = (params: Record<string, string>, signature?: string | null) =>
  t.app.server.inject(
    signedStatusCallback(PUBLIC_BASE_URL, { AccountSid: 'AC00000000000000000000000000000001', ...params }, signature),
  );

it('records delivery once, ignoring a late "sent" and a replayed "delivered"', async () => {
  const n = await sentSms('+447700900601');
  const delivered = await callback({ MessageSid: n.providerId!, MessageStatus: 'delivered' });
  expect(delivered.statusCode).toBe(204);
  expect(delivered.payload).toBe('');
  const lateSent = await callback({ MessageSid: n.providerId!, MessageStatus: 'sent' });
  expect(lateSent.statusCode).toBe(204);
  const replayed = await callback({ MessageSid: n.providerId!, MessageStatus: 'delivered' });
  expect(replayed.statusCode).toBe(204);
  const after = await reload(t.app, n.id);
  expect(after.status).toBe('delivered');
  expect(after.deliveredAt).not.toBeNull();
  expect(await history(t.app, n.id)).toEqual(['queued', 'sending', 'sent', 'delivered']);
});

it('refuses a forged or missing signature with 403 and changes nothing', async () => {
  const n = await sentSms('+447700900602');
  const forged = await callback(
    { MessageSid: n.providerId!, MessageStatus: 'failed', ErrorCode: '30003' },
    'dGhpcyBpcyBub3QgYSBzaWduYXR1cmU=',
  );
  const missing = await callback({ MessageSid: n.providerId!, MessageStatus: 'failed', ErrorCode: '30003' }, null);
  const tampered = t.app.server.inject({
    ...signedStatusCallback(PUBLIC_BASE_URL, { MessageSid: n.providerId!, MessageStatus: 'delivered' }),
    payload: new URLSearchParams({ MessageSid: n.providerId!, MessageStatus: 'failed' }).toString(),
  });
  expect([forged.statusCode, missing.statusCode, (await tampered).statusCode]).toEqual([403, 403, 403]);
  expect(await reload(t.app, n.id)).toMatchObject({ status: 'sent', lastError: null });
  expect(await history(t.app, n.id)).toEqual(['queued', 'sending', 'sent']);
});

it('fails closed when no Twilio auth token is configured', async () => {
  const app = await buildTestApp({ PUBLIC_BASE_URL });
  try {
    const res = await app.server.inject(
      signedStatusCallback(PUBLIC_BASE_URL, { MessageSid: 'SM00', MessageStatus: 'delivered' }),
    );
    expect(res.statusCode).toBe(403);
  } finally {
    await app.close();
  }
});

it('falls back and alerts the duty manager on "undelivered", once however often Twilio repeats it', async () => {
  await addDutyManager(t.app, t.authorityId, { name: 'Duty Manager Dev', email: 'duty.dev@demo-borough.example.org' });
  const n = await sentSms('+447700900603', {
    name: 'Missing persons unit',
    fallbacks: [
      {
        channel: 'sms',
        address: '+447700900604',
        recipientType: 'contact',
        recipientId: null,
        recipientName: 'Force control room',
      },
    ],
  });
  for (let i = 0; i < 3; i += 1) {
    const res = await callback({ MessageSid: n.providerId!, MessageStatus: 'undelivered', ErrorCode: '30003' });
    expect(res.statusCode).toBe(204);
  }
  await callback({ MessageSid: n.providerId!, MessageStatus: 'delivered' });
  await t.app.services.dispatcher.drain();
  expect(await reload(t.app, n.id)).toMatchObject({
    status: 'undelivered',
    lastError: 'Twilio reported undelivered (error 30003)',
  });
  expect(await history(t.app, n.id)).toEqual(['queued', 'sending', 'sent', 'undelivered']);
  expect(t.twilio.to('+447700900604')).toHaveLength(1);
  const duty = t.smtp.to('duty.dev@demo-borough.example.org');
  expect(duty).toHaveLength(1);
  expect(duty[0].mail.subject).toBe('Alert not delivered: message to Missing persons unit by SMS failed');
  expect(duty[0].mail.text).toContain('Reason: Twilio reported undelivered (error 30003)');
  expect(duty[0].mail.text).toContain('The service is now trying SMS to Force control room.');
});

it('answers 204 and changes nothing for a message it does not know', async () => {
  const res = await callback({ MessageSid: `SM${'f'.repeat(32)}`, MessageStatus: 'failed' });
  expect(res.statusCode).toBe(204);
});

it('names a missing field with 400 once the signature is good', async () => {
  const res = await callback({ MessageStatus: 'delivered' });
  expect(res.statusCode).toBe(400);
});

it('refuses a signed-looking callback with no body', async () => {
  const res = await t.app.server.inject({
    method: 'POST',
    url: '/webhooks/twilio/status',
    headers: { 'x-twilio-signature': 'abc=' },
  });
  expect(res.statusCode).toBe(403);
});
