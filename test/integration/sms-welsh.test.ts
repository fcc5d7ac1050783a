// A carer can text in Welsh (issue 29): AR GOLL opens the episode and the police are alerted in their
// language (both languages, Welsh first, where a Welsh-first authority does not know it), through the
// real twilio SDK against the fake Twilio API and real SMTP; ADREF records the return as BACK does, a
// mention of a return is asked to be confirmed with IE, a Welsh question closes nothing, and every
// reply is in the language the carer texted in. The carer's Welsh is recorded when it was unknown.
import { buildDeliveryTestApp, DeliveryTestApp, PUBLIC_BASE_URL } from '../support/delivery';
import { FAKE_AUTH_TOKEN } from '../support/fake-twilio';
import { textService } from '../support/twilio-sms';

const CARER = '+447700900101'; // K7Q2's only carer
const POLICE_MOBILE = '+447700900201';
const POLICE_EMAIL = 'police@example.org';

let t: DeliveryTestApp;
beforeAll(async () => {
  t = await buildDeliveryTestApp();
  await q(`UPDATE local_authorities SET language = 'welsh_first' WHERE id = $1`, [t.authorityId]);
});
afterAll(async () => {
  await t.close();
});

const text = async (body: string, from = CARER) =>
  (await textService(t.app.server, from, body, { authToken: FAKE_AUTH_TOKEN, baseUrl: PUBLIC_BASE_URL })).reply;
const q = (sql: string, params: unknown[] = []) => t.app.db.dataSource.query(sql, params);
const openEpisode = async () =>
  (
    await q(
      `SELECT e.id, e.reference, e.returned_at FROM missing_episodes e JOIN children c ON c.id = e.child_id
        WHERE c.reference = 'K7Q2' AND e.closed_at IS NULL ORDER BY e.created_at DESC LIMIT 1`,
    )
  )[0] as { id: string; reference: string; returned_at: Date | null } | undefined;
const carerLanguage = async () =>
  (await q(`SELECT DISTINCT language FROM placement_carers WHERE mobile = $1`, [CARER])).map(
    (r: { language: string | null }) => r.language,
  );

it("opens an episode from a Welsh carer's AR GOLL, replies in Welsh, records their Welsh and alerts police in both languages, Welsh first", async () => {
  expect(await carerLanguage()).toEqual([null]);
  const reply = await text('ar goll');
  const episode = (await openEpisode())!;
  expect(reply).toBe(
    `Diolch. Adroddiad ar goll K7Q2 wedi'i gofnodi, achos ${episode.reference}. Mae'r heddlu a'r tîm yn cael gwybod nawr. Perygl: ffoniwch 999.`,
  );
  expect(await carerLanguage()).toEqual(['cy']);

  await t.app.services.dispatcher.drain();
  const [sms] = t.twilio.to(POLICE_MOBILE);
  expect(sms.body).toMatch(
    new RegExp(`^AR GOLL plentyn K7Q2 \\(achos ${episode.reference}\\).* / MISSING child ref K7Q2`),
  );
  const [email] = t.smtp.to(POLICE_EMAIL);
  expect(email.mail.subject).toMatch(/^AR GOLL: plentyn K7Q2, achos .* \/ MISSING: child K7Q2, episode /);
  expect(email.mail.text).toMatch(/^Adroddwyd bod plentyn K7Q2 ar goll[\s\S]*Child K7Q2 reported missing/);
  expect(email.mail.html).toContain('<html lang="cy">');
  // The carer's own confirmation is in Welsh only: their language is known now.
  const [confirmation] = t.twilio.to(CARER);
  expect(confirmation.body).toMatch(new RegExp(`^Cawsom eich adroddiad, achos ${episode.reference}, plentyn K7Q2\\.`));
  expect(confirmation.body).not.toContain(' / ');
});

