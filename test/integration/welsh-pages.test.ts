// Pages in Welsh (issue 29): each converted page asked for in Welsh is marked lang="cy" and shows none
// of its English catalogue strings; the choice is remembered (cookie, and the signed-in person's record);
// a Welsh-first authority's people see Welsh by default; an English-only authority offers no switch.
import { fieldsFor } from '../../src/platform/views/date-time-fields';
import { buildTestApp, TestApp } from '../support/app';
import { cookiesOf, PageSession, pageSession } from '../support/pages';
import { demoChildId } from '../support/records';
import { englishLeft, expectWelsh } from '../support/welsh';

let app: TestApp;
let sw: PageSession;
let manager: PageSession;
let childId: string;
let episodeId: string;
const now = (prefix: string) => fieldsFor(app.clock.now(), 'Europe/London', prefix);

beforeAll(async () => {
  app = await buildTestApp();
  await app.db.dataSource.query(`UPDATE local_authorities SET language = 'welsh_first' WHERE code = 'OTHER'`);
  sw = await pageSession(app, 'social_worker');
  manager = await pageSession(app, 'team_manager');
  childId = await demoChildId(app, 'K7Q2');
});
afterAll(async () => {
  await app.close();
});

describe('the phrase check', () => {
  it('finds English left on a page', () => {
    expect(englishLeft('<p>Report a child missing</p>')).toEqual([expect.stringContaining('report.heading')]);
    expect(englishLeft('<p><span lang="en">Report a child missing</span></p>')).toEqual([]);
  });
});

describe('before anyone signs in', () => {
  it('offers Welsh on the sign-in page, shows it in Welsh when asked and remembers the choice', async () => {
    const english = await app.server.inject('/sign-in');
    expect(english.payload).toMatch(/<html lang="en"/);
    expect(english.payload).toContain('Sign in');
    expect(english.payload).toMatch(
      /<a class="govuk-link" href="\/sign-in\?lang=cy" lang="cy" hreflang="cy">Cymraeg<\/a>/,
    );

    const welsh = await app.server.inject('/sign-in?lang=cy');
    expectWelsh(welsh);
    expect(welsh.payload).toContain('Mewngofnodi');
    expect(welsh.payload).toContain('Neidio i&#39;r prif gynnwys');
    const cookie = cookiesOf(welsh).mc_lang;
    expect(cookie).toBe('cy');

    const later = await app.server.inject({ url: '/sign-in', headers: { cookie: `mc_lang=${cookie}` } });
    expectWelsh(later);
    // Anything else in ?lang= changes nothing and is not an error.
    const odd = await app.server.inject({ url: '/sign-in?lang=fr', headers: { cookie: `mc_lang=${cookie}` } });
    expectWelsh(odd);
  });

  it('shows a failed sign-in and page not found in Welsh', async () => {
    const form = await app.server.inject('/sign-in?lang=cy');
    const crumb = /name="crumb" value="([^"]+)"/.exec(form.payload)![1];
    const jar = cookiesOf(form);
    const failed = await app.server.inject({
      method: 'POST',
      url: '/sign-in',
      payload: { email: 'not-an-email', password: '', crumb },
      headers: {
        cookie: Object.entries(jar)
          .map(([k, v]) => `${k}=${v}`)
          .join('; '),
      },
    });
    expectWelsh(failed, 400);
    expect(failed.payload).toContain('Mae problem wedi codi');
    expect(failed.payload).toContain('Rhowch gyfeiriad e-bost yn y fformat cywir');
    expectWelsh(await app.server.inject('/no-such-page?lang=cy'), 404);
    // The statements every footer links to.
    for (const page of ['/accessibility', '/privacy']) expectWelsh(await app.server.inject(`${page}?lang=cy`));
    // A police officer's alert link that no longer works.
    const refused = await app.server.inject('/p/not-a-real-link?lang=cy');
    expectWelsh(refused, 404);
    expect(refused.payload).toContain('Nid yw&#39;r ddolen hon yn ddilys');
  });
});

