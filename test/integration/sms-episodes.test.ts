// A carer's text starts the whole response: MISSING opens the episode and police are alerted
// through the real twilio SDK (against the fake Twilio API) and real SMTP; FOUND records the
// return; ACK from a notified number acknowledges the alert. Replies never confirm a stranger's guess.
import { bearer } from '../support/app';
import { buildDeliveryTestApp, DeliveryTestApp, PUBLIC_BASE_URL } from '../support/delivery';
import { FAKE_AUTH_TOKEN } from '../support/fake-twilio';
import { TextOptions, textService } from '../support/twilio-sms';

let t: DeliveryTestApp;
beforeAll(async () => {
  t = await buildDeliveryTestApp();
});
afterAll(async () => {
  await t.close();
});

const text = (from: string, body: string, o: TextOptions = {}) =>
  textService(t.app.server, from, body, { authToken: FAKE_AUTH_TOKEN, baseUrl: PUBLIC_BASE_URL, ...o });
const q = (sql: string, params: unknown[] = []) => t.app.db.dataSource.query(sql, params);
const openEpisodes = async (ref: string) =>
  q(
    `SELECT e.id, e.reference, e.reported_via FROM missing_episodes e JOIN children c ON c.id = e.child_id
  WHERE c.reference = $1 AND e.closed_at IS NULL`,
    [ref],
  );

it("opens an episode from a one-child carer's MISSING and police receive the SMS and the email", async () => {
  const { res, reply } = await text('+447700900101', 'missing');
  expect(res.statusCode).toBe(200);
  const [episode] = await openEpisodes('K7Q2');
  expect(episode.reported_via).toBe('sms');
  expect(reply).toBe(
    `Thank you. Missing report for K7Q2 recorded as episode ${episode.reference}. Police and the team are being alerted now. If the child is in danger call 999.`,
  );
  await t.app.services.dispatcher.drain();
  const police = t.twilio.to('+447700900201');
  expect(police).toHaveLength(1);
  expect(police[0].body).toMatch(new RegExp(`^MISSING child ref K7Q2 \\(episode ${episode.reference}\\)`));
  expect(police[0].body).not.toMatch(/Amira|Example Street/);
  const emails = t.smtp.to('police@example.org');
  expect(emails).toHaveLength(1);
  expect(emails[0].mail.subject).toContain(`episode ${episode.reference}`);
  const confirmation = t.twilio.to('+447700900101');
  expect(confirmation.map((m) => m.body)).toEqual([expect.stringContaining(`episode ${episode.reference}`)]);
});

it('does not open a second episode for a second MISSING; the reply says one is open', async () => {
  const [episode] = await openEpisodes('K7Q2');
  const { reply } = await text('+447700900101', 'K7Q2 missing again');
  expect(reply).toBe(
    `Episode ${episode.reference} is already open for K7Q2 and the team has been alerted. Text FOUND K7Q2 when they return. Danger: call 999.`,
  );
  expect(await openEpisodes('K7Q2')).toHaveLength(1);
});

it('acknowledges the police alert from the number it was sent to, and only that number', async () => {
  const [row] = await q(
    `SELECT ack_code FROM notifications WHERE address = '+447700900201' AND needs_ack AND ack_code IS NOT NULL ORDER BY created_at DESC LIMIT 1`,
  );
  const stranger = await text('+447700900555', `ACK ${row.ack_code}`);
  expect(stranger.reply).toBe(
    'That code was not recognised for this number. Reply ACK and the 4-digit code from the alert.',
  );
  const police = await text('+447700900201', `ack ${row.ack_code}`);
  expect(police.reply).toBe('Thank you. Alert acknowledged.');
  const [n] = await q(`SELECT status FROM notifications WHERE ack_code = $1 AND address = '+447700900201'`, [
    row.ack_code,
  ]);
  expect(n.status).toBe('acknowledged');
  const [episode] = await openEpisodes('K7Q2');
  const timeline = await q(`SELECT summary FROM episode_events WHERE episode_id = $1 AND type = 'acknowledged'`, [
    episode.id,
  ]);
  expect(timeline).toEqual([
    { summary: 'Force control room acknowledged the alert “Police control room told”; it will not be repeated.' },
  ]);
});

