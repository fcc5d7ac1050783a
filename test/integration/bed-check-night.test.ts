// Bed checks (issue 27) on the controllable clock for a child placed at 18:00 on the Saturday before
// the clocks go forward (27 March 2027): 23:00, 02:00 and 06:00 local for three nights, nine checks,
// each texted at its local time in GMT and then in BST, none before or after; each YES recorded.
// The child's record, the staff dashboard and the carer's landing page show the night's checks.
import { buildDeliveryTestApp, DeliveryTestApp, PUBLIC_BASE_URL } from '../support/delivery';
import { FAKE_AUTH_TOKEN } from '../support/fake-twilio';
import { pageSession } from '../support/pages';
import { apiOf, demoChildId } from '../support/records';
import { textService } from '../support/twilio-sms';

const CARER = '+447700900101';
const CHECK_TEXT = 'Bed check for K7Q2: reply YES if K7Q2 is home, NO if not';
const PLACED_AT = '2027-03-27T18:00:00Z'; // 18:00 GMT, the evening before the clocks go forward
const EXPECTED = [
  '2027-03-27T23:00:00.000Z', // 23:00 GMT
  '2027-03-28T01:00:00.000Z', // 02:00 BST, an hour after the change
  '2027-03-28T05:00:00.000Z', // 06:00 BST
  '2027-03-28T22:00:00.000Z',
  '2027-03-29T01:00:00.000Z',
  '2027-03-29T05:00:00.000Z',
  '2027-03-29T22:00:00.000Z',
  '2027-03-30T01:00:00.000Z',
  '2027-03-30T05:00:00.000Z',
];

let t: DeliveryTestApp;
let childId: string;
beforeAll(async () => {
  t = await buildDeliveryTestApp();
  childId = await demoChildId(t.app, 'K7Q2');
});
afterAll(async () => {
  await t.close();
});

const api = () => apiOf(t.app);
const text = (body: string) =>
  textService(t.app.server, CARER, body, { authToken: FAKE_AUTH_TOKEN, baseUrl: PUBLIC_BASE_URL });
const checksToCarer = () => t.twilio.to(CARER).filter((m) => m.body === CHECK_TEXT).length;

async function placeAt18AndPlan() {
  t.app.clock.set(PLACED_AT);
  const [current] = (await api()('GET', `/api/v1/children/${childId}/placements`)).result as { id: string }[];
  expect(
    (await api()('POST', `/api/v1/placements/${current.id}/end`, { endedAt: PLACED_AT, reason: 'Moved' })).statusCode,
  ).toBe(200);
  const placed = await api()('POST', `/api/v1/children/${childId}/placements`, {
    type: 'foster',
    provider: 'Demo fostering',
    address: '1 Example Road',
    startedAt: PLACED_AT,
    carers: [{ name: 'Cora Carer', mobile: CARER, email: null }],
  });
  expect(placed.statusCode).toBe(201);
  const plan = await api()('POST', `/api/v1/children/${childId}/plans`, {
    riskOfMissing: 'high',
    measures: [],
    agreedBy: 'Strategy meeting',
    agreedOn: '2027-03-27',
    reviewOn: '2027-06-27',
    bedChecks: { times: ['23:00', '02:00', '06:00'], days: 3 },
  });
  expect(plan.statusCode).toBe(201);
}

it('texts nine checks at 23:00, 02:00 and 06:00 local across the clocks going forward, and a YES records each', async () => {
  await placeAt18AndPlan();
  const sentAt: string[] = [];
  const run = async (at: number) => {
    t.app.clock.set(new Date(at));
    const { sent } = await t.app.services.bedCheckRound.run();
    await t.app.services.dispatcher.drain();
    if (sent) sentAt.push(new Date(at).toISOString());
    return sent;
  };
  // Every 20 minutes from the placement to a day after the window, and a minute before each check's time.
  const start = Date.parse(PLACED_AT);
  const moments = new Set<number>();
  for (let at = start; at < start + 4 * 86_400_000; at += 20 * 60_000) moments.add(at);
  for (const e of EXPECTED) moments.add(Date.parse(e) - 60_000);
  for (const at of [...moments].sort((a, b) => a - b)) {
    const before = checksToCarer();
    await run(at);
    if (checksToCarer() > before) {
      t.app.clock.advanceMinutes(3);
      expect((await text('YES')).reply).toBe('Thank you. Bed check for K7Q2 recorded: home.');
    }
  }
  expect(sentAt).toEqual(EXPECTED);
  expect(checksToCarer()).toBe(9);
  const rows = await t.app.db.dataSource.query(
    'SELECT count(*)::int AS n FROM bed_checks WHERE child_id = $1 AND answer = $2',
    [childId, 'yes'],
  );
  expect(rows[0].n).toBe(9);
}, 300_000);

const rowsOf = (html: string) =>
  [
    ...html.matchAll(
      /<td class="govuk-table__cell"[^>]*>([^<]+)<\/td>\s*<td class="govuk-table__cell"[^>]*><strong class="govuk-tag [^"]+">([^<]+)</g,
    ),
  ].map((m) => `${m[1]} ${m[2]}`);
const pages = async () => ({
  record: (await (await pageSession(t.app, 'social_worker')).get(`/children/${childId}`)).payload,
  dashboard: (await (await pageSession(t.app, 'team_manager')).get('/')).payload,
  carer: (await (await pageSession(t.app, 'carer')).get('/')).payload,
});

it("shows the night's checks (done, waiting, missed, due) on the child's record, the dashboard and the carer's page", async () => {
  t.app.clock.set('2027-03-30T05:30:00Z'); // 06:30 BST after the third night
  let p = await pages();
  expect(p.record).toContain('23:00, 02:00, 06:00 for 3 days');
  const night = ['29 Mar 2027, 23:00 Done: home', '30 Mar 2027, 02:00 Done: home', '30 Mar 2027, 06:00 Done: home'];
  expect(rowsOf(p.record)).toEqual(night);
  expect(rowsOf(p.dashboard)).toEqual(expect.arrayContaining(night));
  expect(rowsOf(p.carer)).toEqual(night);
  expect(p.carer).toContain('Reply just YES if the child is home, NO if not.');

  // One more night on a new plan version; the 23:00 check goes unanswered.
  t.app.clock.set('2027-03-30T12:00:00Z');
  await api()('POST', `/api/v1/children/${childId}/plans`, {
    riskOfMissing: 'high',
    measures: [],
    agreedBy: 'Strategy meeting',
    agreedOn: '2027-03-30',
    reviewOn: '2027-06-30',
    bedChecks: { times: ['23:00', '02:00', '06:00'], days: 1 },
  });
  for (const at of ['2027-03-30T22:00:00Z', '2027-03-30T22:15:00Z']) {
    t.app.clock.set(at);
    await t.app.services.bedCheckRound.run();
  }
  p = await pages();
  const waiting = ['30 Mar 2027, 23:00 Waiting for answer', '31 Mar 2027, 02:00 Due', '31 Mar 2027, 06:00 Due'];
  for (const page of [p.record, p.dashboard, p.carer]) expect(rowsOf(page)).toEqual(expect.arrayContaining(waiting));
  t.app.clock.set('2027-03-30T22:30:00Z');
  await t.app.services.bedCheckRound.run();
  p = await pages();
  expect(rowsOf(p.carer)).toEqual(expect.arrayContaining(['30 Mar 2027, 23:00 Missed']));
  expect(p.record).toContain('No answer in 30 minutes: the duty manager was asked to phone the carer.');
  expect(p.dashboard).toContain('Missed bed checks');
});
