// Calls in Welsh (issue 29) through the real twilio SDK against the fake Twilio API: a control room
// whose language is Cymraeg hears the alert, the choice, the read-back and the goodbye in Welsh (a
// Welsh <Say>, the reference's NATO words said with English sounds, the digits in Welsh), and 1
// accepts as in English; where its language is unknown a Welsh-first authority's call says Welsh then
// English, an English-first one English then Welsh, and an English-only one English alone.
import { buildDeliveryTestApp, DeliveryTestApp, PUBLIC_BASE_URL } from '../support/delivery';
import { childPlaced, reportMissing } from '../support/escalation-fixtures';
import type { FakeCall } from '../support/fake-twilio';
import { callStatus, fetchTwiml, pressKey } from '../support/twilio-voice';

let t: DeliveryTestApp;
const signed = { publicBaseUrl: PUBLIC_BASE_URL };
const POLICE_VOICE = '+442079460201'; // Demo Borough's police control room (seeds/demo-data.ts)
const q = (sql: string, params: unknown[] = []) => t.app.db.dataSource.query(sql, params);

beforeAll(async () => {
  t = await buildDeliveryTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => t.twilio.reset());
afterEach(async () => {
  await q(`UPDATE contacts SET language = NULL WHERE voice_number = $1`, [POLICE_VOICE]);
  await q(`UPDATE local_authorities SET language = 'english_only' WHERE name = 'Demo Borough'`);
});

const controlRoomSpeaks = (language: 'cy' | 'en' | null) =>
  q(`UPDATE contacts SET language = $2 WHERE voice_number = $1`, [POLICE_VOICE, language]);
const authoritySays = (language: string) =>
  q(`UPDATE local_authorities SET language = $1 WHERE name = 'Demo Borough'`, [language]);

async function policeCalled() {
  const child = await childPlaced(t.app, { trafficking: 'suspected', daysAgo: 2 });
  const episode = await reportMissing(t.app, child.id);
  await t.app.services.dispatcher.drain();
  const calls = t.twilio.calls.filter((c) => c.to === POLICE_VOICE);
  expect(calls).toHaveLength(1);
  return { episode, call: calls[0] as FakeCall };
}

/** Each <Say>: its language and its words (a <lang> inside a Welsh one kept as text). */
function says(twiml: string): { language: string; voice: string | null; words: string }[] {
  return [...twiml.matchAll(/<Say([^>]*)>([\s\S]*?)<\/Say>/g)].map((m) => ({
    language: /language="([^"]+)"/.exec(m[1])?.[1] ?? '',
    voice: /voice="([^"]+)"/.exec(m[1])?.[1] ?? null,
    words: m[2]
      .replace(/<[^>]+>/g, '')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  }));
}
const languages = (twiml: string) => says(twiml).map((s) => s.language);

it('a control room whose language is Cymraeg hears the whole call in Welsh, and 1 accepts it', async () => {
  await controlRoomSpeaks('cy');
  const { episode, call } = await policeCalled();
  const twiml = await fetchTwiml(t.app.server, call, signed);
  expect(twiml.statusCode).toBe(200);
  const said = says(twiml.payload);
  expect(said.map((s) => [s.language, s.voice])).toEqual([
    ['cy-GB', 'Polly.Gwyneth'],
    ['cy-GB', 'Polly.Gwyneth'],
  ]);
  const [alert, prompt] = said.map((s) => s.words);
  expect(alert).toContain('Dyma alwad awtomatig gan y gwasanaeth Diogelu plant coll, ar ran Demo Borough.');
  expect(alert).toContain('Mae plentyn yng ngofal Demo Borough ar goll.');
  expect(alert).toContain('Risg uchel.');
  expect(alert).not.toMatch(/\b(missing|High risk|Press)\b/);
  expect(prompt).toBe("Pwyswch 1 i dderbyn y rhybudd hwn. Pwyswch 2 i'w glywed eto.");
  // The reference: each letter its NATO word, said with English sounds; each digit in Welsh.
  const ref = episode.reference.replace(/-/g, '');
  const welshDigits = ['dim', 'un', 'dau', 'tri', 'pedwar', 'pump', 'chwech', 'saith', 'wyth', 'naw'];
  const langs = [...twiml.payload.matchAll(/<lang xml:lang="en-GB">([^<]+)<\/lang>/g)].map((m) => m[1]);
  expect(langs.map((w) => w[0])).toEqual([...ref].filter((c) => /[A-Z]/.test(c)));
  for (const digit of [...ref].filter((c) => /\d/.test(c))) expect(alert).toContain(welshDigits[Number(digit)]);
  expect(alert).not.toContain(episode.reference);
  expect(alert).not.toMatch(/Secret|Name/);
  // The row keeps what the call said, in Welsh.
  const [row] = await q(`SELECT id, language, body_text FROM notifications WHERE provider_id = $1`, [call.sid]);
  expect(row).toMatchObject({ language: 'cy', body_text: alert });

  const again = await pressKey(t.app.server, twiml.payload, call, '2', signed);
  expect(says(again.payload)[0]).toMatchObject({
    language: 'cy-GB',
    words: "Rydych wedi pwyso 2. Dyma'r rhybudd eto.",
  });
  const other = await pressKey(t.app.server, again.payload, call, '7', signed);
  expect(says(other.payload)[0].words).toBe("Rydych wedi pwyso 7. Nid yw hwnnw'n un o'r dewisiadau.");
  const accepted = await pressKey(t.app.server, other.payload, call, '1', signed);
  expect(languages(accepted.payload)).toEqual(['cy-GB']);
  expect(says(accepted.payload)[0].words).toMatch(
    /^Rydych wedi pwyso 1\. Rydych wedi derbyn y rhybudd ar gyfer achos /,
  );
  expect(accepted.payload).toContain('<Hangup/>');
  // The same acknowledgement as in English: the call, the step, the timeline.
  expect(await q(`SELECT status FROM notifications WHERE id = $1`, [row.id])).toEqual([{ status: 'acknowledged' }]);
  expect(
    await q(`SELECT step_key FROM episode_events WHERE episode_id = $1 AND type = 'acknowledged'`, [episode.id]),
  ).toEqual([{ step_key: 'report_police' }]);
});

