// The administration pages: users, contacts, the escalation policy as JSON, the duty worker's text
// queue and the audit trail, each with GOV.UK errors and refused to roles that may not use it.
import { buildTestApp, TestApp } from '../support/app';
import { PageSession, pageSession } from '../support/pages';

let app: TestApp;
let admin: PageSession;
beforeAll(async () => {
  app = await buildTestApp();
  admin = await pageSession(app, 'administrator');
});
afterAll(async () => {
  await app.close();
});

it('lists only the sections a role may open, and refuses the index to a carer', async () => {
  const index = (await admin.get('/admin')).payload;
  for (const section of ['Users', 'Contacts', 'Escalation policy', 'Audit trail', 'Texts needing attention'])
    expect(index).toContain(section);
  const sw = await pageSession(app, 'social_worker');
  const swIndex = await sw.get('/admin');
  expect(swIndex.statusCode).toBe(200);
  expect(swIndex.payload).not.toContain('Audit trail');
  expect((await (await pageSession(app, 'carer')).get('/admin')).statusCode).toBe(403);
});

describe('users', () => {
  it('shows GOV.UK errors, then adds a user who appears in the list', async () => {
    const empty = await admin.post('/admin/users/new', {
      name: '',
      email: 'not-an-email',
      role: '',
      mobile: '',
      password: 'short',
    });
    expect(empty.statusCode).toBe(400);
    for (const m of [
      'Enter their full name',
      'Enter an email address in the correct format',
      'Select a role',
      'The temporary password must be 12 characters or more',
    ]) {
      expect(empty.payload).toContain(m);
    }
    expect(empty.payload).not.toContain('value="short"');
    const ok = await admin.post('/admin/users/new', {
      name: 'Nia New-Worker',
      email: 'nia@demo-borough.example.org',
      role: 'social_worker',
      mobile: '07700 900555',
      password: 'a-long-temporary-one',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/admin/users');
    expect((await admin.get('/admin/users')).payload).toContain('Nia New-Worker');
    const again = await admin.post('/admin/users/new', {
      name: 'Nia Again',
      email: 'nia@demo-borough.example.org',
      role: 'social_worker',
      mobile: '',
      password: 'a-long-temporary-one',
    });
    expect(again.statusCode).toBe(400);
    expect(again.payload).toContain('A user with that email address already exists.');
  });

  it('lets a team manager read the list but not add a user', async () => {
    const tm = await pageSession(app, 'team_manager');
    const list = await tm.get('/admin/users');
    expect(list.statusCode).toBe(200);
    expect(list.payload).not.toContain('Add a user');
    expect(
      (
        await tm.post('/admin/users/new', {
          name: 'X',
          email: 'x@example.org',
          role: 'carer',
          mobile: '',
          password: 'a-long-temporary-one',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('contacts', () => {
  it('needs a way to reach the contact, then adds and changes it', async () => {
    const unreachable = await admin.post('/admin/contacts/new', {
      name: 'MPU',
      organisation: 'Demo Constabulary',
      role: 'missing_persons_unit',
      mobile: '',
      email: '',
    });
    expect(unreachable.statusCode).toBe(400);
    expect(unreachable.payload).toContain('Enter a mobile number or an email address, so the contact can be reached');
    const badPhone = await admin.post('/admin/contacts/new', {
      name: 'MPU',
      organisation: 'Demo Constabulary',
      role: 'missing_persons_unit',
      mobile: '12',
      email: '',
    });
    expect(badPhone.payload).toContain('Enter a mobile number like 07700 900101');
    const ok = await admin.post('/admin/contacts/new', {
      name: 'Missing persons unit',
      organisation: 'Demo Constabulary',
      role: 'missing_persons_unit',
      mobile: '07700 900777',
      email: '',
    });
    expect(ok.statusCode).toBe(303);
    const list = (await admin.get('/admin/contacts')).payload;
    expect(list).toContain('+447700900777');
    const [row] = await app.db.dataSource.query("SELECT id FROM contacts WHERE name = 'Missing persons unit'");
    const edit = await admin.get(`/admin/contacts/${row.id}/edit`);
    expect(edit.payload).toContain('value="+447700900777"');
    const changed = await admin.post(`/admin/contacts/${row.id}/edit`, {
      name: 'Missing persons unit',
      organisation: 'Demo Constabulary',
      role: 'missing_persons_unit',
      mobile: '',
      email: 'mpu@example.org',
    });
    expect(changed.statusCode).toBe(303);
    expect((await admin.get('/admin/contacts')).payload).toContain('mpu@example.org');
    const other = await pageSession(app, 'administrator', 'OTHER');
    expect((await other.get(`/admin/contacts/${row.id}/edit`)).statusCode).toBe(404);
  });
});

describe('escalation policy', () => {
  it('shows the policy and saves a new version from JSON, explaining what is wrong with a bad one', async () => {
    const manager = await pageSession(app, 'senior_manager');
    const form = await manager.get('/admin/policy/edit');
    expect(form.statusCode).toBe(200);
    const json = JSON.parse(
      /<textarea[^>]*>([\s\S]*?)<\/textarea>/
        .exec(form.payload)![1]
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&'),
    );
    const notJson = await manager.post('/admin/policy/edit', { policy: '{ "steps": [' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.payload).toContain('The policy is not valid JSON');
    const badStep = await manager.post('/admin/policy/edit', {
      policy: JSON.stringify({ ...json, steps: [{ ...json.steps[0], key: 'Bad Key' }, ...json.steps.slice(1)] }),
    });
    expect(badStep.statusCode).toBe(400);
    expect(badStep.payload).toContain('Correct the policy');
    const saved = await manager.post('/admin/policy/edit', {
      policy: JSON.stringify({ ...json, settings: { ...json.settings, repeatWindowDays: 45 } }),
    });
    expect(saved.statusCode).toBe(303);
    const view = (await manager.get('/admin/policy')).payload;
    expect(view).toMatch(/Escalation policy \(version \d+\)/);
    expect(view).toContain('in the last 45 days');
    const tm = await pageSession(app, 'team_manager');
    expect((await tm.get('/admin/policy')).statusCode).toBe(200);
    expect((await tm.post('/admin/policy/edit', { policy: JSON.stringify(json) })).statusCode).toBe(403);
  });
});

describe('texts needing attention', () => {
  it('marks a waiting text handled with a note, after which it is no longer waiting', async () => {
    const sw = await pageSession(app, 'social_worker');
    const list = (await sw.get('/admin/texts')).payload;
    expect(list).toContain('is this the number for the foster team');
    const href = /href="(\/admin\/texts\/[0-9a-f-]{36}\/handled)"/.exec(list)![1];
    const empty = await sw.post(href, { note: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.payload).toContain('Enter what you did about this text');
    expect((await sw.post(href, { note: 'Called back: a prospective carer.' })).statusCode).toBe(303);
    expect((await sw.get('/admin/texts')).payload).not.toContain('is this the number for the foster team');
    expect((await sw.post(href, { note: 'Again' })).statusCode).toBe(404);
  });
});

describe('audit trail', () => {
  it('shows the trail and exports it as CSV to an administrator only', async () => {
    const page = await admin.get('/admin/audit');
    expect(page.statusCode).toBe(200);
    expect(page.payload).toContain('Download the audit trail (CSV)');
    const csv = await admin.get('/admin/audit.csv');
    expect(csv.statusCode).toBe(200);
    expect(String(csv.headers['content-type'])).toMatch(/^text\/csv/);
    expect(csv.payload.split('\r\n')[0]).toBe(
      '"id","at","actor_user_id","actor_role","action","entity_type","entity_id","child_id","ip","changes","actor_name","actor_email"',
    );
    const sw = await pageSession(app, 'social_worker');
    expect((await sw.get('/admin/audit')).statusCode).toBe(403);
    expect((await sw.get('/admin/audit.csv')).statusCode).toBe(403);
  });
});
