// Several dispatchers on one database: two instances share the work with no message sent twice and
// none lost; a dispatcher whose send is slow keeps its claim past the lease, so no other sends it
// again; and a dispatcher killed mid-send (SIGKILL, a real second process) loses nothing: after
// its claims lapse another instance sends the rest, repeating at most the messages in flight.
import { spawn } from 'node:child_process';
import path from 'node:path';

import { entities } from '../../src/entities';
import { DeliveryFailureService } from '../../src/notifications/delivery-failure.service';
import { Dispatcher } from '../../src/notifications/dispatcher';
import { createDataSource } from '../../src/platform/database/data-source';
import { createServices } from '../../src/services';
import type { TestApp } from '../support/app';
import { buildDeliveryTestApp, deliveryEnv, DeliveryTestApp, queueAlert } from '../support/delivery';
import { testLogger } from '../support/quiet-logger';
import { eventually } from '../support/wait';

let t: DeliveryTestApp;
// A provider timeout long enough for the slow send below to be slow rather than failed.
beforeAll(async () => {
  t = await buildDeliveryTestApp({ PROVIDER_TIMEOUT_SECONDS: '15' });
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.twilio.reset();
  t.smtp.reset();
});

async function queueMany(prefix: string, count: number): Promise<string[]> {
  const refs = Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
  for (const episodeRef of refs)
    await queueAlert(t.app, {
      authorityId: t.authorityId,
      channel: 'sms',
      address: '+447700900600',
      episodeRef,
      needsAck: false,
    });
  return refs;
}

/** How many times the fake received each episode's message. */
function receivedCounts(refs: string[]): Map<string, number> {
  const counts = new Map(refs.map((r) => [r, 0]));
  for (const m of t.twilio.messages) {
    const ref = /episode ([\w-]+)\)/.exec(m.body)?.[1];
    if (ref && counts.has(ref)) counts.set(ref, counts.get(ref)! + 1);
  }
  return counts;
}

function dispatcherOn(
  app: TestApp,
  services: ReturnType<typeof createServices>,
  db = app.db.dataSource,
  leaseMs = 120_000,
): Dispatcher {
  const { sms, email } = services.providers;
  return new Dispatcher(
    {
      db,
      clock: app.clock,
      sms,
      email,
      failures: new DeliveryFailureService(services.outbox, testLogger()),
      logger: testLogger(),
    },
    {
      retry: { maxAttempts: 6, baseDelayMs: 5000 },
      leaseMs,
      pollMs: 60_000,
      giveWayMs: app.config.dispatch.giveWayMs,
      publicBaseUrl: app.config.publicBaseUrl,
      batchSize: 7,
      concurrency: 4,
    },
  );
}

it('two dispatchers on two connections pools share 100 messages: none twice, none lost', async () => {
  const refs = await queueMany('E-PAIR', 100);
  const secondDb = createDataSource(t.app.db.url, entities, 5);
  await secondDb.initialize();
  try {
    const secondServices = createServices({
      db: secondDb,
      clock: t.app.clock,
      config: t.app.config,
      logger: testLogger(),
    });
    const one = dispatcherOn(t.app, t.app.services);
    const two = dispatcherOn(t.app, secondServices, secondDb);
    const [a, b] = await Promise.all([one.drain(), two.drain()]);
    expect(a.sent + b.sent).toBe(100);
    expect(a.claimed + b.claimed).toBe(100);
    expect([...receivedCounts(refs).values()].every((c) => c === 1)).toBe(true);
    expect(t.twilio.messages).toHaveLength(100);
    const [{ count }] = await t.app.db.dataSource.query(
      `SELECT count(*)::int AS count FROM notifications WHERE data->>'episodeRef' LIKE 'E-PAIR-%' AND status = 'sent'`,
    );
    expect(count).toBe(100);
  } finally {
    await secondDb.destroy();
  }
});

