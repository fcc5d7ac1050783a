// In a burst the alert that matters leaves first: a police text queued while other messages are
// stuck at the provider goes out at once, in its own lane, and nothing is lost or sent twice; and
// the team's copies give way to alerts being sent, for a bounded time (DISPATCH_GIVE_WAY_SECONDS).
import type { TestApp } from '../support/app';
import { buildDeliveryTestApp, DeliveryTestApp, queueAlert } from '../support/delivery';
import { eventually } from '../support/wait';

let t: DeliveryTestApp;
beforeAll(async () => {
  t = await buildDeliveryTestApp({ PROVIDER_TIMEOUT_SECONDS: '30' });
});
afterAll(async () => {
  await t.close();
});

const statuses = async (ids: string[]): Promise<string[]> =>
  (await t.app.db.dataSource.query('SELECT status FROM notifications WHERE id = ANY($1) ORDER BY id', [ids])).map(
    (r: { status: string }) => r.status,
  );

it('sends a police text queued while the team’s texts hang at Twilio, without waiting for them', async () => {
  const team = await Promise.all(
    [1, 2, 3, 4].map((i) =>
      queueAlert(t.app, {
        authorityId: t.authorityId,
        channel: 'sms',
        address: `+44770090061${i}`,
        name: 'Social worker',
        episodeRef: `E-TEAM${i}`,
        needsAck: false,
      }),
    ),
  );
  t.twilio.hangNext(4, 6_000); // accepted by nobody: held, then the connection dropped
  const draining = t.app.services.dispatcher.drain();
  await eventually(() => (t.twilio.requests >= 4 ? true : null), 'the team texts to reach Twilio');

  await queueAlert(t.app, {
    authorityId: t.authorityId,
    channel: 'sms',
    address: '+447700900201',
    episodeRef: 'E-POLICE',
    needsAck: true,
  });
  t.app.services.dispatcher.wake(); // what the commit's NOTIFY does in the service
  await t.twilio.waitFor(1);
  expect(t.twilio.messages.map((m) => m.to)).toEqual(['+447700900201']);
  expect(await statuses(team.map((n) => n.id))).toEqual(['sending', 'sending', 'sending', 'sending']);

  await draining;
  t.app.clock.advanceMinutes(20); // past the backoff of the dropped attempts
  await t.app.services.dispatcher.drain();
  expect(await statuses(team.map((n) => n.id))).toEqual(['sent', 'sent', 'sent', 'sent']);
  expect(t.twilio.messages.map((m) => m.to).sort()).toEqual([
    '+447700900201',
    '+447700900611',
    '+447700900612',
    '+447700900613',
    '+447700900614',
  ]);
}, 60_000);

const TEAM = '+447700900611';
const POLICE = '+447700900201';

/** Queues the team's text (no acknowledgement needed) and then the police text (needs one). */
async function teamThenPolice(app: TestApp, authorityId: string): Promise<void> {
  await queueAlert(app, { authorityId, channel: 'sms', address: TEAM, episodeRef: 'E-TEAM', needsAck: false });
  await queueAlert(app, { authorityId, channel: 'sms', address: POLICE, episodeRef: 'E-POLICE', needsAck: true });
}

/** When each number's text reached Twilio, in milliseconds after the police text's. */
const afterPolice = (d: DeliveryTestApp): Record<string, number> => {
  const at = new Map(d.twilio.messages.map((m) => [m.to, m.receivedAt]));
  return Object.fromEntries([...at].map(([to, ms]) => [to, ms - at.get(POLICE)!]));
};

it('holds the team’s text back while a police text is being sent, then sends it', async () => {
  t.twilio.reset();
  await teamThenPolice(t.app, t.authorityId);
  t.twilio.slowNext(1, 1_500); // the first text to reach Twilio is accepted only after 1.5 s
  await t.app.services.dispatcher.drain();
  const at = afterPolice(t);
  expect(Object.keys(at).sort()).toEqual([POLICE, TEAM]);
  expect(at[TEAM]).toBeGreaterThanOrEqual(1_400); // sent once the police text was done, not beside it
}, 30_000);

describe('with DISPATCH_GIVE_WAY_SECONDS=0.3', () => {
  let short: DeliveryTestApp;
  beforeAll(async () => {
    short = await buildDeliveryTestApp({ PROVIDER_TIMEOUT_SECONDS: '30', DISPATCH_GIVE_WAY_SECONDS: '0.3' });
  });
  afterAll(async () => {
    await short.close();
  });

  it('sends the team’s text after 0.3 s even though the police text is still at Twilio', async () => {
    await teamThenPolice(short.app, short.authorityId);
    short.twilio.slowNext(1, 3_000);
    await short.app.services.dispatcher.drain();
    const at = afterPolice(short);
    expect(at[TEAM]).toBeGreaterThanOrEqual(250);
    expect(at[TEAM]).toBeLessThan(2_000);
  }, 30_000);
});
