// Contacts through the API: list (seeded), add, change, at least one way to reach them, tenancy,
// roles, audit of changes, and the escalation engine's activeByRole.
import { buildTestApp, TestApp } from '../support/app';
import { apiOf, fieldsNamed, UNKNOWN_ID } from '../support/records';

let app: TestApp;
let api: ReturnType<typeof apiOf>;
beforeAll(async () => {
  app = await buildTestApp();
  api = apiOf(app);
});
afterAll(async () => {
  await app.close();
});

const admin = { role: 'administrator' as const };
type ContactBody = { id: string; role: string; mobile: string | null; email: string | null; active: boolean };

it("lists the seeded contacts of the caller's authority only", async () => {
  const demo = (await api('GET', '/api/v1/contacts')).result as ContactBody[];
  expect(demo.map((c) => [c.role, c.mobile, c.email])).toEqual(
    expect.arrayContaining([
      ['police_control_room', '+447700900201', 'police@example.org'],
      ['ceop', '+447700900202', 'ceop@example.org'],
      ['operational_group_list', null, 'group@example.org'],
      ['duty_manager', '+447700900203', 'duty@example.org'],
      ['head_of_service', '+447700900204', 'hos@example.org'],
    ]),
  );
  const other = (await api('GET', '/api/v1/contacts?role=police_control_room', undefined, { authority: 'OTHER' }))
    .result as ContactBody[];
  expect(other.map((c) => c.email)).toEqual(['police.other@example.org']);
});

it('adds a contact with the mobile in E.164, changes it, and audits both', async () => {
  const created = await api(
    'POST',
    '/api/v1/contacts',
    { name: 'MPU', organisation: 'Demo Constabulary', role: 'missing_persons_unit', mobile: '07700 900 470' },
    admin,
  );
  expect(created.statusCode).toBe(201);
  const { id } = created.result as ContactBody;
  expect(created.result).toMatchObject({ mobile: '+447700900470', email: null, active: true });
  const changed = await api('PATCH', `/api/v1/contacts/${id}`, { email: 'mpu@example.org', active: false }, admin);
  expect(changed.result).toMatchObject({ email: 'mpu@example.org', active: false });
  const rows = await app.db.dataSource.query(
    'SELECT action, changes FROM audit_events WHERE entity_id = $1 ORDER BY id',
    [id],
  );
  expect(rows).toEqual([
    { action: 'create', changes: null },
    { action: 'update', changes: { fields: ['email', 'active'] } },
  ]);
});

it('needs a mobile or an email, and names invalid fields', async () => {
  const neither = await api('POST', '/api/v1/contacts', { name: 'X', organisation: 'Y', role: 'other' }, admin);
  expect(neither.statusCode).toBe(400);
  expect((neither.result as { message: string }).message).toMatch(/at least one of mobile or email/);
  const nulls = await api(
    'POST',
    '/api/v1/contacts',
    { name: 'X', organisation: 'Y', role: 'other', mobile: null, email: null },
    admin,
  );
  expect(nulls.statusCode).toBe(400);
  expect(fieldsNamed(nulls)).toEqual(['mobile']);
  const bad = await api(
    'POST',
    '/api/v1/contacts',
    { name: 'X', organisation: 'Y', role: 'sheriff', mobile: 'abc' },
    admin,
  );
  expect(fieldsNamed(bad)).toEqual(['mobile', 'role']);
  const { id } = (
    await api(
      'POST',
      '/api/v1/contacts',
      { name: 'Only email', organisation: 'Y', role: 'iro', email: 'iro@example.org' },
      admin,
    )
  ).result as ContactBody;
  const removeBoth = await api('PATCH', `/api/v1/contacts/${id}`, { email: null }, admin);
  expect(removeBoth.statusCode).toBe(400);
  expect(fieldsNamed(removeBoth)).toEqual(['mobile']);
});

it("answers 404 for an unknown or another authority's contact, 403 for roles without permission", async () => {
  expect((await api('PATCH', `/api/v1/contacts/${UNKNOWN_ID}`, { active: false }, admin)).statusCode).toBe(404);
  const [theirs] = (await api('GET', '/api/v1/contacts', undefined, { authority: 'OTHER' })).result as ContactBody[];
  expect((await api('PATCH', `/api/v1/contacts/${theirs.id}`, { active: false }, admin)).statusCode).toBe(404);
  expect(
    (await api('POST', '/api/v1/contacts', { name: 'X', organisation: 'Y', role: 'other', email: 'x@example.org' }))
      .statusCode,
  ).toBe(403);
  expect((await api('GET', '/api/v1/contacts', undefined, { role: 'carer' })).statusCode).toBe(403);
});

it('gives the escalation engine the active contacts of a role', async () => {
  const demo = (await app.db.dataSource.query(`SELECT id FROM local_authorities WHERE code = 'DEMO'`))[0].id;
  const { id } = (
    await api(
      'POST',
      '/api/v1/contacts',
      { name: 'Retired CEOP desk', organisation: 'NCA', role: 'ceop', email: 'old@example.org', active: false },
      admin,
    )
  ).result as ContactBody;
  const ceop = await app.db.dataSource.transaction((tx) => app.services.contacts.activeByRole(tx, demo, 'ceop'));
  expect(ceop.map((c) => c.email)).toEqual(['ceop@example.org']);
  expect(ceop.map((c) => c.id)).not.toContain(id);
});
