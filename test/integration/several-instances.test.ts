// Three service processes on one database, as behind a load balancer: carers text MISSING for
// REPORTS children spread across them, one instance is killed (SIGKILL) part-way and restarted,
// and still every promised message reaches the fake Twilio API or the SMTP server once, and every
// escalation step ran once with exactly the messages it recorded. A message may go twice only where
// its send was not recorded: the kill fell between sending and recording (the killed instance's
// claim lapses and another sends it again), or a provider took the message but answered after the
// timeout, so it was retried. The test counts both from the messages' own histories and holds every
// repeat to one of them.
// REPORTS: the number of texts (SEVERAL_INSTANCES_REPORTS, 500 by default).
import { MAX_IN_FLIGHT } from '../../src/notifications/dispatcher';
import { bulkCarerMobile, createBulkCarers } from '../support/bulk-carers';
import { createTestDatabase, TestDatabase } from '../support/database';
import { deliveryEnv, PUBLIC_BASE_URL } from '../support/delivery';
import { FAKE_AUTH_TOKEN, FakeTwilio } from '../support/fake-twilio';
import { ServiceProcess } from '../support/service-process';
import { SmtpSink } from '../support/smtp-sink';
import { textOverHttp } from '../support/twilio-sms';
import { eventually } from '../support/wait';

const REPORTS = Number(process.env.SEVERAL_INSTANCES_REPORTS ?? 500);
const AT_A_TIME = 12;

let db: TestDatabase;
let twilio: FakeTwilio;
let smtp: SmtpSink;
const instances: ServiceProcess[] = [];

const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);

function start(): Promise<ServiceProcess> {
  return ServiceProcess.start({
    fromSource: true,
    env: {
      ...deliveryEnv(twilio, smtp),
      DATABASE_URL: db.url,
      NODE_ENV: 'production',
      SESSION_SECRET: 'several-instances-test-secret-0123456789',
      JOBS: 'true',
      WEBHOOK_RATE_LIMIT: '100000',
      DISPATCH_LEASE_SECONDS: '10',
      DISPATCH_POLL_SECONDS: '1',
    },
  });
}

beforeAll(async () => {
  db = await createTestDatabase(4);
  await createBulkCarers(db, REPORTS);
  twilio = await FakeTwilio.start();
  smtp = await SmtpSink.start();
  instances.push(...(await Promise.all([start(), start(), start()])));
}, 90_000);

afterAll(async () => {
  await Promise.all(instances.map((i) => i.stop('SIGKILL')));
  await twilio?.stop();
  await smtp?.stop();
  await db?.drop();
});

