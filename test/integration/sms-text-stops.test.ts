// Stop and start words (issue 29), through the signed SMS webhook, the real twilio SDK against the fake
// Twilio API: Welsh STOPIO (which Twilio does not know) stops the service's texts to that number, with a
// Welsh reply and the text left for the duty team; a later text to the number fails at once and falls
// back; DECHRAU starts them again. English STOP is recorded the same way (Twilio blocks it as well). Only
// the whole text counts. And the Welsh-first demo authority's carer opens an episode with AR GOLL, in Welsh.
import { CARER_CYMRAEG, welshAuthorityChild } from '../../seeds/demo-data';
import { buildDeliveryTestApp, DeliveryTestApp, PUBLIC_BASE_URL, queueAlert } from '../support/delivery';
import { FAKE_AUTH_TOKEN } from '../support/fake-twilio';
import { textService } from '../support/twilio-sms';
import { fetchTwiml } from '../support/twilio-voice';

let t: DeliveryTestApp;
let cymru: string;
beforeAll(async () => {
  t = await buildDeliveryTestApp();
  [{ id: cymru }] = await q(`SELECT id FROM local_authorities WHERE code = 'CYMRU'`);
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => t.twilio.reset());

const q = (sql: string, params: unknown[] = []) => t.app.db.dataSource.query(sql, params);
const text = async (body: string, from = CARER_CYMRAEG) => {
  t.app.clock.advance(1000); // each text its own time, so the last is the last received
  return (await textService(t.app.server, from, body, { authToken: FAKE_AUTH_TOKEN, baseUrl: PUBLIC_BASE_URL })).reply;
};
const lastInbound = async (from = CARER_CYMRAEG) =>
  (
    await q(
      `SELECT command, outcome, needs_attention, authority_id FROM inbound_messages
        WHERE from_number = $1 ORDER BY received_at DESC LIMIT 1`,
      [from],
    )
  )[0];
const optOut = async (mobile = CARER_CYMRAEG) =>
  q(`SELECT keyword, language FROM sms_opt_outs WHERE mobile = $1`, [mobile]);
const alertTo = async (address: string) => {
  const n = await queueAlert(t.app, { authorityId: cymru, channel: 'sms', address, needsAck: false });
  await t.app.services.dispatcher.drain();
  return (await q(`SELECT status, last_error FROM notifications WHERE id = $1`, [n.id]))[0];
};

it("Cyngor Sir Demo's Welsh-speaking carer opens an episode with AR GOLL: Welsh replies, police in both languages", async () => {
  const reply = await text('AR GOLL');
  const [episode] = await q(
    `SELECT e.id, e.reference FROM missing_episodes e JOIN children c ON c.id = e.child_id
      WHERE c.reference = $1 AND e.closed_at IS NULL`,
    [welshAuthorityChild.reference],
  );
  expect(reply).toBe(
    `Diolch. Adroddiad ar goll C5YM wedi'i gofnodi, achos ${episode.reference}. Mae'r heddlu a'r tîm yn cael gwybod nawr. Perygl: ffoniwch 999.`,
  );
  await t.app.services.dispatcher.drain();
  // The control room's language is not recorded: Welsh first, as the authority says.
  const [police] = t.twilio.to('+447700900231');
  expect(police.body).toMatch(/^AR GOLL plentyn C5YM \(achos E-\w+\).* \/ MISSING child ref C5YM/);
  const [call] = t.twilio.calls.filter((c) => c.to === '+442920180231');
  const twiml = (await fetchTwiml(t.app.server, call, { publicBaseUrl: PUBLIC_BASE_URL })).payload;
  expect(twiml.indexOf('language="cy-GB"')).toBeLessThan(twiml.indexOf('language="en-GB"'));
  expect(twiml).toContain('Cyngor Sir Demo / Demo County Council');
  const [confirmation] = t.twilio.to(CARER_CYMRAEG);
  expect(confirmation.body).toMatch(/^Cawsom eich adroddiad/);
  expect(confirmation.body).not.toContain(' / ');
  expect(await text('ADREF')).toMatch(/C5YM/);
  expect(
    await q(`SELECT closed_at IS NULL AS open, returned_at IS NOT NULL AS back FROM missing_episodes WHERE id = $1`, [
      episode.id,
    ]),
  ).toEqual([expect.objectContaining({ back: true })]);
});

it('STOPIO stops texts to the number with a Welsh reply and a note for the duty team; DECHRAU starts them again', async () => {
  expect(await text('Stopio.')).toBe(
    "Ni fyddwch yn cael rhagor o negeseuon testun gan y gwasanaeth hwn. Bydd y gwasanaethau plant yn cael gwybod. Tecstiwch DECHRAU i'w cael eto. Perygl: ffoniwch 999.",
  );
  expect(await lastInbound()).toEqual({
    command: 'stop',
    outcome: 'texts_stopped',
    needs_attention: true,
    authority_id: cymru,
  });
  expect(await optOut()).toEqual([{ keyword: 'STOPIO', language: 'cy' }]);

  // The next text to the number is never sent: it fails at once, saying why, so its fallback follows.
  expect(await alertTo(CARER_CYMRAEG)).toEqual({
    status: 'failed',
    last_error: 'the recipient texted STOPIO to stop texts from the service (START or DECHRAU lifts it)',
  });
  expect(t.twilio.to(CARER_CYMRAEG)).toEqual([]);

  expect(await text('dechrau')).toBe(
    "Byddwch yn cael negeseuon testun gan y gwasanaeth hwn eto. Tecstiwch STOPIO i'w hatal.",
  );
  expect(await lastInbound()).toMatchObject({ command: 'start', outcome: 'texts_restarted', needs_attention: false });
  expect(await optOut()).toEqual([]);
  expect(await alertTo(CARER_CYMRAEG)).toMatchObject({ status: 'sent' });
  expect(t.twilio.to(CARER_CYMRAEG)).toHaveLength(1);
});

it('the other Welsh words and English STOP stop texts too; a sentence with STOP in it is a message for people', async () => {
  for (const word of ['DIWEDD', 'Dad-danysgrifio', 'STOPIWCH']) {
    await text(word);
    expect(await optOut()).toEqual([{ keyword: word.toUpperCase().replace('-', ''), language: 'cy' }]);
    await text('DECHRAU');
  }
  // English STOP: recorded in English (Twilio blocks the number itself and sends its own reply).
  const english = '+447700900101';
  expect(await text('STOP', english)).toMatch(/^You will get no more texts from this service/);
  expect(await optOut(english)).toEqual([{ keyword: 'STOP', language: 'en' }]);
  expect(await alertTo(english)).toMatchObject({ status: 'failed' });
  expect(await text('START', english)).toBe('You will get texts from this service again. Text STOP to stop them.');
  expect(await optOut(english)).toEqual([]);

  await text('stopio anfon negeseuon am C5YM plis');
  expect(await optOut()).toEqual([]);
  expect((await lastInbound()).outcome).not.toBe('texts_stopped');
});
