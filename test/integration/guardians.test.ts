// Guardians through the API: add, list, change, date order, validation, tenancy, roles and audit.
import { buildTestApp, TestApp } from '../support/app';
import { apiOf, auditActions, demoChildId, fieldsNamed, UNKNOWN_ID } from '../support/records';

let app: TestApp;
let api: ReturnType<typeof apiOf>;
let childId: string;
beforeAll(async () => {
  app = await buildTestApp();
  api = apiOf(app);
  childId = await demoChildId(app, 'K7Q2');
});
afterAll(async () => {
  await app.close();
});

const legalRep = {
  kind: 'legal_representative',
  name: 'Lena Lawyer',
  organisation: 'Example Law LLP',
  mobile: '07700 900 450',
  email: 'lena@example.org',
  referredOn: '2026-01-05',
  allocatedOn: '2026-01-07',
};

it('adds a guardian with the mobile in E.164, lists it and audits both', async () => {
  const created = await api('POST', `/api/v1/children/${childId}/guardians`, legalRep);
  expect(created.statusCode).toBe(201);
  expect(created.result).toMatchObject({ kind: 'legal_representative', mobile: '+447700900450', current: true });
  const list = await api('GET', `/api/v1/children/${childId}/guardians`);
  expect(list.statusCode).toBe(200);
  const kinds = (list.result as { kind: string }[]).map((g) => g.kind).sort();
  expect(kinds).toEqual(['ictg_direct_worker', 'legal_representative']);
  expect(await auditActions(app, childId, 'guardian')).toEqual(['create', 'read']);
});

it('ends a guardian and records which fields changed', async () => {
  const { id } = (await api('POST', `/api/v1/children/${childId}/guardians`, { ...legalRep, name: 'Ended Rep' }))
    .result as { id: string };
  const res = await api('PATCH', `/api/v1/guardians/${id}`, { endedOn: '2026-03-01' });
  expect(res.statusCode).toBe(200);
  expect(res.result).toMatchObject({ endedOn: '2026-03-01', current: false });
  const [row] = await app.db.dataSource.query(
    `SELECT changes FROM audit_events WHERE entity_id = $1 AND action = 'update'`,
    [id],
  );
  expect(row.changes).toEqual({ fields: ['endedOn'] });
});

it('refuses an end date before the allocation, naming the field', async () => {
  const { id } = (await api('POST', `/api/v1/children/${childId}/guardians`, { ...legalRep, name: 'Early End' }))
    .result as { id: string };
  const res = await api('PATCH', `/api/v1/guardians/${id}`, { endedOn: '2026-01-06' });
  expect(res.statusCode).toBe(400);
  expect(fieldsNamed(res)).toEqual(['endedOn']);
  const onCreate = await api('POST', `/api/v1/children/${childId}/guardians`, {
    ...legalRep,
    allocatedOn: '2026-01-01',
  });
  expect(fieldsNamed(onCreate)).toEqual(['allocatedOn']);
});

it('names every invalid field', async () => {
  const res = await api('POST', `/api/v1/children/${childId}/guardians`, {
    kind: 'uncle',
    mobile: '12',
    email: 'nope',
    referredOn: '5/1/2026',
    allocatedOn: '2026-02-30',
  });
  expect(res.statusCode).toBe(400);
  expect(fieldsNamed(res)).toEqual(['allocatedOn', 'email', 'kind', 'mobile', 'name', 'referredOn']);
  expect((res.result as { message: string }).message).toMatch(/allocatedOn is not a real date/);
  expect((res.result as { message: string }).message).toMatch(/mobile must be a phone number/);
});

it("answers 404 for an unknown child, an unknown guardian and another authority's", async () => {
  expect((await api('GET', `/api/v1/children/${UNKNOWN_ID}/guardians`)).statusCode).toBe(404);
  expect((await api('PATCH', `/api/v1/guardians/${UNKNOWN_ID}`, { name: 'X' })).statusCode).toBe(404);
  const [theirs] = await app.db.dataSource.query(
    `SELECT g.id FROM guardians g JOIN children c ON c.id = g.child_id WHERE c.reference = 'W3FC'`,
  );
  expect((await api('PATCH', `/api/v1/guardians/${theirs.id}`, { name: 'X' })).statusCode).toBe(404);
  expect(
    (await api('GET', `/api/v1/children/${childId}/guardians`, undefined, { authority: 'OTHER' })).statusCode,
  ).toBe(404);
});

it('refuses roles without access', async () => {
  expect((await api('GET', `/api/v1/children/${childId}/guardians`, undefined, { role: 'carer' })).statusCode).toBe(
    403,
  );
  expect(
    (await api('POST', `/api/v1/children/${childId}/guardians`, legalRep, { role: 'group_member' })).statusCode,
  ).toBe(403);
});