it('records the return from FOUND and sends found notices; a second FOUND changes nothing', async () => {
  const [episode] = await openEpisodes('K7Q2');
  t.app.clock.advanceHours(5);
  const { reply } = await text('+447700900101', 'Found');
  expect(reply).toBe(
    `Thank you. Return of K7Q2 recorded for episode ${episode.reference}. The team will contact you about a return interview.`,
  );
  const [after] = await q('SELECT state, returned_at IS NOT NULL AS returned FROM missing_episodes WHERE id = $1', [
    episode.id,
  ]);
  expect(after).toEqual({ state: 'returned', returned: true });
  const found = await q(
    `SELECT count(*)::int AS n FROM notifications WHERE episode_id = $1 AND template = 'found-notice'`,
    [episode.id],
  );
  expect(found[0].n).toBeGreaterThan(0);
  const again = await text('+447700900101', 'back');
  expect(again.reply).toBe(reply);
  expect(
    (
      await q(`SELECT count(*)::int AS n FROM notifications WHERE episode_id = $1 AND template = 'found-notice'`, [
        episode.id,
      ])
    )[0].n,
  ).toBe(found[0].n);
});

it('opens one new episode when MISSING arrives twice at the same moment after a return; the other text hears it is open', async () => {
  const [returned] = await openEpisodes('K7Q2');
  t.app.clock.advanceHours(1);
  const replies = (await Promise.all([text('+447700900101', 'MISSING'), text('+447700900101', 'missing again')])).map(
    (r) => r.reply,
  );
  // The returned episode stays open for its return interview (issue 22): one new episode, the only one the child is
  // missing in.
  const open = (await openEpisodes('K7Q2')).filter((e: { id: string }) => e.id !== returned.id);
  expect(open).toHaveLength(1);
  expect(replies.sort()).toEqual([
    `Episode ${open[0].reference} is already open for K7Q2 and the team has been alerted. Text FOUND K7Q2 when they return. Danger: call 999.`,
    `Thank you. Missing report for K7Q2 recorded as episode ${open[0].reference}. Police and the team are being alerted now. If the child is in danger call 999.`,
  ]);
  const [earlier] = await q('SELECT state FROM missing_episodes WHERE id = $1', [returned.id]);
  expect(earlier.state).toBe('returned');
});

it('says there is no open episode for FOUND when the child is not missing', async () => {
  const { reply } = await text('+447700900102', 'FOUND M4RT');
  expect(reply).toBe(
    'There is no open missing episode for M4RT, so nothing was changed. To report a child missing text MISSING M4RT.',
  );
});

it("asks a two-child carer which child, even when they name someone else's child", async () => {
  const before = await q(`SELECT count(*)::int AS n FROM missing_episodes`);
  const { reply } = await text('+447700900102', 'MISSING K7Q2');
  expect(reply).toBe('Which child? Text MISSING followed by one of: H9PX, M4RT');
  expect(await q(`SELECT count(*)::int AS n FROM missing_episodes`)).toEqual(before);
  const named = await text('+447700900102', 'm4rt is missing');
  expect(named.reply).toMatch(/^Thank you. Missing report for M4RT recorded as episode E-/);
});

it('treats a former carer of the child as a stranger', async () => {
  const [child] = await q(
    `SELECT c.id, p.id AS placement FROM children c JOIN placements p ON p.child_id = c.id AND p.ended_at IS NULL WHERE c.reference = 'W3FC'`,
  );
  const other = await t.app.tokenFor('social_worker', 'OTHER');
  const end = await t.app.server.inject({
    method: 'POST',
    url: `/api/v1/placements/${child.placement}/end`,
    headers: bearer(other),
    payload: { reason: 'Moved' },
  });
  expect(end.statusCode).toBe(200);
  const moved = await t.app.server.inject({
    method: 'POST',
    url: `/api/v1/children/${child.id}/placements`,
    headers: bearer(other),
    payload: {
      type: 'residential',
      provider: 'Home',
      address: 'Somewhere',
      carers: [{ name: 'New Carer', mobile: '07700 900302' }],
    },
  });
  expect(moved.statusCode).toBe(201);
  const { reply } = await text('+447700900301', 'MISSING W3FC');
  expect(reply).toBe('Thank you. Your message has been passed to the duty team.');
  expect(await openEpisodes('W3FC')).toHaveLength(0);
});
