// In a burst the alert that matters leaves first: a police text queued while other messages are
// stuck at the provider goes out at once, in its own lane, and nothing is lost or sent twice.
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
