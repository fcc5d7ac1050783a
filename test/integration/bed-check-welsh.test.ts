// Bed checks in Welsh (issue 29): in a Welsh-first authority a carer whose language is unknown gets
// the check in both languages, Welsh first; a bare IE or NA answers it (NA opens the episode), a
// Welsh answer with more words is asked to be bare, and every reply is in Welsh.
import { buildDeliveryTestApp, DeliveryTestApp, PUBLIC_BASE_URL } from '../support/delivery';
import { FAKE_AUTH_TOKEN } from '../support/fake-twilio';
import { apiOf, demoChildId } from '../support/records';
import { textService } from '../support/twilio-sms';

const CARER = '+447700900101';
let t: DeliveryTestApp;
let childId: string;
beforeAll(async () => {
  t = await buildDeliveryTestApp();
  childId = await demoChildId(t.app, 'K7Q2');
  await t.app.db.dataSource.query(`UPDATE local_authorities SET language = 'welsh_first' WHERE id = $1`, [
    t.authorityId,
  ]);
});
afterAll(async () => {
  await t.close();
});

const text = async (body: string) =>
  (await textService(t.app.server, CARER, body, { authToken: FAKE_AUTH_TOKEN, baseUrl: PUBLIC_BASE_URL })).reply;
const answer = async () =>
  (
    await t.app.db.dataSource.query('SELECT answer FROM bed_checks WHERE child_id = $1 ORDER BY due_at DESC', [childId])
  )[0]?.answer ?? null;

async function checkWaiting(day: number): Promise<void> {
  const date = `2026-12-0${day}`;
  t.app.clock.set(`${date}T12:00:00Z`);
  const res = await apiOf(t.app)('POST', `/api/v1/children/${childId}/plans`, {
    riskOfMissing: 'high',
    measures: [],
    agreedBy: 'Strategy meeting',
    agreedOn: date,
    reviewOn: '2027-06-01',
    bedChecks: { times: ['23:00'], days: 1 },
  });
  expect(res.statusCode).toBe(201);
  t.app.clock.set(`${date}T23:00:00Z`);
  expect((await t.app.services.bedCheckRound.run()).sent).toBe(1);
  await t.app.services.dispatcher.drain();
  t.app.clock.advanceMinutes(2);
}

it('sends the check Welsh first to a carer whose language is unknown, and a bare IE answers it in Welsh', async () => {
  await checkWaiting(1);
  const [check] = t.twilio.to(CARER);
  expect(check.body).toBe(
    'Gwiriad gwely K7Q2: atebwch IE os yw K7Q2 adref, NA os nad yw / Bed check for K7Q2: reply YES if K7Q2 is home, NO if not',
  );
  expect(await text('ie mae hi yn y gwely')).toBe(
    'Mae gwiriad gwely K7Q2 yn aros: atebwch IE os adref, NA os nad yw, a dim arall. Aeth eich neges at y rheolwr ar ddyletswydd hefyd.',
  );
  expect(await answer()).toBeNull();
  expect(await text('IE')).toBe("Diolch. Gwiriad gwely K7Q2 wedi'i gofnodi: adref.");
  expect(await answer()).toBe('yes');
});

it('a carer who chose Welsh, known to the check only by their mobile, gets it in Welsh alone where the authority writes English', async () => {
  const db = t.app.db.dataSource;
  await db.query(`UPDATE local_authorities SET language = 'english_only' WHERE id = $1`, [t.authorityId]);
  await db.query(`UPDATE placement_carers SET language = 'cy' WHERE mobile = $1`, [CARER]);
  try {
    const before = t.twilio.to(CARER).length;
    await checkWaiting(2);
    expect(
      t.twilio
        .to(CARER)
        .slice(before)
        .map((m) => m.body),
    ).toEqual(['Gwiriad gwely K7Q2: atebwch IE os yw K7Q2 adref, NA os nad yw']);
    expect(await text('IE')).toBe("Diolch. Gwiriad gwely K7Q2 wedi'i gofnodi: adref.");
  } finally {
    await db.query(`UPDATE placement_carers SET language = NULL WHERE mobile = $1`, [CARER]);
    await db.query(`UPDATE local_authorities SET language = 'welsh_first' WHERE id = $1`, [t.authorityId]);
  }
});

it('a bare NA opens the episode, with the reply in Welsh', async () => {
  await checkWaiting(3);
  expect(await text('na')).toMatch(/^Diolch\. Gwiriad gwely: K7Q2 ddim adref\. Achos ar goll E-\w+ ar agor;/);
  expect(await answer()).toBe('no');
});
