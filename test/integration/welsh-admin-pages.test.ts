// The administration pages in Welsh (issue 29): each page an administrator, a data protection officer or a
// manager opens under /admin, asked for in Welsh, is marked lang="cy" and shows none of the English
// catalogue's phrases; each form refused in Welsh says what is wrong in Welsh.
import { buildTestApp, TestApp } from '../support/app';
import { PageSession, pageSession } from '../support/pages';
import { expectWelsh } from '../support/welsh';

let app: TestApp;
let admin: PageSession;
let dpo: PageSession;
let sw: PageSession;

// The policy form's textarea holds the policy itself, a JSON document whose keys are code ("notAcknowledged").
const withoutJson = (res: { statusCode: number; payload: string }) => ({
  ...res,
  payload: res.payload.replace(/(<textarea[^>]*>)[\s\S]*?(<\/textarea>)/, '$1$2'),
});

/** A session whose pages are in Welsh from now on (the choice is remembered in its cookie). */
async function welsh(session: PageSession) {
  expectWelsh(await session.get('/admin?lang=cy'));
  return session;
}

beforeAll(async () => {
  app = await buildTestApp();
  admin = await welsh(await pageSession(app, 'administrator'));
  dpo = await welsh(await pageSession(app, 'data_protection_officer'));
  sw = await pageSession(app, 'social_worker');
  expectWelsh(await sw.get('/?lang=cy'));
});
afterAll(async () => {
  await app.close();
});

describe('users', () => {
  it('lists users with their roles and statuses in Welsh', async () => {
    const page = await admin.get('/admin/users');
    expectWelsh(page);
    expect(page.payload).toContain('Ychwanegu defnyddiwr');
    expect(page.payload).toContain('Gweithiwr cymdeithasol');
    expect(page.payload).toContain('Gweithredol');
  });

  it('asks for a new user in Welsh and refuses a bad one in Welsh', async () => {
    const form = await admin.get('/admin/users/new');
    expectWelsh(form);
    expect(form.payload).toContain('Cyfrinair dros dro');
    expect(form.payload).toContain('Swyddog diogelu data');
    const bad = await admin.post('/admin/users/new', {
      name: '',
      email: 'nope',
      role: 'king',
      mobile: '123',
      password: 'short',
    });
    expectWelsh(bad, 400);
    expect(bad.payload).toContain('Mae problem wedi codi');
    expect(bad.payload).toContain('Rhowch eu henw llawn');
    expect(bad.payload).toContain('Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@example.org');
    expect(bad.payload).toContain('Dewiswch rôl');
    expect(bad.payload).toContain('Rhowch eu rhif ffôn symudol fel 07700 900101 neu +44 7700 900101');
    expect(bad.payload).toContain('Rhaid i&#39;r cyfrinair dros dro fod yn 12 nod neu fwy');
    const common = await admin.post('/admin/users/new', {
      name: 'Nia Rees',
      email: 'nia.rees@example.org',
      role: 'social_worker',
      password: 'password1234',
    });
    expectWelsh(common, 400);
    expect(common.payload).toContain('Mae&#39;n rhy hawdd dyfalu&#39;r cyfrinair');
  });
});

