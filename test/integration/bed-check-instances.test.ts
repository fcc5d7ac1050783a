// Bed checks with two instances on one database (issue 27, point 4): each instance has its own
// connection pool, outbox and dispatcher, and both run the round at the same moments, overlapping,
// as two schedulers would if the run key let both through. Each (child, time) check is texted once,
// its second text once and the duty manager once. A check whose time passed while no instance ran
// is still sent after a restart within 15 minutes, and not after more (the pages then say so).
import { entities } from '../../src/entities';
import { createDataSource } from '../../src/platform/database/data-source';
import { PostgresRunCoordinator } from '../../src/platform/scheduler/run-coordinator';
import { createServices, Services } from '../../src/services';
import { buildDeliveryTestApp, DeliveryTestApp, PUBLIC_BASE_URL } from '../support/delivery';
import { FAKE_AUTH_TOKEN } from '../support/fake-twilio';
import { pageSession } from '../support/pages';
import { testLogger } from '../support/quiet-logger';
import { apiOf, demoChildId } from '../support/records';
import { textService } from '../support/twilio-sms';

const CARER = '+447700900101';
const DUTY_MANAGER = '+447700900203';
const CHECK_TEXT = 'Bed check for K7Q2: reply YES if K7Q2 is home, NO if not';

let t: DeliveryTestApp;
let childId: string;
let second: Services;
const secondDb = () => createDataSource(t.app.db.url, entities, 4);
let secondSource: ReturnType<typeof createDataSource>;
beforeAll(async () => {
  t = await buildDeliveryTestApp();
  childId = await demoChildId(t.app, 'K7Q2');
  secondSource = secondDb();
  await secondSource.initialize();
  // The second instance: the same configuration and clock, its own pool, outbox and dispatcher.
  second = createServices({ db: secondSource, clock: t.app.clock, config: t.app.config, logger: testLogger() });
});
afterAll(async () => {
  await secondSource.destroy();
  await t.close();
});

const bodies = (to: string, start: string) => t.twilio.to(to).filter((m) => m.body.startsWith(start)).length;

async function plan(date: string) {
  t.app.clock.set(`${date}T12:00:00Z`);
  const res = await apiOf(t.app)('POST', `/api/v1/children/${childId}/plans`, {
    riskOfMissing: 'high',
    measures: [],
    agreedBy: 'Strategy meeting',
    agreedOn: date,
    reviewOn: '2027-06-01',
    bedChecks: { times: ['23:00', '02:00', '06:00'], days: 1 },
  });
  expect(res.statusCode).toBe(201);
}

/** Both instances run the round at once, then both dispatchers send what was queued. */
async function bothAt(at: string) {
  t.app.clock.set(at);
  const counts = await Promise.all([t.app.services.bedCheckRound.run(), second.bedCheckRound.run()]);
  await Promise.all([t.app.services.dispatcher.drain(), second.dispatcher.drain()]);
  return counts;
}

it('two instances running every minute send each check, its second text and the duty manager alert once', async () => {
  await plan('2026-12-01');
  const checksBefore = bodies(CARER, CHECK_TEXT);
  const remindersBefore = bodies(CARER, 'Reminder: bed check');
  const managerBefore = bodies(DUTY_MANAGER, 'Bed check K7Q2');
  const sent: number[] = [];
  for (let m = -2; m <= 35; m += 1) {
    const at = new Date(Date.parse('2026-12-01T23:00:00Z') + m * 60_000).toISOString();
    for (const c of await bothAt(at)) sent.push(c.sent);
  }
  expect(sent.reduce((a, b) => a + b, 0)).toBe(1);
  expect(bodies(CARER, CHECK_TEXT) - checksBefore).toBe(1);
  expect(bodies(CARER, 'Reminder: bed check') - remindersBefore).toBe(1);
  expect(bodies(DUTY_MANAGER, 'Bed check K7Q2') - managerBefore).toBe(1);
  const [{ n }] = await t.app.db.dataSource.query(
    `SELECT count(*)::int AS n FROM bed_checks WHERE child_id = $1 AND due_at = '2026-12-01T23:00:00Z'`,
    [childId],
  );
  expect(n).toBe(1);
});

it("one instance runs each minute's slot through the Postgres run key", async () => {
  const key = 'bed-checks:2026-12-02T01:00:00.000Z';
  const asked = await Promise.all([
    new PostgresRunCoordinator(t.app.db.dataSource, t.app.clock).shouldRun(key, 60_000),
    new PostgresRunCoordinator(secondSource, t.app.clock).shouldRun(key, 60_000),
  ]);
  expect(asked.filter(Boolean)).toHaveLength(1);
});

it('a check missed by under 15 minutes of downtime is sent after the restart; one missed by more is not, and shows', async () => {
  await plan('2026-12-03');
  const before = bodies(CARER, CHECK_TEXT);
  await bothAt('2026-12-03T22:58:00Z');
  // Both instances down from 22:59 to 23:14; the first back (a fresh instance on the same database) sends it.
  t.app.clock.set('2026-12-03T23:14:00Z');
  const restarted = createServices({
    db: secondSource,
    clock: t.app.clock,
    config: t.app.config,
    logger: testLogger(),
  });
  expect((await restarted.bedCheckRound.run()).sent).toBe(1);
  await restarted.dispatcher.drain();
  expect(bodies(CARER, CHECK_TEXT) - before).toBe(1);
  const reply = await textService(t.app.server, CARER, 'YES', { authToken: FAKE_AUTH_TOKEN, baseUrl: PUBLIC_BASE_URL });
  expect(reply.reply).toBe('Thank you. Bed check for K7Q2 recorded: home.');
  // Down from 01:59 to 02:15: the 02:00 check is 15 minutes late and is not sent in the small hours out of the blue.
  await bothAt('2026-12-04T01:59:00Z');
  expect((await bothAt('2026-12-04T02:15:00Z')).map((c) => c.sent)).toEqual([0, 0]);
  expect(bodies(CARER, CHECK_TEXT) - before).toBe(1);
  const record = (await (await pageSession(t.app, 'social_worker')).get(`/children/${childId}`)).payload;
  expect(record).toMatch(
    /4 Dec 2026, 02:00<\/td>\s*<td class="govuk-table__cell"[^>]*><strong class="govuk-tag [^"]+">Not sent/,
  );
});
