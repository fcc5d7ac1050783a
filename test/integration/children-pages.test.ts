// The children list and a child's page, and the dashboard as a carer sees it: their children with
// a "report missing" link, and no one else's.
import { CARER_ONE_CHILD } from '../../seeds/demo-data';
import { fieldsFor } from '../../src/platform/views/date-time-fields';
import { buildTestApp, TestApp } from '../support/app';
import { pageSession } from '../support/pages';
import { demoChildId } from '../support/records';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

it('finds a child by reference and shows their record, audited', async () => {
  const sw = await pageSession(app, 'social_worker');
  const list = await sw.get('/children?search=k7q2');
  expect(list.statusCode).toBe(200);
  expect(list.payload).toContain('Amira Example');
  expect(list.payload).not.toContain('Bao Sample');
  const id = await demoChildId(app, 'K7Q2');
  const page = await sw.get(`/children/${id}`);
  expect(page.statusCode).toBe(200);
  for (const heading of ['Profile', 'Current placement', 'Guardians', 'Safeguarding plan', 'Missing episodes'])
    expect(page.payload).toContain(heading);
  const [audit] = await app.db.dataSource.query(
    "SELECT count(*)::int AS n FROM audit_events WHERE child_id = $1 AND entity_type = 'child' AND action = 'read'",
    [id],
  );
  expect(audit.n).toBeGreaterThan(0);
});

it("hides another authority's child and refuses the list to police", async () => {
  const id = await demoChildId(app, 'K7Q2');
  expect((await (await pageSession(app, 'social_worker', 'OTHER')).get(`/children/${id}`)).statusCode).toBe(404);
  expect((await (await pageSession(app, 'police')).get('/children')).statusCode).toBe(403);
  expect((await (await pageSession(app, 'social_worker')).get('/children?search=' + 'x'.repeat(101))).statusCode).toBe(
    400,
  );
});

describe('a carer', () => {
  beforeAll(async () => {
    await app.db.dataSource.query("UPDATE users SET mobile = $1 WHERE role = 'carer' AND email LIKE '%demo-borough%'", [
      CARER_ONE_CHILD,
    ]);
  });

  it('sees the child they look after with a link to report them missing, and nothing else', async () => {
    const carer = await pageSession(app, 'carer');
    const home = await carer.get('/');
    expect(home.statusCode).toBe(200);
    expect(home.payload).toContain('Report Amira Example missing');
    expect(home.payload).not.toContain('Bao Sample');
    expect(home.payload).not.toContain('Missing now');
    expect((await carer.get(`/children/${await demoChildId(app, 'M4RT')}/report-missing`)).statusCode).toBe(403);
    expect((await carer.get(`/children/${await demoChildId(app, 'K7Q2')}`)).statusCode).toBe(403);
  });

  it('reports their child missing and is told the episode reference', async () => {
    const carer = await pageSession(app, 'carer');
    const id = await demoChildId(app, 'K7Q2');
    const res = await carer.post(`/children/${id}/report-missing`, {
      kind: 'M',
      ...fieldsFor(app.clock.now(), 'Europe/London', 'discovered'),
      lastSeenWhere: '',
      lastSeenClothing: '',
    });
    expect(res.statusCode).toBe(303);
    const location = String(res.headers.location);
    expect(location).toMatch(/^\/\?reported=E-\w+$/);
    expect((await carer.get(location)).payload).toContain(`Reported missing: episode ${location.split('=')[1]}`);
  });
});

it('shows police and CEOP only the episodes escalated to them', async () => {
  const [open] = await app.db.dataSource.query(
    'SELECT reference, visible_to_roles FROM missing_episodes WHERE closed_at IS NULL',
  );
  expect(open.visible_to_roles).toContain('police');
  expect(open.visible_to_roles).not.toContain('ceop');
  const police = (await (await pageSession(app, 'police')).get('/')).payload;
  expect(police).toContain(open.reference);
  expect(police).not.toContain('Safeguarding plans due for review');
  expect(police).not.toContain('Messages that could not be delivered');
  const ceop = (await (await pageSession(app, 'ceop')).get('/')).payload;
  expect(ceop).not.toContain(open.reference);
  // Not "No child is missing" (one is): CEOP is told nothing has reached them yet.
  expect(ceop).toContain('No missing child has been escalated to CEOP.');
  expect(ceop).not.toContain('No child is missing');
});

it("lists the operational group's overdue actions on the dashboard of those who may read the group", async () => {
  const tm = (await (await pageSession(app, 'team_manager')).get('/')).payload;
  expect(tm).toContain('Operational group actions overdue');
  expect(tm).toContain('Check the phone arrangements for H9PX');
  const police = (await (await pageSession(app, 'police')).get('/')).payload;
  expect(police).not.toContain('Operational group actions overdue');
});

it("shows the photograph on file on the child's record to those who may read the profile, and not to a carer", async () => {
  const id = await demoChildId(app, 'K7Q2');
  const sw = await pageSession(app, 'social_worker');
  const page = await sw.get(`/children/${id}`);
  expect(page.payload).toContain(
    `<img class="app-profile-photo" src="/children/${id}/missing-profile/photo" alt="Photograph of Amira Example on file`,
  );
  const photo = await sw.get(`/children/${id}/missing-profile/photo`);
  expect(photo.statusCode).toBe(200);
  expect(photo.headers['content-type']).toBe('image/png');
  expect(photo.headers['cache-control']).toBe('no-store');
  const carer = await pageSession(app, 'carer');
  expect((await carer.get(`/children/${id}`)).payload).not.toContain('app-profile-photo');
});
