// Texts people can trust, through the signed webhook with the real twilio SDK against the fake Twilio
// API: a carer's question or worry during an episode never records a return or sends "FOUND"; a
// mention of a return is asked to be confirmed, and only a YES from that number within 30 minutes
// records it; a carer's other text is the episode's update and the social worker and duty manager
// are told (without the words); an urgent text from a stranger reaches the duty manager at once.
import { buildDeliveryTestApp, DeliveryTestApp, PUBLIC_BASE_URL } from '../support/delivery';
import { FAKE_AUTH_TOKEN } from '../support/fake-twilio';
import { textService } from '../support/twilio-sms';

let t: DeliveryTestApp;
let episode: { id: string; reference: string };
const CARER = '+447700900101';
const DUTY_MANAGER = '+447700900203';

const text = (from: string, body: string) =>
  textService(t.app.server, from, body, { authToken: FAKE_AUTH_TOKEN, baseUrl: PUBLIC_BASE_URL });
const q = (sql: string, params: unknown[] = []) => t.app.db.dataSource.query(sql, params);
const returnedAt = async () =>
  (await q('SELECT returned_at FROM missing_episodes WHERE id = $1', [episode.id]))[0].returned_at;
const foundNotices = async () =>
  Number(
    (
      await q(`SELECT count(*) AS n FROM notifications WHERE episode_id = $1 AND template = 'found-notice'`, [
        episode.id,
      ])
    )[0].n,
  );
const updates = async () =>
  (
    await q(`SELECT summary FROM episode_events WHERE episode_id = $1 AND type = 'carer_update' ORDER BY at, id`, [
      episode.id,
    ])
  ).map((r: { summary: string }) => r.summary);

beforeAll(async () => {
  t = await buildDeliveryTestApp();
  await text(CARER, 'MISSING');
  [episode] = await q(
    `SELECT e.id, e.reference FROM missing_episodes e JOIN children c ON c.id = e.child_id WHERE c.reference = 'K7Q2' AND e.closed_at IS NULL`,
  );
  await t.app.services.dispatcher.drain();
});
afterAll(async () => {
  await t.close();
});

describe('a question or a worry during an episode', () => {
  it.each([
    'Any news? Is she back yet?',
    'Police have been to the home, still no sign of her',
    'no sign of her at home',
    'Is K7Q2 back?',
  ])("%j records no return, sends no found notice, and is kept as the carer's update", async (body) => {
    const { res, reply } = await text(CARER, body);
    expect(res.statusCode).toBe(200);
    expect(reply).toBe(
      `Thank you. Your update is on episode ${episode.reference} and the team has been told. If K7Q2 is back, text BACK K7Q2. Danger: call 999.`,
    );
    expect(await returnedAt()).toBeNull();
    expect(await foundNotices()).toBe(0);
    expect(await updates()).toContain(`Update from the carer by text: ${body}`);
  });
});

describe("a carer's update", () => {
  it('is on the timeline, and the social worker and the duty manager are told where to read it, not what it says', async () => {
    t.app.clock.advanceMinutes(15); // a new quarter hour: the updates before it were notified already
    const before = Number((await q(`SELECT count(*) AS n FROM notifications WHERE template = 'carer-update'`))[0].n);
    await text(CARER, 'last seen 9pm near the station, red jacket');
    await text(CARER, 'she took her phone and charger');
    expect(await updates()).toEqual(
      expect.arrayContaining([
        'Update from the carer by text: last seen 9pm near the station, red jacket',
        'Update from the carer by text: she took her phone and charger',
      ]),
    );
    await t.app.services.dispatcher.drain();
    const told =
      await q(`SELECT recipient_type, recipient_name, body_text FROM notifications WHERE template = 'carer-update'
      ORDER BY created_at DESC, recipient_type LIMIT 2`);
    // Two texts in one quarter hour: one notice each to the social worker and the duty manager.
    expect(Number((await q(`SELECT count(*) AS n FROM notifications WHERE template = 'carer-update'`))[0].n)).toBe(
      before + 2,
    );
    expect(
      told.map((n: { recipient_type: string; recipient_name: string }) => `${n.recipient_type} ${n.recipient_name}`),
    ).toEqual(['duty Duty manager', 'user Sam Social-Worker']);
    const toDuty = t.twilio
      .to(DUTY_MANAGER)
      .map((m) => m.body)
      .filter((b) => b.startsWith('Update from the carer'));
    expect(toDuty.at(-1)).toBe(
      `Update from the carer on episode ${episode.reference} (child K7Q2). Read it: ${PUBLIC_BASE_URL}/episodes/${episode.id}`,
    );
    for (const n of told) expect(String(n.body_text)).not.toMatch(/station|red jacket|Amira/);
  });
});

