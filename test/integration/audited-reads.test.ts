// A read of a child's record and its audit line are one statement: every read that returns data
// has exactly one committed audit line, and a read whose line cannot be written returns nothing.
import { bearer, buildTestApp, TestApp } from '../support/app';

let app: TestApp;
let childId: string;
let childName: string;
beforeAll(async () => {
  app = await buildTestApp();
  [{ id: childId, first_names: childName }] = await app.db.dataSource.query(
    `SELECT id, first_names FROM children WHERE reference = 'K7Q2'`,
  );
});
afterAll(async () => {
  await app.close();
});

const sql = (text: string, params: unknown[] = []) => app.db.dataSource.query(text, params);
const readLines = async () =>
  Number(
    (
      await sql(
        `SELECT count(*) AS n FROM audit_events WHERE child_id = $1 AND action = 'read' AND entity_type = 'child'`,
        [childId],
      )
    )[0].n,
  );
const get = async (id: string, token: string) =>
  app.server.inject({ method: 'GET', url: `/api/v1/children/${id}`, headers: bearer(token) });

it('leaves exactly one audit line, with who and from where, for each of many concurrent reads', async () => {
  const token = await app.tokenFor('social_worker');
  const before = await readLines();
  const answers = await Promise.all(Array.from({ length: 40 }, () => get(childId, token)));
  expect(answers.map((a) => a.statusCode)).toEqual(Array(40).fill(200));
  expect(await readLines()).toBe(before + 40);
  const [line] = await sql(
    `SELECT actor_role, entity_id, authority_id, ip FROM audit_events WHERE child_id = $1 AND action = 'read' ORDER BY id DESC LIMIT 1`,
    [childId],
  );
  const [{ authority_id: authorityId }] = await sql('SELECT authority_id FROM children WHERE id = $1', [childId]);
  expect(line).toEqual({ actor_role: 'social_worker', entity_id: childId, authority_id: authorityId, ip: '127.0.0.1' });
});

it('keeps answering after a migration adds columns under its prepared statements (as in a rolling deploy)', async () => {
  const token = await app.tokenFor('social_worker');
  const many = async () =>
    (await Promise.all(Array.from({ length: 20 }, () => get(childId, token)))).map((a) => a.statusCode);
  expect(await many()).toEqual(Array(20).fill(200)); // the token lookup and the read prepared on the pool's connections
  const tables = ['children', 'users', 'api_tokens', 'local_authorities', 'audit_events'];
  await app.db.asOwner(tables.map((t) => `ALTER TABLE ${t} ADD COLUMN added_later text`).join('; '));
  try {
    expect(await many()).toEqual(Array(20).fill(200));
  } finally {
    await app.db.asOwner(tables.map((t) => `ALTER TABLE ${t} DROP COLUMN added_later`).join('; '));
  }
});

it('writes no line when the child is not found or belongs to another authority', async () => {
  const before = await readLines();
  expect((await get(childId, await app.tokenFor('social_worker', 'OTHER'))).statusCode).toBe(404);
  expect((await get('0b7c3c52-3f0e-4a63-9d52-3b0a8a2f5e11', await app.tokenFor('social_worker'))).statusCode).toBe(404);
  expect(await readLines()).toBe(before);
});

it('keeps each concurrent read to its own caller and authority when reads are written together', async () => {
  const [worker, manager, outsider] = await Promise.all([
    app.tokenFor('social_worker'),
    app.tokenFor('team_manager'),
    app.tokenFor('social_worker', 'OTHER'),
  ]);
  const [other] = await sql(
    `SELECT id FROM children WHERE reference <> 'K7Q2' AND authority_id = (SELECT authority_id FROM children WHERE id = $1) LIMIT 1`,
    [childId],
  );
  const [{ last }] = await sql('SELECT coalesce(max(id), 0) AS last FROM audit_events');
  const asked = Array.from(
    { length: 30 },
    (_, i) =>
      [
        { id: childId, token: worker, status: 200 },
        { id: other.id, token: manager, status: 200 },
        { id: childId, token: outsider, status: 404 },
        { id: '0b7c3c52-3f0e-4a63-9d52-3b0a8a2f5e11', token: worker, status: 404 },
      ][i % 4],
  );
  const answers = await Promise.all(asked.map((a) => get(a.id, a.token)));
  expect(answers.map((a) => a.statusCode)).toEqual(asked.map((a) => a.status));
  answers.forEach((a, i) => {
    if (a.statusCode === 200) expect((a.result as { id: string }).id).toBe(asked[i].id);
  });
  const lines = await sql(
    `SELECT entity_id, actor_role, count(*)::int AS n FROM audit_events WHERE id > $1 AND action = 'read' GROUP BY 1, 2 ORDER BY 2`,
    [last],
  );
  expect(lines).toEqual([
    { entity_id: childId, actor_role: 'social_worker', n: 8 },
    { entity_id: other.id, actor_role: 'team_manager', n: 8 },
  ]);
  // Each 404 is a refusal line in the caller's own authority, never a read. (The child's authority has its copy of
  // the outsider's refusal from the test above: one an hour per caller and record, refusal-owners-copy.test.ts.)
  const refused = await sql(
    `SELECT entity_id, authority_id = (SELECT authority_id FROM children WHERE id = $2) AS own, count(*)::int AS n
    FROM audit_events WHERE id > $1 AND action = 'refused' GROUP BY 1, 2 ORDER BY 3, 1`,
    [last, childId],
  );
  expect(refused).toEqual(
    expect.arrayContaining([
      { entity_id: childId, own: false, n: 7 },
      { entity_id: '0b7c3c52-3f0e-4a63-9d52-3b0a8a2f5e11', own: true, n: 7 },
    ]),
  );
  expect(refused).toHaveLength(2);
});

it('shows nothing, and says why, when the audit line cannot be written', async () => {
  const token = await app.tokenFor('social_worker');
  await app.db.asOwner(
    `CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$`,
  );
  await app.db.asOwner(
    'CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_audit()',
  );
  const before = await readLines();
  try {
    const res = await get(childId, token);
    expect(res.statusCode).toBe(503);
    expect((res.result as { message: string }).message).toBe(
      'The record was not shown because reading it could not be recorded in the audit trail. Try again in a moment; if it keeps happening, tell support.',
    );
    expect(res.payload).not.toContain(childName);
  } finally {
    await app.db.asOwner('DROP TRIGGER refuse_audit ON audit_events');
    await app.db.asOwner('DROP FUNCTION refuse_audit()');
  }
  expect(await readLines()).toBe(before);
  expect((await get(childId, token)).statusCode).toBe(200);
});

it("lets only the read's own commit skip waiting for the disk: every other statement on those connections waits", async () => {
  const token = await app.tokenFor('social_worker');
  // More concurrent reads than the pool has connections, so every connection has served one.
  expect((await Promise.all(Array.from({ length: 30 }, () => get(childId, token)))).map((a) => a.statusCode)).toEqual(
    Array(30).fill(200),
  );
  // Then as many overlapping statements as the pool has connections: each reports the setting it runs under.
  const settings = await Promise.all(
    Array.from({ length: 10 }, async () => {
      const [row] = await sql(`SELECT current_setting('synchronous_commit') AS s, pg_sleep(0.05)`);
      return row.s as string;
    }),
  );
  expect(settings).toEqual(Array(10).fill('on'));
});