describe('a social worker of an English-only authority', () => {
  it('sees English and no language switch until choosing Welsh', async () => {
    const res = await sw.get('/children');
    expect(res.payload).toMatch(/<html lang="en"/);
    expect(res.payload).not.toContain('id="language-switch"');
  });

  it('sees the newcomer journey in Welsh once chosen, and the choice sticks to the person', async () => {
    expectWelsh(await sw.get('/children?lang=cy'));
    const [{ language }] = await app.db.dataSource.query(
      `SELECT language FROM users WHERE email LIKE 'social.worker@demo-borough%'`,
    );
    expect(language).toBe('cy');
    // No ?lang= and no cookie: the person's own choice decides, and the switch leads back to English.
    const again = await sw.get('/children');
    expectWelsh(again);
    expect(again.payload).toContain('lang="en" hreflang="en">English</a>');
    expectWelsh(await sw.get(`/children/${childId}/report-missing`));
    const record = await sw.get(`/children/${childId}`);
    expectWelsh(record);
    expect(record.payload).toContain('Cynllun diogelu');
  });

  it('shows a bad report in Welsh, then the episode and each of its forms', async () => {
    const bad = await sw.post(`/children/${childId}/report-missing`, { ...now('discovered'), discoveredDay: '' });
    expectWelsh(bad, 400);
    expect(bad.payload).toContain('Rhowch y diwrnod pan sylwoch chi fod y plentyn ar goll');
    const res = await sw.post(`/children/${childId}/report-missing`, { kind: 'M', ...now('discovered') });
    expect(res.statusCode).toBe(303);
    episodeId = /\/episodes\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1];
    app.clock.advance(2 * 3600_000 + 5 * 60_000);
    const episode = await sw.get(`/episodes/${episodeId}`);
    expectWelsh(episode);
    expect(episode.payload).toContain('2 awr 5 munud');
    const dashboard = await sw.get('/');
    expectWelsh(dashboard);
    expect(dashboard.payload).toContain('Ar goll nawr');
    for (const form of ['found', 'police', 'sightings/new', 'return-interview'])
      expectWelsh(await sw.get(`/episodes/${episodeId}/${form}`));
    // Every page about the child now opens with the missing banner, in Welsh too.
    const about = await sw.get(`/children/${childId}/report-missing`);
    expectWelsh(about);
    expect(about.payload).toContain('Ar goll nawr: achos');
    expect(about.payload).toContain('Ar goll ers 2 awr 5 munud');
  });

  it('shows a refusal in Welsh', async () => {
    expectWelsh(await sw.get('/admin/users'), 403);
  });

  it('goes back to English when asked', async () => {
    const res = await sw.get('/children?lang=en');
    expect(res.payload).toMatch(/<html lang="en"/);
    expect(res.payload).not.toContain('id="language-switch"');
  });
});

describe('a manager', () => {
  it('sees the close form and the dashboard in Welsh', async () => {
    expectWelsh(await manager.get(`/episodes/${episodeId}/close?lang=cy`));
    const dashboard = await manager.get('/');
    expectWelsh(dashboard);
    expect(dashboard.payload).toContain('1 ar goll nawr');
    await manager.get('/children?lang=en');
  });
});

describe('a Welsh-first authority', () => {
  it('shows its people Welsh without their asking, with the switch to English', async () => {
    const other = await pageSession(app, 'social_worker', 'OTHER');
    const res = await other.get('/children');
    expectWelsh(res);
    expect(res.payload).toContain('Allgofnodi');
    expect(res.payload).toContain('hreflang="en">English</a>');
  });
});

describe('choosing languages', () => {
  it("lets only an administrator set the authority's language, and audits the change", async () => {
    expect((await manager.get('/admin/language')).statusCode).toBe(403);
    const admin = await pageSession(app, 'administrator');
    const form = await admin.get('/admin/language');
    expect(form.statusCode).toBe(200);
    expect(form.payload).toMatch(/value="english_only" checked/);
    const bad = await admin.post('/admin/language', { language: 'klingon' });
    expect(bad.statusCode).toBe(400);
    expect(bad.payload).toContain('Select how the service speaks');
    const saved = await admin.post('/admin/language', { language: 'english_first' });
    expect(saved.statusCode).toBe(303);
    const rows = await app.db.dataSource.query(
      `SELECT e.changes FROM audit_events e JOIN local_authorities a ON a.id::text = e.entity_id::text
        WHERE e.entity_type = 'local_authority' AND a.code = 'DEMO'`,
    );
    expect(rows.map((r: { changes: unknown }) => r.changes)).toEqual([
      { language: { from: 'english_only', to: 'english_first' } },
    ]);
    // Bilingual now: the switch shows for everyone of the authority, in English by default.
    const page = await sw.get('/children');
    expect(page.payload).toMatch(/<html lang="en"/);
    expect(page.payload).toContain('id="language-switch"');
    expectWelsh(await admin.get('/admin?lang=cy'));
    expectWelsh(await admin.get('/admin/language'));
    await admin.get('/admin?lang=en');
    await admin.post('/admin/language', { language: 'english_only' });
  });

  it("records a person's own choice from their language page", async () => {
    const carer = await pageSession(app, 'carer');
    expect((await carer.get('/account/language')).statusCode).toBe(200);
    const saved = await carer.post('/account/language', { language: 'cy' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/account/language?lang=cy');
    const [{ language }] = await app.db.dataSource.query(
      `SELECT language FROM users WHERE email LIKE 'carer@demo-borough%'`,
    );
    expect(language).toBe('cy');
    expectWelsh(await carer.get('/account/language'));
    expectWelsh(await carer.get('/'));
  });
});