describe('contacts', () => {
  it('lists contacts and asks for a new one in Welsh, refusing one nobody can reach', async () => {
    const list = await admin.get('/admin/contacts');
    expectWelsh(list);
    expect(list.payload).toContain('Ystafell reoli&#39;r heddlu');
    const form = await admin.get('/admin/contacts/new');
    expectWelsh(form);
    expect(form.payload).toContain('Iaith negeseuon');
    const unreachable = await admin.post('/admin/contacts/new', {
      name: 'Desg',
      organisation: 'Heddlu',
      role: 'police_control_room',
      mobile: '',
      email: '',
    });
    expectWelsh(unreachable, 400);
    expect(unreachable.payload).toContain('Rhowch rif ffôn symudol neu gyfeiriad e-bost');
    const empty = await admin.post('/admin/contacts/new', { name: '', organisation: '', role: '', email: 'x@' });
    expectWelsh(empty, 400);
    expect(empty.payload).toContain('Rhowch enw&#39;r cysylltiad');
    expect(empty.payload).toContain('Dewiswch beth yw diben y cysylltiad');
    expect(empty.payload).toContain('Rhowch gyfeiriad e-bost yn y fformat cywir');
    const href = /href="(\/admin\/contacts\/[0-9a-f-]{36}\/edit)"/.exec(list.payload)![1];
    const edit = await admin.get(href);
    expectWelsh(edit);
    expect(edit.payload).toContain('Newid ');
    expectWelsh(await admin.get('/admin/contacts/00000000-0000-4000-8000-000000000000/edit'), 404);
  });
});

describe('texts needing attention', () => {
  it('shows the waiting texts and the handled form in Welsh, and an empty note refused in Welsh', async () => {
    const list = await sw.get('/admin/texts');
    expectWelsh(list);
    expect(list.payload).toContain('Nodi wedi&#39;i thrin');
    const href = /href="(\/admin\/texts\/[0-9a-f-]{36}\/handled)"/.exec(list.payload)![1];
    const form = await sw.get(href);
    expectWelsh(form);
    expect(form.payload).toContain('Oddi wrth ');
    const empty = await sw.post(href, { note: '' });
    expectWelsh(empty, 400);
    expect(empty.payload).toContain('Rhowch beth wnaethoch chi ynghylch y neges hon');
  });
});

describe('audit trail', () => {
  it('shows the trail in Welsh to an administrator and a data protection officer, and bad filters in Welsh', async () => {
    for (const session of [admin, dpo]) {
      const page = await session.get('/admin/audit');
      expectWelsh(page);
      expect(page.payload).toContain('Lawrlwytho&#39;r llwybr archwilio (CSV)');
    }
    const bad = await admin.get('/admin/audit?from=2026-03-31&to=2026-03-01&action=Read!');
    expectWelsh(bad, 400);
    expect(bad.payload).toContain('Rhaid i&#39;r weithred fod yn weithred archwilio');
    const order = await admin.get('/admin/audit?from=2026-03-31&to=2026-03-01');
    expectWelsh(order, 400);
    expect(order.payload).toContain('Mae problem wedi codi');
    expect(order.payload).not.toContain('from must be on or before to');
  });
});

describe('escalation policy', () => {
  it('shows the policy in force and its form in Welsh, and JSON it cannot read refused in Welsh', async () => {
    const manager = await welsh(await pageSession(app, 'senior_manager'));
    for (const session of [admin, manager]) {
      const page = await session.get('/admin/policy');
      expectWelsh(page);
      expect(page.payload).toContain('Polisi uwchgyfeirio (fersiwn');
      expect(page.payload).toContain('Ystafell reoli&#39;r heddlu');
      expect(page.payload).toContain('ar unwaith');
    }
    const form = await admin.get('/admin/policy/edit');
    expect(form.payload).toContain('&quot;notAcknowledged&quot;');
    expectWelsh(withoutJson(form));
    expect(form.payload).toContain('Cadw fersiwn newydd');
    const empty = await admin.post('/admin/policy/edit', { policy: '' });
    expectWelsh(empty, 400);
    expect(empty.payload).toContain('Rhowch y polisi');
    const notJson = await admin.post('/admin/policy/edit', { policy: '{ "steps": [' });
    expectWelsh(withoutJson(notJson), 400);
    expect(notJson.payload).toContain('Nid yw&#39;r polisi&#39;n JSON dilys');
  });
});

