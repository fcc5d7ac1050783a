// A call that is not accepted moves on as an undelivered text does: no answer, busy, voicemail
// (answering-machine detection) and no key pressed each fail the call, queue its fallback (the
// contact's text, then email) and tell the duty manager; the police step's repeat calls again. A
// voicemail hears a short message with no details and never counts as an acknowledgement.
import type { Fallback } from '../../src/notifications/notification.entity';
import { buildDeliveryTestApp, DeliveryTestApp, PUBLIC_BASE_URL, reload } from '../support/delivery';
import { childPlaced, reportMissing, rowsOf } from '../support/escalation-fixtures';
import type { FakeCall } from '../support/fake-twilio';
import { callStatus, fetchTwiml, pressKey, saidIn } from '../support/twilio-voice';

let t: DeliveryTestApp;
const signed = { publicBaseUrl: PUBLIC_BASE_URL };
const DUTY_MOBILE = '+447700900203'; // the demo duty manager (seeds/demo-data.ts)
const q = (sql: string, params: unknown[]) => t.app.db.dataSource.query(sql, params);
const drain = () => t.app.services.dispatcher.drain();

beforeAll(async () => {
  t = await buildDeliveryTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => t.twilio.reset());

let calls = 0;
/** One call needing acknowledgement, queued as the ladder queues one, falling back to a text then an email. */
async function queueCall(): Promise<{ id: string; call: FakeCall; voice: string; mobile: string }> {
  calls += 1;
  const voice = `+44113496${String(calls).padStart(4, '0')}`;
  const mobile = `+4477009006${String(calls).padStart(2, '0')}`;
  const fallbacks: Fallback[] = [
    { channel: 'sms', address: mobile, recipientType: 'contact', recipientId: null, recipientName: 'CEOP duty desk' },
    {
      channel: 'email',
      address: 'ceop@example.org',
      recipientType: 'contact',
      recipientId: null,
      recipientName: 'CEOP duty desk',
    },
  ];
  const n = await t.app.db.dataSource.transaction((tx) =>
    t.app.services.outbox.enqueue(tx, {
      authorityId: t.authorityId,
      stepKey: 'plus_48h#0',
      channel: 'voice',
      template: 'escalation-48h',
      data: { childRef: 'K7Q2', episodeRef: `E-V${calls}`, authorityName: 'Demo Borough', riskLabel: 'High risk' },
      needsAck: true,
      fallbacks,
      recipient: { type: 'contact', id: null, name: 'CEOP duty desk', address: voice },
    }),
  );
  await drain();
  const call = t.twilio.calls.find((c) => c.to === voice)!;
  return { id: n!.id, call, voice, mobile };
}

async function historyOf(id: string): Promise<string[]> {
  const rows: { status: string; detail: string | null }[] = await q(
    'SELECT status, detail FROM notification_events WHERE notification_id = $1 ORDER BY id',
    [id],
  );
  return rows.map((r) => `${r.status}${r.detail ? `: ${r.detail}` : ''}`);
}

const failedTo = (id: string) =>
  q(`SELECT channel, address, status FROM notifications WHERE fallback_of = $1`, [id]) as Promise<object[]>;

it.each([
  ['no-answer', 'there was no answer'],
  ['busy', 'the line was busy'],
  ['failed', 'the call could not be placed'],
])('a %s call fails and falls back to a text, and the duty manager is told', async (status, reason) => {
  const { id, call, mobile } = await queueCall();
  expect((await callStatus(t.app.server, call, 'ringing', signed)).statusCode).toBe(204);
  expect((await callStatus(t.app.server, call, status, signed)).statusCode).toBe(204);
  expect(await reload(t.app, id)).toMatchObject({ status: 'failed', lastError: reason });
  expect(await failedTo(id)).toEqual([{ channel: 'sms', address: mobile, status: 'queued' }]);
  await drain();
  expect(t.twilio.messages.map((m) => m.to).sort()).toEqual([mobile, DUTY_MOBILE].sort());
  expect(t.twilio.messages.find((m) => m.to === mobile)!.body).toContain('still missing after 48h');
  expect(t.twilio.messages.find((m) => m.to === DUTY_MOBILE)!.body).toMatch(/phone call/i);
  // A replayed callback changes nothing: no second fallback, no second alert.
  expect((await callStatus(t.app.server, call, status, signed)).statusCode).toBe(204);
  await drain();
  expect(t.twilio.messages).toHaveLength(2);
  expect((await historyOf(id)).filter((h) => h.startsWith('failed'))).toEqual([`failed: ${reason}`]);
});

it('a voicemail hears a short message with no details, and is not an acknowledgement', async () => {
  const { id, call, mobile } = await queueCall();
  const twiml = await fetchTwiml(t.app.server, call, signed, 'machine_end_beep');
  expect(twiml.statusCode).toBe(200);
  expect(twiml.payload).not.toContain('<Gather');
  const said = saidIn(twiml.payload).join(' ');
  expect(said).toMatch(
    /^This is an automated call from the Missing children safeguarding service with an urgent alert/,
  );
  expect(said).not.toMatch(/Echo|Victor|Demo Borough|risk|48/i);
  await callStatus(t.app.server, call, 'completed', signed, 'machine_end_beep');
  expect(await reload(t.app, id)).toMatchObject({
    status: 'failed',
    acknowledgedAt: null,
    lastError: 'the call went to voicemail, which is not an acknowledgement',
  });
  expect(await historyOf(id)).toContain('voicemail: answered by a machine (machine_end_beep)');
  expect(await failedTo(id)).toEqual([{ channel: 'sms', address: mobile, status: 'queued' }]);
});

it('no key pressed: the call says so, fails and falls back; the completed callback after it adds nothing', async () => {
  const { id, call, mobile } = await queueCall();
  const twiml = await fetchTwiml(t.app.server, call, signed);
  await callStatus(t.app.server, call, 'in-progress', signed);
  expect((await reload(t.app, id)).status).toBe('delivered');
  const none = await pressKey(t.app.server, twiml.payload, call, '', signed);
  expect(saidIn(none.payload)[0]).toBe(
    'No key was pressed, so the alert has not been accepted. It will be sent on to others. Goodbye.',
  );
  expect(await reload(t.app, id)).toMatchObject({
    status: 'failed',
    lastError: 'the call was answered but no key was pressed',
  });
  await callStatus(t.app.server, call, 'completed', signed, 'human');
  expect((await historyOf(id)).filter((h) => h.startsWith('failed'))).toHaveLength(1);
  expect(await failedTo(id)).toEqual([{ channel: 'sms', address: mobile, status: 'queued' }]);
});

it('an accepted call stays accepted whatever status follows', async () => {
  const { id, call } = await queueCall();
  const twiml = await fetchTwiml(t.app.server, call, signed);
  await pressKey(t.app.server, twiml.payload, call, '1', signed);
  await callStatus(t.app.server, call, 'completed', signed, 'human');
  expect((await reload(t.app, id)).status).toBe('acknowledged');
  expect(await failedTo(id)).toEqual([]);
});

it("the police call not answered: the duty manager hears, the step's repeat calls again, and the episode shows it", async () => {
  const child = await childPlaced(t.app, { trafficking: 'confirmed', daysAgo: 1 });
  const episode = await reportMissing(t.app, child.id);
  await drain();
  const [first] = t.twilio.calls;
  await callStatus(t.app.server, first, 'no-answer', signed);
  await drain();
  // The control room was texted and emailed at the report already, so the call has no fallback of its own.
  expect(await rowsOf(t.app, episode.id, 'report_police#0')).toEqual([
    'report_police#0 email Force control room missing-alert',
    'report_police#0 sms Force control room missing-alert',
    'report_police#0 voice Force control room missing-alert',
  ]);
  expect(
    t.twilio.messages
      .filter((m) => m.to === DUTY_MOBILE && m.body.startsWith('ALERT NOT DELIVERED'))
      .map((m) => m.body),
  ).toEqual(['ALERT NOT DELIVERED: a message to Force control room by phone call failed. Check failed notifications.']);
  t.app.clock.advance(15 * 60_000);
  await t.app.services.escalation.sweep();
  await drain();
  expect(t.twilio.calls.map((c) => c.to)).toEqual([first.to, first.to]);
  const page = await t.app.server.inject({
    method: 'GET',
    url: `/api/v1/episodes/${episode.id}/notifications`,
    headers: { authorization: `Bearer ${await t.app.tokenFor('social_worker')}` },
  });
  const voice = (page.result as { channel: string; status: string; lastError: string | null }[]).filter(
    (n) => n.channel === 'voice',
  );
  expect(voice.map((n) => [n.status, n.lastError])).toEqual([
    ['failed', 'there was no answer'],
    ['sent', null],
  ]);
});
