// Every voice webhook verifies X-Twilio-Signature over the public URL and fails closed (403) before
// it reads anything: a forged, missing or re-aimed signature changes nothing. A CallSid that is not
// the call's own (unknown, or another call's) is answered but changes nothing either.
import twilio from 'twilio';

import { buildDeliveryTestApp, DeliveryTestApp, PUBLIC_BASE_URL, queueAlert, reload } from '../support/delivery';
import { FAKE_AUTH_TOKEN, FakeCall } from '../support/fake-twilio';
import { callStatus, fetchTwiml, postAsTwilio, pressKey, saidIn } from '../support/twilio-voice';

let t: DeliveryTestApp;
const signed = { publicBaseUrl: PUBLIC_BASE_URL };
const q = (sql: string, params: unknown[]) => t.app.db.dataSource.query(sql, params);

beforeAll(async () => {
  t = await buildDeliveryTestApp();
});
afterAll(async () => {
  await t.close();
});

let n = 0;
async function aCall(): Promise<{ id: string; call: FakeCall; twiml: string }> {
  n += 1;
  const voice = `+44207946${String(700 + n).padStart(4, '0')}`;
  const queued = await t.app.db.dataSource.transaction((tx) =>
    t.app.services.outbox.enqueue(tx, {
      authorityId: t.authorityId,
      stepKey: 'plus_48h#0',
      channel: 'voice',
      template: 'escalation-48h',
      data: { episodeRef: `E-T${n}`, authorityName: 'Demo Borough', riskLabel: 'High risk' },
      needsAck: true,
      recipient: { type: 'contact', id: null, name: 'CEOP duty desk', address: voice },
    }),
  );
  await t.app.services.dispatcher.drain();
  const call = t.twilio.calls.find((c) => c.to === voice)!;
  return { id: queued!.id, call, twiml: (await fetchTwiml(t.app.server, call, signed)).payload };
}

const eventsOf = async (id: string) =>
  (await q('SELECT count(*)::int AS n FROM notification_events WHERE notification_id = $1', [id]))[0].n as number;

it.each([
  ['a forged signature', { signature: 'bm90LWEtc2lnbmF0dXJl' }],
  ['no signature', { signature: null }],
  ['the wrong auth token', { authToken: 'not-the-account-token' }],
  ['a signature for another address', { publicBaseUrl: 'https://attacker.example.net' }],
])('%s is refused on every voice webhook, and changes nothing', async (_what, forged) => {
  const { id, call, twiml } = await aCall();
  const before = await eventsOf(id);
  const as = { ...signed, ...forged };
  const answered = await fetchTwiml(t.app.server, call, as);
  expect(answered.statusCode).toBe(403);
  expect(answered.payload).not.toContain('<Say');
  expect((await pressKey(t.app.server, twiml, call, '1', as)).statusCode).toBe(403);
  expect((await callStatus(t.app.server, call, 'no-answer', as)).statusCode).toBe(403);
  expect(await reload(t.app, id)).toMatchObject({ status: 'sent', acknowledgedAt: null, lastError: null });
  expect(await eventsOf(id)).toBe(before);
});

it('a signature over one call cannot press 1 on another', async () => {
  const one = await aCall();
  const other = await aCall();
  const params = { AccountSid: 'x', CallSid: one.call.sid, Digits: '1' };
  const stolen = twilio.getExpectedTwilioSignature(
    FAKE_AUTH_TOKEN,
    `${PUBLIC_BASE_URL}/webhooks/twilio/voice/${one.id}/keys`,
    params,
  );
  const res = await postAsTwilio(t.app.server, `/webhooks/twilio/voice/${other.id}/keys`, params, {
    ...signed,
    signature: stolen,
  });
  expect(res.statusCode).toBe(403);
  expect((await reload(t.app, other.id)).status).toBe('sent');
});

it("an unknown CallSid, or another call's, is told nothing was recorded, and changes nothing", async () => {
  const { id, call, twiml } = await aCall();
  const other = await aCall();
  const before = await eventsOf(id);
  for (const sid of [`CA${'f'.repeat(32)}`, other.call.sid]) {
    const res = await pressKey(t.app.server, twiml, { ...call, sid }, '1', signed);
    expect(res.statusCode).toBe(200);
    expect(saidIn(res.payload)[0]).toBe(
      'This call could not be matched to an alert, so nothing has been recorded. Please check your text messages and email. Goodbye.',
    );
    const answered = await fetchTwiml(t.app.server, { ...call, sid }, signed);
    expect(answered.payload).not.toContain('<Gather');
  }
  expect(
    (await callStatus(t.app.server, { ...call, sid: `CA${'e'.repeat(32)}` }, 'no-answer', signed)).statusCode,
  ).toBe(204);
  expect(await reload(t.app, id)).toMatchObject({ status: 'sent', acknowledgedAt: null });
  expect(await reload(t.app, other.id)).toMatchObject({ status: 'sent', acknowledgedAt: null });
  expect(await eventsOf(id)).toBe(before);
});

it('a key press on a message that is not a call (a text awaiting ACK) changes nothing', async () => {
  const text = await queueAlert(t.app, { authorityId: t.authorityId, channel: 'sms', address: '+447700900777' });
  await t.app.services.dispatcher.drain();
  const path = `/webhooks/twilio/voice/${text.id}/keys`;
  const res = await postAsTwilio(t.app.server, path, { CallSid: `CA${'d'.repeat(32)}`, Digits: '1' }, signed);
  expect(res.statusCode).toBe(200);
  expect(saidIn(res.payload)[0]).toMatch(/could not be matched/);
  expect(await reload(t.app, text.id)).toMatchObject({ status: 'sent', acknowledgedAt: null });
});