it('a Welsh question closes nothing and is added as the carer’s update, with a Welsh reply', async () => {
  const episode = (await openEpisode())!;
  for (const body of ['ydy hi wedi dod adref?', 'Ydy K7Q2 yn ôl?']) {
    const reply = await text(body);
    expect(reply).toMatch(new RegExp(`^Diolch\\. Mae eich neges ar achos ${episode.reference}`));
  }
  expect((await openEpisode())!.returned_at).toBeNull();
});

it('asks a Welsh mention of a return to be confirmed, and IE records it', async () => {
  const episode = (await openEpisode())!;
  const asked = await text('mae hi adref nawr');
  expect(asked).toBe(
    'Ydy K7Q2 yn ôl? Atebwch IE o fewn 30 munud i gadarnhau. Does dim wedi’i gofnodi eto. Os yw K7Q2 dal ar goll, peidiwch ag ateb IE.'.replace(
      '’',
      "'",
    ),
  );
  expect((await openEpisode())!.returned_at).toBeNull();
  const confirmed = await text('IE');
  expect(confirmed).toBe(
    `Diolch. Cofnodwyd bod K7Q2 yn ôl, achos ${episode.reference}. Bydd y tîm yn cysylltu am gyfweliad dychwelyd.`,
  );
  const [after] = await q('SELECT returned_at IS NOT NULL AS returned FROM missing_episodes WHERE id = $1', [
    episode.id,
  ]);
  expect(after.returned).toBe(true);
});

it('records the return from ADREF as from BACK, and WEDI DOD YN OL (no accent) the same; a second changes nothing', async () => {
  t.app.clock.advanceHours(2);
  await text('AR GOLL K7Q2');
  const episode = (await openEpisode())!;
  expect(episode.returned_at).toBeNull();
  const reply = await text('ADREF');
  expect(reply).toBe(
    `Diolch. Cofnodwyd bod K7Q2 yn ôl, achos ${episode.reference}. Bydd y tîm yn cysylltu am gyfweliad dychwelyd.`,
  );
  expect((await openEpisode())!.returned_at).not.toBeNull();
  const found = `SELECT count(*)::int AS n FROM notifications WHERE episode_id = $1 AND template = 'found-notice'`;
  const [{ n }] = await q(found, [episode.id]);
  expect(n).toBeGreaterThan(0);
  expect(await text('WEDI DOD YN OL K7Q2')).toBe(reply);
  expect((await q(found, [episode.id]))[0].n).toBe(n);
});

it('answers an English text in English, and a text in neither language in the carer’s recorded Welsh', async () => {
  t.app.clock.advanceHours(2);
  const english = await text('MISSING');
  expect(english).toMatch(/^Thank you\. Missing report for K7Q2 recorded as episode /);
  expect(await text('K7Q2')).toMatch(/^Diolch\. Mae eich neges ar achos /);
});

it('writes an email to a contact who chose Welsh in Welsh only', async () => {
  await q(`UPDATE contacts SET language = 'cy' WHERE email = $1`, [POLICE_EMAIL]);
  await text('ADREF');
  t.app.clock.advanceHours(2);
  const before = t.smtp.to(POLICE_EMAIL).length;
  await text('AR GOLL');
  const episode = (await openEpisode())!;
  await t.app.services.dispatcher.drain();
  const email = t.smtp
    .to(POLICE_EMAIL)
    .slice(before)
    .find((m) => m.mail.subject?.includes(episode.reference))!;
  expect(email.mail.subject).toBe(`AR GOLL: plentyn K7Q2, achos ${episode.reference} (Risg uchel)`);
  expect(email.mail.text).not.toMatch(/Child reference|reported missing/);
  expect(email.mail.html).toContain('<html lang="cy">');
  const [row] = await q(`SELECT language FROM notifications WHERE episode_id = $1 AND address = $2`, [
    episode.id,
    POLICE_EMAIL,
  ]);
  expect(row.language).toBe('cy');
});