it('a dispatcher whose send outlasts its lease keeps the claim, so another dispatcher does not send the message again', async () => {
  const [ref] = await queueMany('E-SLOW', 1);
  const leaseMs = 900; // the keeper looks every 300 ms (real time); the clock moves by hand
  const slow = dispatcherOn(t.app, t.app.services, undefined, leaseMs);
  const other = dispatcherOn(t.app, t.app.services, undefined, leaseMs);
  const claimedAt = t.app.clock.now().getTime();
  const claimedUntil = async (): Promise<number> =>
    (
      await t.app.db.dataSource.query(`SELECT claimed_until FROM notifications WHERE data->>'episodeRef' = $1`, [ref])
    )[0].claimed_until?.getTime() ?? 0;
  t.twilio.slowNext(1, 6_000); // seconds of margin for the steps below on a busy machine
  const sending = slow.drain();
  await eventually(() => (t.twilio.requests > 0 ? true : null), 'the slow send to reach the fake');
  expect(await claimedUntil()).toBe(claimedAt + leaseMs);
  // Two thirds of the lease gone while the provider has not answered: the claim is extended.
  t.app.clock.advance(600);
  await eventually(
    async () => ((await claimedUntil()) === claimedAt + 600 + leaseMs ? true : null),
    'the claim to be extended',
  );
  // Past the first lease (a dead instance's claim would lapse here), within the extended one.
  t.app.clock.advance(600);
  const taken = await other.drain();
  expect(t.twilio.messages).toHaveLength(0); // the slow send had still not been answered
  expect(taken.claimed).toBe(0);
  expect((await sending).sent).toBe(1);
  expect(receivedCounts([ref]).get(ref)).toBe(1);
  const [row] = await t.app.db.dataSource.query(
    `SELECT status, attempts, claimed_until FROM notifications WHERE data->>'episodeRef' = $1`,
    [ref],
  );
  expect(row).toEqual({ status: 'sent', attempts: 1, claimed_until: null });
});

it('a dispatcher killed between sending and recording loses nothing and repeats only what was in flight', async () => {
  // The child process dispatches on the system clock, so its messages are queued on it too.
  t.app.clock.set(new Date());
  const refs = await queueMany('E-CRASH', 30);
  // The first 8 requests are answered and recorded; the next ones are accepted but never answered,
  // so the child is stuck between "sent" and "recorded" when it is killed.
  t.twilio.hangNext(100, 120_000, { record: true, after: 8 });
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../support/dispatcher-child.ts')], {
    env: {
      ...process.env,
      ...deliveryEnv(t.twilio, t.smtp),
      CHILD_DATABASE_URL: t.app.db.url,
      DISPATCH_LEASE_SECONDS: '10',
      PROVIDER_TIMEOUT_SECONDS: '110',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const sentRefs = async (): Promise<string[]> =>
    (
      await t.app.db.dataSource.query(
        `SELECT data->>'episodeRef' AS ref FROM notifications WHERE data->>'episodeRef' LIKE 'E-CRASH-%' AND status = 'sent'`,
      )
    ).map((r: { ref: string }) => r.ref);
  let recordedBeforeCrash: string[] = [];
  try {
    // The child starts through tsx, compiling the service as it loads; on a busy 2-core machine
    // (the several-instances test compiling three services at once) that alone has taken a minute.
    await t.twilio.waitFor(12, 150_000);
    recordedBeforeCrash = await eventually(
      async () => {
        const refs = await sentRefs();
        return refs.length === 8 ? refs : null;
      },
      'the 8 answered sends to be recorded',
      30_000,
    );
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${(err as Error).message}; child said: ${stderr}`, { cause: err });
  }
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  const beforeCrash = new Set(t.twilio.messages.map((m) => /episode ([\w-]+)\)/.exec(m.body)![1]));
  const stuck: { status: string; n: number }[] = await t.app.db.dataSource.query(
    `SELECT status, count(*)::int AS n FROM notifications WHERE data->>'episodeRef' LIKE 'E-CRASH-%' GROUP BY status ORDER BY status`,
  );
  expect(stuck.find((s) => s.status === 'sending')?.n).toBeGreaterThan(0);

  t.twilio.reset();
  t.app.clock.set(new Date(Date.now() + 11_000));
  await t.app.services.dispatcher.drain();
  const afterCounts = receivedCounts(refs);
  const total = new Map(refs.map((r) => [r, (beforeCrash.has(r) ? 1 : 0) + afterCounts.get(r)!]));
  const duplicates = refs.filter((r) => total.get(r) === 2);
  process.stdout.write(
    `crash test: ${beforeCrash.size} messages reached the fake before SIGKILL; ${duplicates.length} were sent twice: ${duplicates.join(', ') || 'none'}\n`,
  );

  expect(refs.every((r) => total.get(r)! >= 1 && total.get(r)! <= 2)).toBe(true);
  expect(duplicates.every((r) => beforeCrash.has(r))).toBe(true);
  expect(duplicates.filter((r) => recordedBeforeCrash.includes(r))).toEqual([]);
  const [{ sent }] = await t.app.db.dataSource.query(
    `SELECT count(*)::int AS sent FROM notifications WHERE data->>'episodeRef' LIKE 'E-CRASH-%' AND status = 'sent'`,
  );
  expect(sent).toBe(30);
}, 240_000);
