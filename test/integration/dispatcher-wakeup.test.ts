// The running dispatcher is woken by the commit itself (LISTEN/NOTIFY), not by its poll, keeps
// listening after its connection is cut, and wakes itself for a retry that falls due.
import { loadConfig } from '../../src/config';
import { LISTENER_APPLICATION_NAME } from '../../src/notifications/outbox-listener';
import { systemClock } from '../../src/platform/clock';
import { createServices } from '../../src/services';
import { alertData, buildDeliveryTestApp, deliveryEnv, DeliveryTestApp, queueAlert } from '../support/delivery';
import { testLogger } from '../support/quiet-logger';
import { eventually } from '../support/wait';

let t: DeliveryTestApp;
// A poll of ten minutes: anything delivered within the test was delivered because of a wake-up.
beforeAll(async () => {
  t = await buildDeliveryTestApp({ DISPATCH_POLL_SECONDS: '600' });
});
afterAll(async () => {
  await t.app.services.dispatcher.stop();
  await t.close();
});

async function listenerPid(): Promise<number | null> {
  const rows: { pid: number }[] = await t.app.db.dataSource.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND query ILIKE 'LISTEN%'`,
    [LISTENER_APPLICATION_NAME],
  );
  return rows[0]?.pid ?? null;
}

it('sends a message as soon as the transaction that queued it commits', async () => {
  await t.app.services.dispatcher.start();
  const pid = await eventually(listenerPid, 'the listener');
  expect(pid).toBeGreaterThan(0);
  await queueAlert(t.app, { authorityId: t.authorityId, channel: 'sms', address: '+447700900701' });
  await t.twilio.waitFor(1);
  expect(t.twilio.to('+447700900701')).toHaveLength(1);
});

it('reconnects when its listening connection is cut, and is woken by commits again', async () => {
  const before = await eventually(listenerPid, 'the listener');
  await t.app.db.dataSource.query('SELECT pg_terminate_backend($1)', [before]);
  const after = await eventually(async () => {
    const pid = await listenerPid();
    return pid && pid !== before ? pid : null;
  }, 'a new listener');
  expect(after).not.toBe(before);
  await queueAlert(t.app, { authorityId: t.authorityId, channel: 'email', address: 'after.reconnect@example.org' });
  await t.smtp.waitFor(1);
  expect(t.smtp.to('after.reconnect@example.org')).toHaveLength(1);
});

it('wakes itself when a retry falls due before the next poll', async () => {
  await t.app.services.dispatcher.stop();
  const config = loadConfig({
    NODE_ENV: 'test',
    ...deliveryEnv(t.twilio, t.smtp),
    DISPATCH_BASE_DELAY_SECONDS: '0.5',
    DISPATCH_POLL_SECONDS: '600',
  });
  const { dispatcher } = createServices({ db: t.app.db.dataSource, clock: systemClock, config, logger: testLogger() });
  await dispatcher.start();
  try {
    t.twilio.reset();
    t.twilio.failNext(1, 503);
    await t.app.db.dataSource.transaction((tx) =>
      t.app.services.outbox.enqueue(tx, {
        authorityId: t.authorityId,
        channel: 'sms',
        template: 'missing-alert',
        data: alertData('E-RETRY'),
        notBefore: systemClock.now(),
        recipient: { type: 'contact', id: null, name: 'Police control room', address: '+447700900702' },
      }),
    );
    await t.twilio.waitFor(1);
    expect(t.twilio.requests).toBe(2);
    expect(t.twilio.to('+447700900702')).toHaveLength(1);
  } finally {
    await dispatcher.stop();
  }
});