describe('a return mentioned but not said plainly', () => {
  it('asks for YES and records nothing until then; a YES from another number changes nothing', async () => {
    const { reply } = await text(CARER, "I think she's back");
    expect(reply).toBe(
      'Is K7Q2 back? Reply YES within 30 minutes to confirm. Nothing has been recorded yet. If K7Q2 is still missing, do not reply YES.',
    );
    expect(await returnedAt()).toBeNull();
    const stranger = await text('+447700900555', 'YES');
    expect(stranger.reply).toBe('Thank you. Your message has been passed to the duty team.');
    const otherCarer = await text('+447700900102', 'YES');
    expect(otherCarer.reply).toBe(
      'Nothing here is waiting for a YES from this number, so nothing was changed. If a child is back, text BACK and their reference.',
    );
    expect(await returnedAt()).toBeNull();
  });

  it('does not take a YES after 30 minutes', async () => {
    t.app.clock.advanceMinutes(31);
    const late = await text(CARER, 'yes');
    expect(late.reply).toMatch(/^Nothing here is waiting for a YES/);
    expect(await returnedAt()).toBeNull();
    expect(await foundNotices()).toBe(0);
  });

  it('records the return on a YES from the carer within 30 minutes, and found notices go out', async () => {
    await text(CARER, 'good news she is safe');
    t.app.clock.advanceMinutes(10);
    const { reply } = await text(CARER, 'Yes');
    expect(reply).toBe(
      `Thank you. Return of K7Q2 recorded for episode ${episode.reference}. The team will contact you about a return interview.`,
    );
    expect(await returnedAt()).not.toBeNull();
    expect(await foundNotices()).toBeGreaterThan(0);
    const again = await text(CARER, 'YES');
    expect(again.reply).toMatch(/^Nothing here is waiting for a YES/);
  });
});

describe('a stranger', () => {
  it('texting something urgent gets a neutral reply, and the duty manager is alerted at once', async () => {
    const before = Number((await q(`SELECT count(*) AS n FROM notifications WHERE template = 'urgent-text'`))[0].n);
    const { reply, messageSid } = await text('+447700900556', 'my daughter has run away please help');
    expect(reply).toBe('Thank you. Your message has been passed to the duty team.');
    const [row] = await q('SELECT needs_attention, outcome FROM inbound_messages WHERE message_sid = $1', [messageSid]);
    expect(row).toEqual({ needs_attention: true, outcome: 'unknown_sender' });
    await t.app.services.dispatcher.drain();
    const alerts = await q(
      `SELECT address, body_text FROM notifications WHERE template = 'urgent-text' ORDER BY created_at`,
    );
    expect(alerts.length).toBe(before + 1);
    expect(alerts.at(-1).address).toBe(DUTY_MANAGER);
    expect(alerts.at(-1).body_text).toContain(`${PUBLIC_BASE_URL}/admin/texts`);
    expect(alerts.at(-1).body_text).not.toMatch(/daughter|run away/);
  });

  it('texting something ordinary is queued without waking anyone', async () => {
    const before = Number((await q(`SELECT count(*) AS n FROM notifications WHERE template = 'urgent-text'`))[0].n);
    const { reply } = await text('+447700900557', 'is this the fostering team');
    expect(reply).toBe('Thank you. Your message has been passed to the duty team.');
    expect(Number((await q(`SELECT count(*) AS n FROM notifications WHERE template = 'urgent-text'`))[0].n)).toBe(
      before,
    );
  });
});