describe('published contacts', () => {
  it('shows what the authority publishes and its form in Welsh, and a bad number refused in Welsh', async () => {
    const page = await admin.get('/admin/published-contacts');
    expectWelsh(page);
    expect(page.payload).toContain('Ein hardal a&#39;i heddlu');
    const form = await admin.get('/admin/published-contacts/edit');
    expectWelsh(form);
    expect(form.payload).toContain('Cyhoeddi');
    const bad = await admin.post('/admin/published-contacts/edit', {
      onsCode: 'NOPE',
      policeForceCode: '',
      controlRoomMobile: '12',
      controlRoomEmail: 'room@',
    });
    expectWelsh(bad, 400);
    expect(bad.payload).toContain('Rhowch rif ffôn symudol yr ystafell reoli fel 07700 900101');
    expect(bad.payload).toContain('Rhowch gyfeiriad e-bost yr ystafell reoli yn y fformat cywir');
    const unknown = await admin.post('/admin/published-contacts/edit', { onsCode: 'NOPE', policeForceCode: '' });
    expectWelsh(unknown, 400);
    expect(unknown.payload).toContain('Dewiswch eich awdurdod o&#39;r rhestr');
  });
});

describe('retention', () => {
  it('shows the rules, their legal sources and what is due in Welsh, and refuses a bad decision in Welsh', async () => {
    const page = await dpo.get('/admin/retention');
    expectWelsh(page);
    expect(page.payload).toContain('Cofnod achos y plentyn');
    expect(page.payload).toContain('Deddf Cyfyngiadau 1980');
    expect(page.payload).toContain('o flynyddoedd');
    expectWelsh(await admin.get('/admin/retention'));
    const href = /href="(\/admin\/retention\/reviews\/[0-9a-f-]{36})"/.exec(page.payload)![1];
    const review = await dpo.get(href);
    expectWelsh(review);
    expect(review.payload).toContain('Beth ydych chi am ei wneud?');
    const nothing = await dpo.post(href, { decision: '', reason: '' });
    expectWelsh(nothing, 400);
    expect(nothing.payload).toContain('Dewiswch beth i&#39;w wneud');
    const noReason = await dpo.post(href, { decision: 'ask', reason: '' });
    expectWelsh(noReason, 400);
    expect(noReason.payload).toContain('Rhowch y rheswm: caiff ei gadw gyda&#39;r penderfyniad.');
    expect((await dpo.post(href, { decision: 'ask', reason: 'Two years old' })).statusCode).toBe(303);
    const own = await dpo.post(href, { decision: 'approve', reason: '' });
    expectWelsh(own, 400);
    expect(own.payload).toContain('Rhaid i berson gwahanol gymeradwyo');
  });

  it('asks for a changed rule in Welsh and refuses an empty one in Welsh', async () => {
    const form = await dpo.get('/admin/retention/rules');
    expectWelsh(form);
    expect(form.payload).toContain('Cyfrifon defnyddwyr');
    const empty = await dpo.post('/admin/retention/rules', { kind: '', keepYears: '', reason: '' });
    expectWelsh(empty, 400);
    expect(empty.payload).toContain('Dewiswch y math o gofnod');
    expect(empty.payload).toContain('Rhowch nifer y blynyddoedd, fel 75');
    expect(empty.payload).toContain('Rhowch pam mae&#39;r rheol yn newid');
    const notBodies = await dpo.post('/admin/retention/rules', {
      kind: 'users',
      keepYears: '6',
      automatic: 'yes',
      reason: 'Faster',
    });
    expectWelsh(notBodies, 400);
    expect(notBodies.payload).toContain('Dim ond rheol sy&#39;n dileu cynnwys negeseuon');
  });
});

