// Placement, carer, care-end, missing-profile and undo-return pages in Welsh (issue 29): each page asked for in
// Welsh shows none of the English catalogue, and each form's errors come back in Welsh. The police's page from
// the alert link opens in Welsh when ?lang=, the cookie or, failing both, the sending authority says so.
import { fieldsFor } from '../../src/platform/views/date-time-fields';
import { buildTestApp, TestApp } from '../support/app';
import { addContacts, childPlaced, post, reportMissing, TestChild } from '../support/escalation-fixtures';
import { PageSession, pageSession, uploadPhoto } from '../support/pages';
import { expectWelsh } from '../support/welsh';

let app: TestApp;
let sw: PageSession;
let manager: PageSession;
let child: TestChild;

beforeAll(async () => {
  app = await buildTestApp({ PUBLIC_BASE_URL: 'https://alerts.example.org' });
  await addContacts(app);
  sw = await pageSession(app, 'social_worker');
  manager = await pageSession(app, 'team_manager');
  child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 5, carer: '+447700900611' });
  // Both choose Welsh once; it is remembered as their own choice.
  expectWelsh(await sw.get('/?lang=cy'));
  expectWelsh(await manager.get('/?lang=cy'));
});
afterAll(async () => {
  await app.close();
});

const q = (sql: string, params: unknown[] = []) => app.db.dataSource.query(sql, params);
/** The error summary's list, quotes unescaped. */
const summaryOf = (payload: string) =>
  (/govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(payload)?.[1] ?? '').replace(/&#39;/g, "'");
const unescaped = (res: { payload: string }) => res.payload.replace(/&#39;/g, "'");
const now = (prefix: string) => fieldsFor(app.clock.now(), 'Europe/London', prefix);

describe('the placement forms', () => {
  it('starts, changes and ends a placement in Welsh, with every error in Welsh', async () => {
    const start = await sw.get(`/children/${child.id}/placements/new`);
    expectWelsh(start);
    expect(start.payload).toContain('Gofal maeth');
    expect(start.payload).toContain('Awdurdod lletya');
    const bad = await sw.post(`/children/${child.id}/placements/new`, {
      ...now('started'),
      startedDay: '',
      provider: '',
      address: '',
      carerName: '',
      carerMobile: '123',
      carerEmail: 'not-an-email',
      carerLanguage: 'fr',
    });
    expectWelsh(bad, 400);
    const errors = summaryOf(bad.payload);
    expect(errors).toContain('Dewiswch y math o leoliad');
    expect(errors).toContain('Rhowch y darparwr');
    expect(errors).toContain('Rhowch y diwrnod y dechreuodd y lleoliad');
    expect(errors).toContain("Rhowch enw'r gofalwr");
    expect(errors).toContain('Rhowch rif ffôn symudol y gofalwr fel 07700 900101');
    expect(errors).toContain('Rhowch gyfeiriad e-bost y gofalwr yn y fformat cywir');
    expect(errors).toContain('Dewiswch English, Cymraeg neu heb ofyn');
    // A refusal from the service (the child already has a placement) in Welsh too.
    const conflict = await sw.post(`/children/${child.id}/placements/new`, {
      type: 'foster',
      provider: 'Cartref Maeth',
      address: '1 Stryd Fawr',
      ...now('started'),
      carerName: 'Ceri',
      carerMobile: '07700900612',
    });
    expectWelsh(conflict, 400);
    expect(summaryOf(conflict.payload)).toContain('Mae gan y plentyn hwn leoliad presennol yn barod');

    expectWelsh(await sw.get(`/children/${child.id}/placements/edit`));
    const noHost = await sw.post(`/children/${child.id}/placements/edit`, {
      type: 'foster',
      provider: 'Test fostering',
      address: '9 Secret Road',
      hostAuthorityId: 'outside',
    });
    expectWelsh(noHost, 400);
    expect(summaryOf(noHost.payload)).toContain('Dewiswch yr awdurdod lletya, neu rhowch ei enw');

    const force = await sw.get(`/children/${child.id}/placements/police-force`);
    expectWelsh(force);
    expect(unescaped(force)).toContain("Cadw'r heddlu");
    const badForce = await sw.post(`/children/${child.id}/placements/police-force`, {
      policeForceCode: 'x'.repeat(41),
    });
    expectWelsh(badForce, 400);
    expect(summaryOf(badForce.payload)).toContain("Dewiswch heddlu o'r rhestr");

    expectWelsh(await sw.get(`/children/${child.id}/placements/end`));
    const badEnd = await sw.post(`/children/${child.id}/placements/end`, { ...now('ended'), endedDay: '', reason: '' });
    expectWelsh(badEnd, 400);
    expect(summaryOf(badEnd.payload)).toContain('Rhowch y diwrnod y daeth y lleoliad i ben');
    expect(summaryOf(badEnd.payload)).toContain('Rhowch y rheswm pam y daeth y lleoliad i ben');

    expectWelsh(await sw.get(`/children/${child.id}/care/end`));
    const badCare = await sw.post(`/children/${child.id}/care/end`, { ...now('ended'), endedYear: '26', reason: '' });
    expectWelsh(badCare, 400);
    expect(summaryOf(badCare.payload)).toContain("Rhaid i'r flwyddyn y daeth y gofal i ben fod yn 4 digid");
    expect(summaryOf(badCare.payload)).toContain('Rhowch y rheswm pam y daeth y gofal i ben');
  });
});

describe("the placement's carers", () => {
  it('lists, adds, changes and removes carers in Welsh', async () => {
    const list = await sw.get(`/children/${child.id}/carers`);
    expectWelsh(list);
    expect(list.payload).toContain('Gofalwyr y lleoliad presennol (Test fostering)');
    expect(list.payload).toContain('>Newid<');
    const [carer] = await q(
      `SELECT pc.id FROM placement_carers pc JOIN placements p ON p.id = pc.placement_id WHERE p.child_id = $1`,
      [child.id],
    );

    expectWelsh(await sw.get(`/children/${child.id}/carers/new`));
    const bad = await sw.post(`/children/${child.id}/carers/new`, { name: '', mobile: '', email: 'nope' });
    expectWelsh(bad, 400);
    expect(summaryOf(bad.payload)).toContain("Rhowch enw'r gofalwr");
    expect(summaryOf(bad.payload)).toContain('Rhowch rif ffôn symudol y gofalwr');
    const same = await sw.post(`/children/${child.id}/carers/new`, { name: 'Ail Ofalwr', mobile: '07700900611' });
    expectWelsh(same, 400);
    expect(summaryOf(same.payload)).toContain('Mae gan ofalwr arall yn y lleoliad hwn y rhif ffôn symudol hwn');

    const change = await sw.get(`/carers/${carer.id}/change`);
    expectWelsh(change);
    expect(change.payload).toContain('Rhowch fanylion y gofalwr newydd yn lle Carla Carer');
    const remove = await sw.get(`/carers/${carer.id}/remove`);
    expectWelsh(remove);
    expect(remove.payload).toContain('Tynnu Carla Carer fel gofalwr?');
    const unanswered = await sw.post(`/carers/${carer.id}/remove`, {});
    expectWelsh(unanswered, 400);
    expect(summaryOf(unanswered.payload)).toContain("Dewiswch 'Ydw' os ydych chi am dynnu'r gofalwr hwn");
  });
});

describe('the missing profile', () => {
  it('shows the form, its errors and the photograph upload in Welsh', async () => {
    const form = await sw.get(`/children/${child.id}/missing-profile`);
    expectWelsh(form);
    expect(form.payload).toContain('Disgrifiad corfforol');
    expect(form.payload).toContain('Lanlwytho ffotograff diweddar');
    const badDate = await sw.post(`/children/${child.id}/missing-profile`, {
      photoDay: '31',
      photoMonth: '2',
      photoYear: '2026',
    });
    expectWelsh(badDate, 400);
    expect(summaryOf(badDate.payload)).toContain("Rhaid i'r dyddiad y tynnwyd y ffotograff fod yn ddyddiad go iawn");
    const badPhone = await sw.post(`/children/${child.id}/missing-profile`, { phones: 'not a number, Nokia' });
    expectWelsh(badPhone, 400);
    expect(summaryOf(badPhone.payload)).toContain('Rhaid i linell ffôn 1 ddechrau gyda rhif ffôn');

    // A file that is not a photograph: the multipart form re-rendered with its error.
    const url = `/children/${child.id}/missing-profile/photo`;
    const upload = await uploadPhoto(app, sw, url, { name: 'x.png', type: 'image/png', bytes: 'hello' });
    expectWelsh(upload, 400);
    expect(summaryOf(upload.payload)).toContain(
      "Rhaid i'r ffeil fod yn ffotograff wedi'i gadw fel JPEG, PNG neu WebP.",
    );
    expect(unescaped(upload)).toContain("Yn ôl i'r proffil coll");
    const none = await uploadPhoto(app, sw, url, { name: '', type: 'application/octet-stream', bytes: '' });
    // No file chosen: the browser still sends an empty part, and the form says to choose one.
    expectWelsh(none, 400);
    expect(summaryOf(none.payload)).toContain("Dewiswch ffotograff i'w lanlwytho.");
  });
});

describe('undoing a return', () => {
  it('shows the form and its error in Welsh', async () => {
    const other = await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 });
    const episode = await reportMissing(app, other.id);
    app.clock.advance(3_600_000);
    expect((await sw.post(`/episodes/${episode.id}/found`, { ...now('returned'), where: 'Adref' })).statusCode).toBe(
      303,
    );
    const page = await manager.get(`/episodes/${episode.id}/undo-return`);
    expectWelsh(page);
    expect(page.payload).toContain('Dadwneud y dychwelyd');
    const empty = await manager.post(`/episodes/${episode.id}/undo-return`, { reason: '' });
    expectWelsh(empty, 400);
    expect(summaryOf(empty.payload)).toContain('Rhowch y rheswm pam y cafodd y dychwelyd ei gofnodi trwy gamgymeriad');
  });
});

