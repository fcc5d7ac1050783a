// Calls to control rooms (issue 26) through the real twilio SDK against the fake Twilio API: a
// high-risk child's report calls the police control room's voice number; the TwiML, fetched signed
// as Twilio fetches it, reads the reference spelled out and the risk, never a name; pressing 1
// acknowledges the police step (timeline, audit, no repeats); 2 reads it again. A child not at high
// risk is called only when the police alert is still unacknowledged after 15 minutes.
import { buildDeliveryTestApp, DeliveryTestApp, PUBLIC_BASE_URL } from '../support/delivery';
import { childPlaced, reportMissing, rowsOf } from '../support/escalation-fixtures';
import type { FakeCall } from '../support/fake-twilio';
import { fetchTwiml, pressKey, saidIn } from '../support/twilio-voice';

let t: DeliveryTestApp;
const signed = { publicBaseUrl: PUBLIC_BASE_URL };
const POLICE_VOICE = '+442079460201'; // the demo police control room's number to call (seeds/demo-data.ts)
const q = (sql: string, params: unknown[]) => t.app.db.dataSource.query(sql, params);
const drain = () => t.app.services.dispatcher.drain();

beforeAll(async () => {
  t = await buildDeliveryTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => t.twilio.reset());

async function reportedHighRisk() {
  const child = await childPlaced(t.app, { trafficking: 'suspected', daysAgo: 2 });
  const episode = await reportMissing(t.app, child.id);
  await drain();
  return { child, episode };
}

function policeCall(): FakeCall {
  const calls = t.twilio.calls.filter((c) => c.to === POLICE_VOICE);
  expect(calls).toHaveLength(1);
  return calls[0];
}

it("a high-risk child's report calls the police control room, and pressing 1 acknowledges the police step", async () => {
  const { child, episode } = await reportedHighRisk();
  const call = policeCall();
  const [row] = await q(
    `SELECT id, status, provider_id, body_text FROM notifications WHERE episode_id = $1 AND channel = 'voice'`,
    [episode.id],
  );
  // What the Calls resource received: the service's own TwiML route, the status callback, machine detection.
  expect(call).toMatchObject({
    url: `${PUBLIC_BASE_URL}/webhooks/twilio/voice/${row.id}`,
    method: 'POST',
    statusCallback: `${PUBLIC_BASE_URL}/webhooks/twilio/voice-status`,
    machineDetection: 'Enable',
  });
  expect(row).toMatchObject({ status: 'sent', provider_id: call.sid });
  expect(await rowsOf(t.app, episode.id, 'report_police#0')).toContain(
    'report_police#0 voice Force control room missing-alert',
  );

  const twiml = await fetchTwiml(t.app.server, call, signed);
  expect(twiml.statusCode).toBe(200);
  expect(twiml.headers['content-type']).toMatch(/text\/xml/);
  expect(twiml.payload).toMatch(/<Gather numDigits="1" action="[^"]+\/keys" method="POST"/);
  const words = saidIn(twiml.payload).join(' ');
  const spelled = episode.reference
    .replace(/-/g, '')
    .split('')
    .map((c) => (/\d/.test(c) ? '' : c));
  expect(words).toContain('Missing children safeguarding service');
  expect(words).toContain('A child in the care of Demo Borough is missing.');
  expect(words).toContain('High risk.');
  expect(words).toContain('Press 1 to accept this alert. Press 2 to hear it again.');
  for (const letter of spelled.filter(Boolean)) expect(words).toMatch(new RegExp(`\\b${letter}[a-z-]+`));
  expect(words).not.toContain(episode.reference); // spelled out, never read as one word
  expect(words).not.toMatch(/Secret|Name|Hidden|Red coat|Bus station/); // nothing identifying
  expect(row.body_text).toBe(saidIn(twiml.payload)[0]);

  const pressed = await pressKey(t.app.server, twiml.payload, call, '1', signed);
  expect(pressed.statusCode).toBe(200);
  expect(saidIn(pressed.payload)[0]).toMatch(/^You pressed 1\. You have accepted the alert/);
  expect(pressed.payload).toContain('<Hangup/>');
  expect(await q(`SELECT status FROM notifications WHERE id = $1`, [row.id])).toEqual([{ status: 'acknowledged' }]);
  expect(
    await q(
      `SELECT actor_name, step_key, summary FROM episode_events WHERE episode_id = $1 AND type = 'acknowledged'`,
      [episode.id],
    ),
  ).toEqual([
    {
      actor_name: 'Force control room',
      step_key: 'report_police',
      summary:
        'Acknowledged by phone by Force control room (1 pressed on the call): the alert “Police control room told” will not be repeated.',
    },
  ]);
  expect(
    await q(`SELECT child_id, changes FROM audit_events WHERE entity_id = $1 AND action = 'acknowledge'`, [episode.id]),
  ).toEqual([
    {
      child_id: child.id,
      changes: expect.objectContaining({ via: 'phone', steps: ['report_police'], contact: 'Force control room' }),
    },
  ]);

  // Acknowledged: neither the texts nor the call repeat, and the missing persons unit is not escalated to.
  t.app.clock.advance(31 * 60_000);
  await t.app.services.escalation.sweep();
  expect(await rowsOf(t.app, episode.id, 'report_police#1')).toEqual([]);
  expect(await rowsOf(t.app, episode.id, 'report_police_next')).toEqual([]);
});

it('2 reads the alert again, another key is read back, and a replayed 1 changes nothing more', async () => {
  const { episode } = await reportedHighRisk();
  const call = policeCall();
  const first = await fetchTwiml(t.app.server, call, signed);
  const again = await pressKey(t.app.server, first.payload, call, '2', signed);
  expect(saidIn(again.payload)[0]).toBe('You pressed 2. Here is the alert again.');
  expect(saidIn(again.payload)[1]).toBe(saidIn(first.payload)[0]);
  const other = await pressKey(t.app.server, again.payload, call, '7', signed);
  expect(saidIn(other.payload)[0]).toBe('You pressed 7. That is not one of the choices.');
  expect(other.payload).toContain('<Gather');
  const [{ status }] = await q(`SELECT status FROM notifications WHERE episode_id = $1 AND channel = 'voice'`, [
    episode.id,
  ]);
  expect(status).toBe('sent'); // neither 2 nor 7 acknowledges anything

  expect((await pressKey(t.app.server, other.payload, call, '1', signed)).statusCode).toBe(200);
  const replay = await pressKey(t.app.server, other.payload, call, '1', signed);
  expect(replay.statusCode).toBe(200);
  expect(
    await q(`SELECT count(*)::int AS n FROM episode_events WHERE episode_id = $1 AND type = 'acknowledged'`, [
      episode.id,
    ]),
  ).toEqual([{ n: 1 }]);
  const history: { status: string; detail: string }[] = await q(
    `SELECT e.status, e.detail FROM notification_events e JOIN notifications n ON n.id = e.notification_id
    WHERE n.episode_id = $1 AND n.channel = 'voice' ORDER BY e.id`,
    [episode.id],
  );
  expect(history.filter((h) => h.status === 'acknowledged')).toHaveLength(1);
  expect(history.filter((h) => h.status === 'key').map((h) => h.detail)).toEqual([
    '2 pressed: the alert was read again',
    '7 pressed: the alert was read again',
  ]);
});

it('a child not at high risk is called only once the police alert is 15 minutes unacknowledged', async () => {
  const child = await childPlaced(t.app, { trafficking: 'not_trafficked', daysAgo: 60 });
  const episode = await reportMissing(t.app, child.id);
  await drain();
  expect(t.twilio.calls).toEqual([]);
  expect(await rowsOf(t.app, episode.id, 'report_police#0')).not.toContain(
    'report_police#0 voice Force control room missing-alert',
  );
  t.app.clock.advance(15 * 60_000);
  await t.app.services.escalation.sweep();
  await drain();
  expect(await rowsOf(t.app, episode.id, 'report_police#1')).toContain(
    'report_police#1 voice Force control room missing-alert',
  );
  const call = policeCall();
  const twiml = await fetchTwiml(t.app.server, call, signed);
  expect(saidIn(twiml.payload).join(' ')).toContain('Risk not yet graded.');
});