describe('legal holds', () => {
  it('lists, places and releases holds in Welsh, refusing empty forms in Welsh', async () => {
    expectWelsh(await admin.get('/admin/legal-holds'));
    const form = await dpo.get('/admin/legal-holds/new');
    expectWelsh(form);
    expect(form.payload).toContain('Dewiswch blentyn');
    const empty = await dpo.post('/admin/legal-holds/new', { childId: '', reason: '' });
    expectWelsh(empty, 400);
    expect(empty.payload).toContain('Dewiswch y plentyn');
    expect(empty.payload).toContain('Rhowch pam mae&#39;n rhaid cadw&#39;r cofnodion');
    const childId = /<option value="([0-9a-f-]{36})"/.exec(form.payload)![1];
    expect((await dpo.post('/admin/legal-holds/new', { childId, reason: 'Care proceedings' })).statusCode).toBe(303);
    const list = await dpo.get('/admin/legal-holds');
    expectWelsh(list);
    expect(list.payload).toContain('Yn sefyll');
    const release = /href="(\/admin\/legal-holds\/[0-9a-f-]{36}\/release)"/.exec(list.payload)![1];
    expectWelsh(await dpo.get(release));
    const noReason = await dpo.post(release, { reason: '' });
    expectWelsh(noReason, 400);
    expect(noReason.payload).toContain('Rhowch pam mae&#39;r cadw&#39;n cael ei ryddhau');
  });
});

describe('subject access', () => {
  it('records a request, shows it with what is held and its steps in Welsh, and refuses bad forms in Welsh', async () => {
    expectWelsh(await dpo.get('/admin/subject-access'));
    const form = await dpo.get('/admin/subject-access/new');
    expectWelsh(form);
    expect(form.payload).toContain('Nid plentyn (gofalwr)');
    const empty = await dpo.post('/admin/subject-access/new', {
      childId: '',
      carerMobile: '12',
      requester: '',
      receivedOn: '20/11',
    });
    expectWelsh(empty, 400);
    expect(empty.payload).toContain('Rhowch rif ffôn symudol y gofalwr fel 07700 900101');
    expect(empty.payload).toContain('Rhowch pwy wnaeth y cais');
    expect(empty.payload).toContain('Rhowch y dyddiad fel 2026-11-20');
    const childId = /<option value="([0-9a-f-]{36})"/.exec(form.payload)![1];
    const today = app.clock.now().toISOString().slice(0, 10);
    const created = await dpo.post('/admin/subject-access/new', {
      childId,
      requester: 'Y person ifanc',
      receivedOn: today,
    });
    expect(created.statusCode).toBe(303);
    const path = String(created.headers.location);
    const request = await dpo.get(path);
    expectWelsh(request);
    expect(request.payload).toContain('Eich cofnod');
    expect(request.payload).toContain('Dyledus erbyn');
    expect(request.payload).toContain('Golygu&#39;r eitem hon oherwydd');
    const list = await dpo.get('/admin/subject-access');
    expectWelsh(list);
    expect(list.payload).toContain('Ar agor');

    expectWelsh(await dpo.get(`${path}/pause`));
    const noReason = await dpo.post(`${path}/pause`, { reason: '' });
    expectWelsh(noReason, 400);
    expect(noReason.payload).toContain('Rhowch pa eglurhad rydych chi&#39;n aros amdano');
    expect((await dpo.post(`${path}/pause`, { reason: 'Which years?' })).statusCode).toBe(303);
    const paused = await dpo.get(path);
    expectWelsh(paused);
    expect(paused.payload).toContain('Wedi&#39;i oedi ers');
    const again = await dpo.post(`${path}/pause`, { reason: 'Again' });
    expectWelsh(again, 400);
    expect(again.payload).toContain('Mae&#39;r cais hwn wedi&#39;i oedi eisoes.');

    const extend = await dpo.get(`${path}/extend`);
    expectWelsh(extend);
    expect(extend.payload).toContain('Dau fis');
    const noMonths = await dpo.post(`${path}/extend`, { months: '', reason: '' });
    expectWelsh(noMonths, 400);
    expect(noMonths.payload).toContain('Dewiswch sawl mis i&#39;w ymestyn');
    expect(noMonths.payload).toContain('Rhowch pam mae angen mwy o amser ar y cais');
  });
});