it('in Welsh too, no key is not an acknowledgement, and a voicemail hears a short Welsh message', async () => {
  await controlRoomSpeaks('cy');
  const { call } = await policeCalled();
  const twiml = await fetchTwiml(t.app.server, call, signed);
  const none = await pressKey(t.app.server, twiml.payload, call, '', signed);
  expect(says(none.payload)).toEqual([
    expect.objectContaining({ language: 'cy-GB', words: expect.stringMatching(/^Ni phwyswyd unrhyw fysell/) }),
  ]);
  expect(await q(`SELECT status FROM notifications WHERE provider_id = $1`, [call.sid])).toEqual([
    { status: 'failed' },
  ]);

  t.twilio.reset();
  const second = await policeCalled();
  const machine = await fetchTwiml(t.app.server, second.call, signed, 'machine_end_beep');
  expect(machine.payload).not.toContain('<Gather');
  expect(says(machine.payload).map((s) => s.words)).toEqual([
    "Dyma alwad awtomatig gan y gwasanaeth Diogelu plant coll gyda rhybudd brys. Edrychwch ar eich negeseuon testun a'ch e-bost. Hwyl fawr.",
  ]);
  await callStatus(t.app.server, second.call, 'completed', signed, 'machine_end_beep');
  expect(await q(`SELECT status FROM notifications WHERE provider_id = $1`, [second.call.sid])).toEqual([
    { status: 'failed' },
  ]);
});

it("where the control room's language is unknown, the call follows the authority: Welsh-first, English-first, English only", async () => {
  await authoritySays('welsh_first');
  const welshFirst = await policeCalled();
  const cyEn = await fetchTwiml(t.app.server, welshFirst.call, signed);
  // Each language says the alert and then its choice, so either listener can press 1 after their own.
  expect(languages(cyEn.payload)).toEqual(['cy-GB', 'cy-GB', 'en-GB', 'en-GB']);
  expect(says(cyEn.payload).map((s) => s.words)).toEqual([
    expect.stringContaining('Mae plentyn yng ngofal Demo Borough ar goll.'),
    "Pwyswch 1 i dderbyn y rhybudd hwn. Pwyswch 2 i'w glywed eto.",
    expect.stringContaining('A child in the care of Demo Borough is missing.'),
    'Press 1 to accept this alert. Press 2 to hear it again.',
  ]);
  const [row] = await q(`SELECT language, body_text FROM notifications WHERE provider_id = $1`, [welshFirst.call.sid]);
  expect(row.language).toBe('cy+en');
  expect(row.body_text).toMatch(/^Dyma alwad .* \/ This is an automated call/);
  const accepted = await pressKey(t.app.server, cyEn.payload, welshFirst.call, '1', signed);
  expect(languages(accepted.payload)).toEqual(['cy-GB', 'en-GB']);
  expect(await q(`SELECT status FROM notifications WHERE provider_id = $1`, [welshFirst.call.sid])).toEqual([
    { status: 'acknowledged' },
  ]);

  t.twilio.reset();
  await authoritySays('english_first');
  const englishFirst = await policeCalled();
  const enCy = await fetchTwiml(t.app.server, englishFirst.call, signed);
  expect(languages(enCy.payload)).toEqual(['en-GB', 'en-GB', 'cy-GB', 'cy-GB']);

  t.twilio.reset();
  await authoritySays('english_only');
  const englishOnly = await policeCalled();
  const en = await fetchTwiml(t.app.server, englishOnly.call, signed);
  expect(languages(en.payload)).toEqual(['en-GB', 'en-GB']);
  expect(en.payload).not.toContain('cy-GB');

  // A recorded choice wins over the authority's order: English to a control room that chose English.
  t.twilio.reset();
  await authoritySays('welsh_first');
  await controlRoomSpeaks('en');
  const chose = await policeCalled();
  expect(languages((await fetchTwiml(t.app.server, chose.call, signed)).payload)).toEqual(['en-GB', 'en-GB']);
});
