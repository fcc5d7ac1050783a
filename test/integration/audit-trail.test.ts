// The audit trail: reads and writes recorded, visible and exportable by administrators only,
// and impossible to alter, even for the database owner.
import { bearer, buildTestApp, TestApp } from '../support/app';

let app: TestApp;
let childId: string;
beforeAll(async () => {
  app = await buildTestApp();
  const sw = await app.tokenFor('social_worker');
  const list = await app.server.inject({ method: 'GET', url: '/api/v1/children?search=K7Q2', headers: bearer(sw) });
  childId = (list.result as { items: { id: string }[] }).items[0].id;
  await app.server.inject({ method: 'GET', url: `/api/v1/children/${childId}`, headers: bearer(sw) });
  await app.server.inject({
    method: 'PATCH',
    url: `/api/v1/children/${childId}`,
    headers: bearer(sw),
    payload: { gender: 'female' },
  });
});
afterAll(async () => {
  await app.close();
});

it("shows administrators who read and changed a child's record", async () => {
  const res = await app.server.inject({
    method: 'GET',
    url: `/api/v1/audit?childId=${childId}`,
    headers: bearer(await app.tokenFor('administrator')),
  });
  expect(res.statusCode).toBe(200);
  const events = res.result as { action: string; actorRole: string; ip: string; changes: { fields?: string[] } }[];
  // The search in beforeAll showed the child too: a list line names the children it showed.
  expect(events.map((e) => e.action)).toEqual(['update', 'read', 'list']);
  expect(events[0]).toMatchObject({ actorRole: 'social_worker', ip: '127.0.0.1', changes: { fields: ['gender'] } });
});

it('exports the trail per user as CSV', async () => {
  const admin = await app.tokenFor('administrator');
  const users = (await app.server.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(admin) })).result as {
    id: string;
    role: string;
  }[];
  const sw = users.find((u) => u.role === 'social_worker')!;
  const res = await app.server.inject({
    method: 'GET',
    url: `/api/v1/audit.csv?userId=${sw.id}`,
    headers: bearer(admin),
  });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  const lines = res.payload.trim().split('\r\n');
  expect(lines[0]).toBe(
    '"id","at","actor_user_id","actor_role","action","entity_type","entity_id","child_id","ip","changes","actor_name","actor_email"',
  );
  expect(lines.slice(1).every((l) => l.includes(`"${sw.id}"`))).toBe(true);
  expect(lines.some((l) => l.includes('"update","child"'))).toBe(true);
});

it('is for administrators only and scoped to their authority', async () => {
  expect(
    (
      await app.server.inject({
        method: 'GET',
        url: '/api/v1/audit',
        headers: bearer(await app.tokenFor('social_worker')),
      })
    ).statusCode,
  ).toBe(403);
  const other = await app.server.inject({
    method: 'GET',
    url: `/api/v1/audit?childId=${childId}`,
    headers: bearer(await app.tokenFor('administrator', 'OTHER')),
  });
  expect(other.result).toEqual([]);
});

it('cannot be updated, deleted or truncated: the service lacks the privilege, and the owner meets the trigger', async () => {
  const q = (sql: string) => app.db.dataSource.query(sql);
  await expect(q(`UPDATE audit_events SET action = 'nothing'`)).rejects.toThrow(
    /permission denied for table audit_events/,
  );
  await expect(q('DELETE FROM audit_events')).rejects.toThrow(/permission denied for table audit_events/);
  await expect(q('TRUNCATE audit_events')).rejects.toThrow(/permission denied for table audit_events/);
  await expect(app.db.asOwner(`UPDATE audit_events SET action = 'nothing'`)).rejects.toThrow(/append-only/);
  await expect(app.db.asOwner('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
  await expect(app.db.asOwner('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
  const [{ n }] = await q(`SELECT count(*)::int AS n FROM audit_events WHERE child_id = '${childId}'`);
  expect(n).toBeGreaterThanOrEqual(2);
});
