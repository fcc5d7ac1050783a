// Bed checks (issue 27) on the controllable clock, through the real twilio SDK (against the fake
// Twilio API) and real SMTP: the carer of K7Q2 is texted at 23:00 local time, in GMT and in BST; YES
// records the check; silence brings a second text at 15 minutes and the duty manager at 30 (never
// the police); only the check sent to that number, before the next one, is answered; NO opens an
// episode exactly as MISSING does; and outside a check YES keeps its meaning.
import { buildDeliveryTestApp, DeliveryTestApp, PUBLIC_BASE_URL } from '../support/delivery';
import { FAKE_AUTH_TOKEN } from '../support/fake-twilio';
import { pageSession } from '../support/pages';
import { apiOf, demoChildId } from '../support/records';
import { textService } from '../support/twilio-sms';

const CARER = '+447700900101';
const OTHER_CARER = '+447700900102';
const POLICE = '+447700900201';
const DUTY_MANAGER = '+447700900203';
const CHECK_TEXT = 'Bed check for K7Q2: reply YES if K7Q2 is home, NO if not';

let t: DeliveryTestApp;
let childId: string;
beforeAll(async () => {
  t = await buildDeliveryTestApp();
  childId = await demoChildId(t.app, 'K7Q2');
});
afterAll(async () => {
  await t.close();
});

const text = (from: string, body: string) =>
  textService(t.app.server, from, body, { authToken: FAKE_AUTH_TOKEN, baseUrl: PUBLIC_BASE_URL });
const q = (sql: string, params: unknown[] = []) => t.app.db.dataSource.query(sql, params);
const bodiesTo = (address: string) => t.twilio.to(address).map((m) => m.body);

/** A new plan version, saved at the clock's time, whose bed checks replace any before. */
async function planWithChecks(at: string, bedChecks: object | null = { times: ['23:00', '02:00', '06:00'], days: 3 }) {
  t.app.clock.set(at);
  const today = at.slice(0, 10);
  const res = await apiOf(t.app)('POST', `/api/v1/children/${childId}/plans`, {
    riskOfMissing: 'high',
    measures: [],
    agreedBy: 'Team manager',
    agreedOn: today,
    reviewOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
    bedChecks,
  });
  expect(res.statusCode).toBe(201);
  expect((res.result as { bedChecks: object | null }).bedChecks).toEqual(bedChecks);
}

/** Moves the clock, runs the job's round and sends what it queued. */
async function runAt(at: string) {
  t.app.clock.set(at);
  const counts = await t.app.services.bedCheckRound.run();
  await t.app.services.dispatcher.drain();
  return counts;
}

const check = async (dueAt: string) =>
  (
    await q(
      `SELECT answer, answered_from, reminded_at IS NOT NULL AS reminded, escalated_at IS NOT NULL AS escalated,
  episode_id FROM bed_checks WHERE child_id = $1 AND due_at = $2`,
      [childId, dueAt],
    )
  )[0];

it('texts the carer at 23:00 GMT, once however often the round runs, and a YES records the check', async () => {
  await planWithChecks('2026-11-23T10:00:00Z');
  expect((await runAt('2026-11-23T22:59:00Z')).sent).toBe(0);
  expect(bodiesTo(CARER)).toEqual([]);
  expect((await runAt('2026-11-23T23:00:00Z')).sent).toBe(1);
  expect((await runAt('2026-11-23T23:01:00Z')).sent).toBe(0);
  expect(bodiesTo(CARER)).toEqual([CHECK_TEXT]);
  const { reply } = await text(CARER, 'Yes');
  expect(reply).toBe('Thank you. Bed check for K7Q2 recorded: home.');
  expect(await check('2026-11-23T23:00:00Z')).toMatchObject({ answer: 'yes', answered_from: CARER });
  // Answered: no second text at 15 minutes, no duty manager at 30.
  await runAt('2026-11-23T23:31:00Z');
  expect(bodiesTo(CARER)).toEqual([CHECK_TEXT]);
});

it('texts at 23:00 BST (22:00 UTC) when the clocks are on summer time', async () => {
  await planWithChecks('2027-06-07T09:00:00Z');
  const before = bodiesTo(CARER).length;
  expect((await runAt('2027-06-07T21:59:00Z')).sent).toBe(0);
  expect((await runAt('2027-06-07T22:00:00Z')).sent).toBe(1);
  expect(bodiesTo(CARER).slice(before)).toEqual([CHECK_TEXT]);
  await text(CARER, 'YES');
});

it('silence brings a second text at 15 minutes and the duty manager (not police) at 30; the dashboard shows the missed check', async () => {
  await planWithChecks('2027-06-14T09:00:00Z');
  await runAt('2027-06-14T22:00:00Z');
  const carerBefore = bodiesTo(CARER).length;
  const policeBefore = bodiesTo(POLICE).length;
  await runAt('2027-06-14T22:14:00Z');
  expect(bodiesTo(CARER).length).toBe(carerBefore);
  await runAt('2027-06-14T22:15:00Z');
  expect(bodiesTo(CARER).slice(carerBefore)).toEqual([
    'Reminder: bed check for K7Q2: reply YES if K7Q2 is home, NO if not',
  ]);
  expect(bodiesTo(DUTY_MANAGER).filter((b) => b.startsWith('Bed check'))).toEqual([]);
  await runAt('2027-06-14T22:29:00Z');
  expect(bodiesTo(DUTY_MANAGER).filter((b) => b.startsWith('Bed check'))).toEqual([]);
  await runAt('2027-06-14T22:30:00Z');
  await runAt('2027-06-14T22:31:00Z');
  expect(bodiesTo(DUTY_MANAGER).filter((b) => b.startsWith('Bed check'))).toEqual([
    `Bed check K7Q2 23:00: no answer in 30 min. Phone the carer now (not police): ${PUBLIC_BASE_URL}/children/${childId}`,
  ]);
  expect(bodiesTo(POLICE).length).toBe(policeBefore);
  expect(bodiesTo(CARER).length).toBe(carerBefore + 1);
  const dashboard = await (await pageSession(t.app, 'team_manager')).get('/');
  expect(dashboard.statusCode).toBe(200);
  expect(dashboard.payload).toContain('Missed bed checks');
  expect(dashboard.payload).toMatch(/Amira Example \(K7Q2\)<\/a>: check at 14 Jun 2027,? 23:00\. No answer yet/);
});

