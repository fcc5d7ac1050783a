// Children through the API: create, read (audited), update, list, validation and tenancy.
import { referencePattern } from '../../src/children/child-reference';
import { bearer, buildTestApp, TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const newChild = {
  localId: 'T0001',
  firstNames: 'Test',
  lastName: 'Child',
  dateOfBirth: '2011-03-04',
  sex: 2,
  traffickingStatus: 'suspected',
  nationality: 'Eritrean',
  uasc: true,
  arrivalPort: 'Heathrow',
};

async function post(url: string, payload: object, token: string) {
  return app.server.inject({ method: 'POST', url, payload, headers: bearer(token) });
}

describe('children API', () => {
  it('registers a child with a short reference and reads it back', async () => {
    const token = await app.tokenFor('social_worker');
    const created = await post('/api/v1/children', newChild, token);
    expect(created.statusCode).toBe(201);
    const body = created.result as Record<string, unknown>;
    expect(body.reference).toMatch(referencePattern);
    expect(created.headers.location).toBe(`/api/v1/children/${body.id}`);

    const read = await app.server.inject({ method: 'GET', url: `/api/v1/children/${body.id}`, headers: bearer(token) });
    expect(read.statusCode).toBe(200);
    expect(read.result).toMatchObject({ localId: 'T0001', firstNames: 'Test', dateOfBirth: '2011-03-04', sex: 2 });
  });

  it('audits every read of a child', async () => {
    const token = await app.tokenFor('team_manager');
    const { items } = (
      await app.server.inject({ method: 'GET', url: '/api/v1/children?search=K7Q2', headers: bearer(token) })
    ).result as { items: { id: string }[] };
    const id = items[0].id;
    await app.server.inject({ method: 'GET', url: `/api/v1/children/${id}`, headers: bearer(token) });
    const rows = await app.db.dataSource.query(
      `SELECT action, actor_role FROM audit_events WHERE child_id = $1 AND action = 'read'`,
      [id],
    );
    expect(rows).toEqual([{ action: 'read', actor_role: 'team_manager' }]);
  });

  it('changes a child and records which fields changed', async () => {
    const token = await app.tokenFor('social_worker');
    const { id } = (await post('/api/v1/children', { ...newChild, localId: 'T0002' }, token)).result as { id: string };
    const res = await app.server.inject({
      method: 'PATCH',
      url: `/api/v1/children/${id}`,
      payload: { ageDisputed: true, traffickingStatus: 'confirmed' },
      headers: bearer(token),
    });
    expect(res.statusCode).toBe(200);
    expect(res.result).toMatchObject({ ageDisputed: true, traffickingStatus: 'confirmed' });
    const [row] = await app.db.dataSource.query(
      `SELECT changes FROM audit_events WHERE child_id = $1 AND action = 'update'`,
      [id],
    );
    expect(row.changes.fields.sort()).toEqual(['ageDisputed', 'traffickingStatus']);
  });

  it('names every wrong field in one 400', async () => {
    const token = await app.tokenFor('social_worker');
    const res = await post(
      '/api/v1/children',
      { firstNames: '', dateOfBirth: '14/05/2010', sex: 3, colour: 'red' },
      token,
    );
    expect(res.statusCode).toBe(400);
    const body = res.result as { message: string; errors: { field: string }[] };
    expect(body.errors.map((e) => e.field).sort()).toEqual([
      'colour',
      'dateOfBirth',
      'firstNames',
      'lastName',
      'localId',
      'sex',
      'traffickingStatus',
    ]);
    expect(body.message).toContain('dateOfBirth must be a date, like 2026-03-31');
    expect(body.message).toContain('sex must be 1 (male) or 2 (female)');
  });

  it('refuses a second child with the same local id with a 409 sentence', async () => {
    const token = await app.tokenFor('social_worker');
    const res = await post('/api/v1/children', { ...newChild, localId: 'DB1001' }, token);
    expect(res.statusCode).toBe(409);
    expect((res.result as { message: string }).message).toBe(
      'Another child in this authority already has the local id DB1001.',
    );
  });

  it('gives 404 for an unknown id and 400 for a malformed one', async () => {
    const token = await app.tokenFor('social_worker');
    const unknown = await app.server.inject({
      method: 'GET',
      url: '/api/v1/children/6f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f',
      headers: bearer(token),
    });
    expect(unknown.statusCode).toBe(404);
    const malformed = await app.server.inject({
      method: 'GET',
      url: '/api/v1/children/not-an-id',
      headers: bearer(token),
    });
    expect(malformed.statusCode).toBe(400);
  });

  it("hides another authority's children, in lists too", async () => {
    const other = await app.tokenFor('social_worker', 'OTHER');
    const demo = await app.tokenFor('social_worker', 'DEMO');
    const { items } = (await app.server.inject({ method: 'GET', url: '/api/v1/children', headers: bearer(demo) }))
      .result as { items: { id: string; reference: string }[] };
    expect(items.map((c) => c.reference)).toEqual(expect.arrayContaining(['K7Q2', 'M4RT', 'H9PX']));
    const otherList = (await app.server.inject({ method: 'GET', url: '/api/v1/children', headers: bearer(other) }))
      .result as { items: { reference: string }[] };
    expect(otherList.items.map((c) => c.reference)).toEqual(['W3FC']);
    const res = await app.server.inject({
      method: 'GET',
      url: `/api/v1/children/${items[0].id}`,
      headers: bearer(other),
    });
    expect(res.statusCode).toBe(404);
  });

  it('refuses roles without access to child records', async () => {
    for (const role of ['carer', 'police', 'ceop', 'guardian'] as const) {
      const res = await app.server.inject({
        method: 'GET',
        url: '/api/v1/children',
        headers: bearer(await app.tokenFor(role)),
      });
      expect(res.statusCode).toBe(403);
    }
    const anonymous = await app.server.inject({ method: 'GET', url: '/api/v1/children' });
    expect(anonymous.statusCode).toBe(401);
  });
});