it(`sends every promised message once across three instances, one killed mid-run (${REPORTS} reports)`, async () => {
  const [{ since }] = await q('SELECT now() AS since');
  const statuses: number[] = [];
  let next = 0;
  let killed = false;
  const send = async (i: number) => {
    // A load balancer sends each text to a live instance; the one killed is skipped until it is back.
    for (let attempt = 0; ; attempt += 1) {
      const target = instances.filter((s) => s.alive)[(i + attempt) % instances.filter((s) => s.alive).length];
      try {
        statuses.push(
          (
            await textOverHttp(target.url, bulkCarerMobile(i), 'MISSING', {
              authToken: FAKE_AUTH_TOKEN,
              publicBaseUrl: PUBLIC_BASE_URL,
            })
          ).status,
        );
        return;
      } catch (err) {
        if (attempt > 5) throw err;
      }
    }
  };
  await Promise.all(
    Array.from({ length: AT_A_TIME }, async () => {
      while (next < REPORTS) {
        const i = ++next;
        if (!killed && i > REPORTS / 3) {
          killed = true;
          instances[0].kill('SIGKILL');
          void start().then((s) => {
            instances.push(s);
          });
        }
        await send(i);
      }
    }),
  );
  expect(statuses.filter((s) => s !== 200)).toEqual([]);
  expect(
    (
      await q(`SELECT count(*)::int AS n FROM missing_episodes e JOIN children c ON c.id = e.child_id
    WHERE c.local_id LIKE 'LOAD%' AND e.closed_at IS NULL AND e.reported_via = 'sms'`)
    )[0].n,
  ).toBe(REPORTS);

  // Every row the test caused leaves: none left queued, sending or failed (the demo data's own failures are older).
  let waiting: unknown = null;
  const expected: {
    id: string;
    channel: string;
    address: string;
    body_text: string;
    subject: string | null;
    attempts: number;
  }[] = await eventually(
    async () => {
      waiting = await q(
        `SELECT status, channel, count(*)::int AS n, min(last_error) AS error FROM notifications
      WHERE created_at >= $1 AND status NOT IN ('sent', 'delivered', 'acknowledged') GROUP BY 1, 2`,
        [since],
      );
      return (waiting as unknown[]).length === 0
        ? q('SELECT id, channel, address, body_text, subject, attempts FROM notifications WHERE sent_at >= $1', [since])
        : null;
    },
    'the outbox to drain',
    90_000,
  ).catch((err) => {
    throw new Error(`${err.message}: ${JSON.stringify(waiting)}`);
  });
  const sms = expected.filter((n) => n.channel === 'sms');
  const emails = expected.filter((n) => n.channel === 'email');
  await twilio.waitFor(sms.length, 30_000);
  await smtp.waitFor(emails.length, 30_000);
  // The high-risk children's reports also phone the police control room: calls are promised too.
  const calls = expected.filter((n) => n.channel === 'voice');
  await eventually(async () => twilio.calls.length >= calls.length || null, 'the calls to be placed', 30_000);

  const received = new Map<string, number>();
  for (const m of twilio.messages)
    received.set(`sms ${m.to} ${m.body}`, (received.get(`sms ${m.to} ${m.body}`) ?? 0) + 1);
  // A call's TwiML address names its notification (/webhooks/twilio/voice/{id}).
  for (const c of twilio.calls) {
    const key = `voice ${c.to} ${/\/voice\/([^/?]+)/.exec(c.url)?.[1]}`;
    received.set(key, (received.get(key) ?? 0) + 1);
  }
  for (const m of smtp.messages)
    for (const to of m.to)
      received.set(`email ${to} ${m.mail.subject}`, (received.get(`email ${to} ${m.mail.subject}`) ?? 0) + 1);
  const keyOf = (n: (typeof expected)[number]) =>
    n.channel === 'voice'
      ? `voice ${n.address} ${n.id}`
      : `${n.channel} ${n.address} ${n.channel === 'sms' ? n.body_text : n.subject}`;
  const promised = new Map<string, number>();
  for (const n of expected) promised.set(keyOf(n), (promised.get(keyOf(n)) ?? 0) + 1);
  const lost = [...promised].filter(([k, n]) => (received.get(k) ?? 0) < n);
  const twice = [...promised].filter(([k, n]) => (received.get(k) ?? 0) > n);
  const strays = [...received.keys()].filter((k) => !promised.has(k));
  // Why a message could go twice, from its history: a claim that lapsed (its instance died holding
  // it; a live instance keeps its claims), and an attempt that failed in a way that may follow delivery.
  const [{ lapsed, failed }] = await q(
    `SELECT count(*) FILTER (WHERE e.detail LIKE '%an earlier claim lapsed%')::int AS lapsed,
      count(*) FILTER (WHERE e.status = 'queued' AND e.detail LIKE 'attempt % failed%')::int AS failed
    FROM notification_events e JOIN notifications n ON n.id = e.notification_id WHERE n.created_at >= $1`,
    [since],
  );
  process.stderr.write(
    `several instances: ${REPORTS} reports, ${expected.length} messages (${sms.length} SMS, ${emails.length} emails, ${calls.length} calls), ` +
      `${twice.length} sent twice; ${lapsed} claims lapsed (the killed instance's), ${failed} attempts failed and were retried\n`,
  );
  expect(lost).toEqual([]);
  expect(strays).toEqual([]);
  // Only the killed instance's claims lapse, and it held at most its sends in flight.
  expect(lapsed).toBeLessThanOrEqual(MAX_IN_FLIGHT);
  expect(twice.length).toBeLessThanOrEqual(lapsed + failed);
  // And each message that went twice was itself attempted more than once.
  expect(twice.filter(([k]) => !expected.some((n) => keyOf(n) === k && n.attempts > 1))).toEqual([]);
  expect([...received.values()].every((n) => n <= 2)).toBe(true);

  // Each step ran once (the primary key says so) and recorded exactly the messages it wrote.
  const mismatched = await q(
    `SELECT r.episode_id, r.step_key, r.repeat, r.notifications,
      (SELECT count(*)::int FROM notifications n WHERE n.episode_id = r.episode_id AND n.step_key = r.step_key || '#' || r.repeat AND n.fallback_of IS NULL) AS written
    FROM escalation_runs r WHERE r.outcome = 'fired' AND r.ran_at >= $1`,
    [since],
  );
  expect(mismatched.filter((r: { notifications: number; written: number }) => r.notifications !== r.written)).toEqual(
    [],
  );
  const police = await q(
    `SELECT count(*)::int AS n FROM notifications WHERE step_key = 'report_police#0' AND channel = 'sms'`,
  );
  expect(police[0].n).toBe(REPORTS);
  expect(twilio.to('+447700900201').length).toBeGreaterThanOrEqual(REPORTS);
}, 240_000);
