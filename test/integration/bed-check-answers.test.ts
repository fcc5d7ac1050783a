// What a carer's text does while a bed check waits on their number, and outside one (issue 27,
// point 3). Inside a check only a bare YES or NO (and the child's own reference) answers it: "no
// worries, she's in bed" is no NO, and the carer is asked for a bare answer. Outside a check YES and
// NO keep their other meanings. A check expires at the next check's time, so a late YES sent after
// it answers neither the old check nor the new one. Each answer is audited on the child's record.
import { buildDeliveryTestApp, DeliveryTestApp, PUBLIC_BASE_URL } from '../support/delivery';
import { FAKE_AUTH_TOKEN } from '../support/fake-twilio';
import { apiOf, auditActions, demoChildId } from '../support/records';
import { textService } from '../support/twilio-sms';

const CARER = '+447700900101';
const HOME = 'Thank you. Bed check for K7Q2 recorded: home.';
const ASK_BARE = 'Bed check for K7Q2 waiting: reply only YES if home, NO if not. Your text also went to the duty team.';
const NOT_UNDERSTOOD = /^Sorry, we did not understand/;
const NO_QUESTION = /^Nothing here is waiting for a YES from this number/;

let t: DeliveryTestApp;
let childId: string;
let day = 0;
beforeAll(async () => {
  t = await buildDeliveryTestApp();
  childId = await demoChildId(t.app, 'K7Q2');
});
afterAll(async () => {
  await t.close();
});

const q = (sql: string, params: unknown[] = []) => t.app.db.dataSource.query(sql, params);
const text = async (body: string) =>
  (await textService(t.app.server, CARER, body, { authToken: FAKE_AUTH_TOKEN, baseUrl: PUBLIC_BASE_URL })).reply;
const openEpisodes = async () =>
  (
    await q(
      'SELECT count(*)::int AS n FROM missing_episodes WHERE child_id = $1 AND returned_at IS NULL AND closed_at IS NULL',
      [childId],
    )
  )[0].n;
const answerOf = async (dueAt: string) =>
  (await q('SELECT answer FROM bed_checks WHERE child_id = $1 AND due_at = $2', [childId, dueAt]))[0]?.answer ?? null;

/** The child is found and a manager closes the episode, so that the next case starts with none open. */
async function closeOpenEpisodes() {
  await text('FOUND');
  const as = { role: 'team_manager' } as const;
  const open = await q('SELECT id FROM missing_episodes WHERE child_id = $1 AND closed_at IS NULL', [childId]);
  for (const { id } of open) {
    const interview = await apiOf(t.app)('POST', `/api/v1/episodes/${id}/return-interview`, { declined: true }, as);
    if (interview.statusCode !== 200) throw new Error(`interview: ${interview.statusCode} ${interview.payload}`);
    const res = await apiOf(t.app)('POST', `/api/v1/episodes/${id}/close`, { reason: 'Found safe' }, as);
    if (res.statusCode !== 200) throw new Error(`close: ${res.statusCode} ${res.payload}`);
  }
}

/** A fresh plan on a new winter day (23:00 GMT = 23:00Z), its 23:00 check sent; returns that check's time. */
async function checkWaiting(): Promise<string> {
  day += 1;
  const date = `2026-12-${String(day).padStart(2, '0')}`;
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
  t.app.clock.set(`${date}T23:00:00Z`);
  expect((await t.app.services.bedCheckRound.run()).sent).toBe(1);
  t.app.clock.advanceMinutes(2);
  return `${date}T23:00:00.000Z`;
}

// Outside a check (no check sent, or the last one expired): YES and NO mean what they mean anywhere.
const outside: [string, string | RegExp, number][] = [
  ['YES', NO_QUESTION, 0],
  ['yes she is in bed', NO_QUESTION, 0],
  ['NO', NOT_UNDERSTOOD, 0],
  ['no worries, she is in bed', NOT_UNDERSTOOD, 0],
  ["No, she's not home", /^Thank you. Missing report for K7Q2 recorded/, 1],
];

it.each(outside)('outside a check, %j: replies %p (episodes opened: %p)', async (body, reply, opened) => {
  t.app.clock.set('2026-11-30T12:00:00Z'); // no check sent that day
  const before = await openEpisodes();
  const got = await text(body);
  if (typeof reply === 'string') expect(got).toBe(reply);
  else expect(got).toMatch(reply);
  expect(await openEpisodes()).toBe(before + opened);
  if (opened) await closeOpenEpisodes();
});

// [text, reply while the check waits, whether it answers the check]
const during: [string, string | RegExp, 'yes' | 'no' | null][] = [
  ['no worries, she is in bed', ASK_BARE, null],
  ['No problem', ASK_BARE, null],
  ['NO she is asleep', ASK_BARE, null],
  ['nah mate all good', ASK_BARE, null],
  ['yes she is in bed', ASK_BARE, null],
  ['Yes thanks', ASK_BARE, null],
  ['YES M4RT', ASK_BARE, null], // another carer's child
  ['hello', ASK_BARE, null],
  ['YES', HOME, 'yes'],
  ['yes.', HOME, 'yes'],
  ['Y', HOME, 'yes'],
  ['k7q2 yes', HOME, 'yes'],
  ['NO', /^Thank you. Bed check: K7Q2 not home. Missing episode E-\w+ opened/, 'no'],
  ['no K7Q2', /^Thank you. Bed check: K7Q2 not home. Missing episode E-\w+ opened/, 'no'],
];

it.each(during)('during a check, %j: replies %p and answers it with %p', async (body, reply, answer) => {
  const dueAt = await checkWaiting();
  const before = await openEpisodes();
  const got = await text(body);
  if (typeof reply === 'string') expect(got).toBe(reply);
  else expect(got).toMatch(reply);
  expect(await answerOf(dueAt)).toBe(answer);
  expect(await openEpisodes()).toBe(before + (answer === 'no' ? 1 : 0));
  if (answer === 'no') await closeOpenEpisodes(); // back and closed, for the next case
});

it('a late YES, after the next check’s time but before it went, answers neither check', async () => {
  const first = await checkWaiting(); // 23:00, never answered
  t.app.clock.set(new Date(Date.parse(first) + 3 * 3_600_000 + 20_000)); // 02:00:20, the round has not run yet
  expect(await text('YES')).toMatch(NO_QUESTION);
  expect(await answerOf(first)).toBeNull();
  t.app.clock.advanceMinutes(1);
  expect((await t.app.services.bedCheckRound.run()).sent).toBe(1); // the 02:00 check goes now
  const second = new Date(Date.parse(first) + 3 * 3_600_000).toISOString();
  expect(await answerOf(second)).toBeNull();
  // Only a YES sent after the 02:00 check went answers it, and the 23:00 one stays unanswered.
  expect(await text('YES')).toBe(HOME);
  expect(await answerOf(second)).toBe('yes');
  expect(await answerOf(first)).toBeNull();
});

it("records each answer on the child's record: audited, with the check", async () => {
  const actions = await auditActions(t.app, childId, 'bed_check');
  expect(actions.filter((a) => a === 'update').length).toBeGreaterThanOrEqual(7);
  const [line] = await q(
    `SELECT changes FROM audit_events WHERE child_id = $1 AND entity_type = 'bed_check' ORDER BY at DESC LIMIT 1`,
    [childId],
  );
  expect(line.changes).toMatchObject({ via: 'sms', answer: 'yes' });
  expect(JSON.stringify(line.changes)).not.toContain(CARER);
});