it('a YES from another number, or after the next check has gone, answers nothing', async () => {
  // The 23:00 check of 14 June is unanswered; another carer's YES keeps its own meaning.
  const stranger = await text(OTHER_CARER, 'YES');
  expect(stranger.reply).toBe(
    'Nothing here is waiting for a YES from this number, so nothing was changed. If a child is back, text BACK and their reference.',
  );
  expect(await check('2027-06-14T22:00:00Z')).toMatchObject({ answer: null });
  await runAt('2027-06-15T01:00:00Z'); // 02:00 BST: the next check
  const late = await text(CARER, 'YES');
  // The late YES answers the check now waiting (02:00), never the 23:00 one it was meant for.
  expect(await check('2027-06-14T22:00:00Z')).toMatchObject({ answer: null });
  expect(await check('2027-06-15T01:00:00Z')).toMatchObject({ answer: 'yes' });
  expect(late.reply).toBe('Thank you. Bed check for K7Q2 recorded: home.');
});

it('NO opens a missing episode at once, exactly as MISSING does, police are alerted, and the reply says so', async () => {
  await runAt('2027-06-15T05:00:00Z'); // 06:00 BST
  const policeBefore = bodiesTo(POLICE).length;
  const { reply } = await text(CARER, 'no');
  const [episode] = await q(
    `SELECT id, reference, reported_via FROM missing_episodes WHERE child_id = $1 AND closed_at IS NULL`,
    [childId],
  );
  expect(episode.reported_via).toBe('sms');
  expect(reply).toBe(
    `Thank you. Bed check: K7Q2 not home. Missing episode ${episode.reference} opened; police and the team are being alerted now. Danger: call 999.`,
  );
  expect(await check('2027-06-15T05:00:00Z')).toMatchObject({ answer: 'no', episode_id: episode.id });
  await t.app.services.dispatcher.drain();
  expect(bodiesTo(POLICE).slice(policeBefore)).toEqual([
    expect.stringMatching(new RegExp(`^MISSING child ref K7Q2 \\(episode ${episode.reference}\\)`)),
  ]);
});

it('outside a check, YES keeps its meaning: it confirms the return the carer was asked about', async () => {
  t.app.clock.advanceHours(2);
  const asked = await text(CARER, "I think she's back");
  expect(asked.reply).toMatch(/^Is K7Q2 back\? Reply YES/);
  const { reply } = await text(CARER, 'YES');
  expect(reply).toMatch(/^Thank you. Return of K7Q2 recorded/);
  const [after] = await q(`SELECT state FROM missing_episodes WHERE child_id = $1 AND closed_at IS NULL`, [childId]);
  expect(after.state).toBe('returned');
});

it('a YES answers whichever was sent last: the return question asked after the check takes it', async () => {
  await planWithChecks('2027-06-21T09:00:00Z');
  await runAt('2027-06-21T22:00:00Z'); // the 23:00 check
  await text(CARER, 'MISSING'); // a new episode (the last one is returned)
  t.app.clock.set('2027-06-21T22:05:00Z');
  expect((await text(CARER, "I think she's back")).reply).toMatch(/^Is K7Q2 back\? Reply YES/);
  expect((await text(CARER, 'YES')).reply).toMatch(/^Thank you. Return of K7Q2 recorded/);
  expect(await check('2027-06-21T22:00:00Z')).toMatchObject({ answer: null });
});

it('a child reported missing is neither checked nor chased; once back, the checks go again', async () => {
  await runAt('2027-06-22T01:00:00Z'); // 02:00 BST: the 23:00 check is superseded
  expect((await text(CARER, 'YES')).reply).toBe('Thank you. Bed check for K7Q2 recorded: home.');
  await runAt('2027-06-22T05:00:00Z'); // 06:00 BST
  const carerBefore = bodiesTo(CARER).length;
  const managerBefore = bodiesTo(DUTY_MANAGER).length;
  // "No, she's not home" is a MISSING text: it opens the episode at once (and does not answer the check).
  expect((await text(CARER, "No, she's not home")).reply).toMatch(/^Thank you. Missing report for K7Q2 recorded/);
  expect(await check('2027-06-22T05:00:00Z')).toMatchObject({ answer: null });
  await runAt('2027-06-22T05:15:00Z');
  await runAt('2027-06-22T05:30:00Z');
  expect(
    bodiesTo(CARER)
      .slice(carerBefore)
      .filter((b) => /bed check/i.test(b)),
  ).toEqual([]);
  expect(
    bodiesTo(DUTY_MANAGER)
      .slice(managerBefore)
      .filter((b) => b.startsWith('Bed check')),
  ).toEqual([]);
  expect((await runAt('2027-06-22T22:00:00Z')).sent).toBe(0); // 23:00 BST, still missing: not texted
  await text(CARER, 'FOUND');
  expect((await runAt('2027-06-23T01:00:00Z')).sent).toBe(1); // 02:00 BST: back, checked again
});