describe("the police's page from the alert link", () => {
  let link: string;
  beforeAll(async () => {
    const missing = await childPlaced(app, { trafficking: 'suspected', daysAgo: 3 });
    await q(
      `INSERT INTO missing_profiles (child_id, authority_id, physical_description, languages, phones, updated_at)
      VALUES ($1, (SELECT authority_id FROM children WHERE id = $1), 'Tal, gwallt byr', '{Tigrinya}', '[]', now())`,
      [missing.id],
    );
    const episode = await reportMissing(app, missing.id);
    await post(app, `/api/v1/episodes/${episode.id}/sightings`, {
      at: app.clock.now().toISOString(),
      where: 'Gorsaf fysiau',
      details: 'With two adults',
    });
    await app.services.dispatcher.drain();
    const [row] = await q(
      `SELECT body_text FROM notifications WHERE episode_id = $1 AND step_key = 'report_police#0' AND channel = 'sms'`,
      [episode.id],
    );
    link = /https:\/\/alerts\.example\.org(\/p\/[A-Za-z0-9_-]+)/.exec(row.body_text)![1];
  });
  afterEach(async () => {
    await q(`UPDATE local_authorities SET language = 'english_only' WHERE code = 'DEMO'`);
  });

  it('is in English for an English-only authority, and in Welsh when the officer asks', async () => {
    const english = await app.server.inject(link);
    expect(english.payload).toMatch(/<html lang="en"/);
    expect(english.payload).toContain('Police risk grade');
    const welsh = await app.server.inject(`${link}?lang=cy`);
    expectWelsh(welsh);
    expect(welsh.payload).toContain('Gradd risg yr heddlu');
    expect(welsh.payload).toContain('Achosion o&#39;i weld');
    // The sighting's line is in Welsh (from its timeline key); what the person said is shown as written.
    expect(welsh.payload).toMatch(/Gwelwyd y plentyn: Gorsaf fysiau \([^)]*\)\. With two adults/);
    expect(welsh.payload).not.toMatch(/<span lang="en">[^<]*With two adults/);
    expect(welsh.payload).toContain('Tal, gwallt byr');
    // The officer's choice is remembered for the next opening.
    const again = await app.server.inject({ url: link, headers: { cookie: 'mc_lang=cy' } });
    expectWelsh(again);
  });

  it("opens in Welsh for a Welsh-first authority's alert, unless the officer chose English", async () => {
    await q(`UPDATE local_authorities SET language = 'welsh_first' WHERE code = 'DEMO'`);
    const welsh = await app.server.inject(link);
    expectWelsh(welsh);
    expect(welsh.payload).toContain('Plentyn ar goll');
    const english = await app.server.inject({ url: link, headers: { cookie: 'mc_lang=en' } });
    expect(english.payload).toMatch(/<html lang="en"/);
    expect(english.payload).toContain('Missing child');
    // A link that no longer works says so in the authority's language too.
    app.clock.advance(30 * 86_400_000);
    expectWelsh(await app.server.inject(link), 410);
  });
});
