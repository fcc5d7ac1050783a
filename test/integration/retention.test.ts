// Retention (issue 28): the rules as data, the nightly review at a moved clock, the two-person rule,
// legal and inquiry holds refusing, tombstones, and message bodies shortened (by people or by rule).
import { buildTestApp, TestApp } from '../support/app';
import { apiOf, As, demoChildId } from '../support/records';

let app: TestApp;
let api: ReturnType<typeof apiOf>;
beforeAll(async () => {
  app = await buildTestApp();
  api = apiOf(app);
});
afterAll(async () => {
  await app.close();
});

const dpo: As = { role: 'data_protection_officer' };
const head: As = { role: 'senior_manager' };
type Item = { id: string; kind: string; recordId: string; status: string; childId: string | null };
const reviews = async (status = 'open') =>
  (await api('GET', `/api/v1/retention/reviews?status=${status}`, undefined, dpo)).result as Item[];
const sql = (text: string, params: unknown[] = []) => app.db.dataSource.query(text, params);
const auditOf = (id: string) =>
  sql('SELECT action, actor_role, changes FROM audit_events WHERE entity_id = $1 ORDER BY id', [id]);

it('lists a rule for every kind of record, with its period, what happens then and its legal source', async () => {
  const res = await api('GET', '/api/v1/retention/rules', undefined, dpo);
  expect(res.statusCode).toBe(200);
  const rules = res.result as {
    kind: string;
    keepYears: number;
    action: string;
    source: string;
    inquiryHold: boolean;
  }[];
  expect(rules.map((r) => r.kind)).toEqual([
    'child_record',
    'placements',
    'plans',
    'profiles_photos',
    'episodes',
    'messages',
    'message_bodies',
    'inbound_texts',
    'audit_trail',
    'users',
    'carers',
    'contacts',
  ]);
  const byKind = Object.fromEntries(rules.map((r) => [r.kind, r]));
  expect(byKind.child_record).toMatchObject({ keepYears: 75, action: 'anonymise', inquiryHold: true });
  expect(byKind.child_record.source).toMatch(/reg\. 50.*75th birthday.*15 years after death/s);
  expect(byKind.carers).toMatchObject({ keepYears: 10 });
  expect(byKind.message_bodies).toMatchObject({ keepYears: 2, action: 'shorten' });
  expect(byKind.inbound_texts).toMatchObject({ keepYears: 2, action: 'shorten' });
  expect((await api('GET', '/api/v1/retention/rules', undefined, { role: 'social_worker' })).statusCode).toBe(403);
});

it('only the officer changes a rule, with a reason, for their own authority; the change is audited', async () => {
  const change = { kind: 'contacts', keepYears: 3, reason: 'Records board, March' };
  expect((await api('PUT', '/api/v1/retention/rules', change, head)).statusCode).toBe(403);
  const res = await api('PUT', '/api/v1/retention/rules', change, dpo);
  expect(res.result).toMatchObject({
    kind: 'contacts',
    keepYears: 3,
    local: true,
    changeReason: 'Records board, March',
  });
  const other = (await api('GET', '/api/v1/retention/rules', undefined, { ...dpo, authority: 'OTHER' })).result as {
    kind: string;
    keepYears: number;
  }[];
  expect(other.find((r) => r.kind === 'contacts')!.keepYears).toBe(2);
  const [line] = await sql(
    "SELECT changes FROM audit_events WHERE entity_type = 'retention_rule' AND action = 'update' ORDER BY id DESC LIMIT 1",
  );
  expect(line.changes).toEqual({ kind: 'contacts', fields: ['keepYears'], reason: 'Records board, March' });
  const refused = await api('PUT', '/api/v1/retention/rules', { kind: 'users', automatic: true, reason: 'x y z' }, dpo);
  expect(refused.statusCode).toBe(400);
});

it('two people: one asks, a different one approves; a legal hold refuses until released; a tombstone stays', async () => {
  const k7q2 = await demoChildId(app, 'K7Q2');
  const [item] = (await reviews()).filter((i) => i.kind === 'inbound_texts' && i.childId === k7q2);
  expect(item).toBeDefined();
  const asked = await api('POST', `/api/v1/retention/reviews/${item.id}/ask`, { reason: 'Two years old' }, dpo);
  expect(asked.result).toMatchObject({ status: 'asked', askedBy: 'Dana Data-Protection-Officer' });
  const self = await api('POST', `/api/v1/retention/reviews/${item.id}/approve`, {}, dpo);
  expect(self.statusCode).toBe(403);
  expect((self.result as { message: string }).message).toMatch(/different person must approve/);

  const hold = await api('POST', `/api/v1/children/${k7q2}/legal-holds`, { reason: 'Care proceedings' }, dpo);
  expect(hold.statusCode).toBe(201);
  const held = await api('POST', `/api/v1/retention/reviews/${item.id}/approve`, {}, head);
  expect(held.statusCode).toBe(409);
  expect((held.result as { message: string }).message).toMatch(/legal hold stands/);
  const [text] = await sql('SELECT body, body_removed_at FROM inbound_messages WHERE id = $1', [item.recordId]);
  expect(text.body).toBe('K7Q2 home now, all fine');

  const holdId = (hold.result as { id: string }).id;
  await api('POST', `/api/v1/legal-holds/${holdId}/release`, { reason: 'Proceedings ended' }, head);
  const approved = await api('POST', `/api/v1/retention/reviews/${item.id}/approve`, {}, head);
  expect(approved.result).toMatchObject({ status: 'done', decidedBy: 'Hari Head-of-Service' });
  const [after] = await sql('SELECT body, from_number, command, body_removed_at FROM inbound_messages WHERE id = $1', [
    item.recordId,
  ]);
  expect(after).toMatchObject({ body: '', from_number: '+447700900101', command: 'update' });
  expect(after.body_removed_at).not.toBeNull();

  const tombstones = (await api('GET', '/api/v1/retention/tombstones', undefined, dpo)).result as object[];
  expect(tombstones).toContainEqual(
    expect.objectContaining({
      kind: 'inbound_texts',
      recordId: item.recordId,
      askedBy: 'Dana Data-Protection-Officer',
      approvedBy: 'Hari Head-of-Service',
      automatic: false,
    }),
  );
  expect(JSON.stringify(tombstones)).not.toMatch(/home now/);
  expect((await auditOf(item.id)).map((l: { action: string }) => l.action)).toEqual([
    'retention_ask',
    'refused', // approving one's own request (403)
    'refused', // the legal hold (409)
    'retention_approve',
  ]);
  const [, , hold409] = await auditOf(item.id);
  expect(hold409.changes).toEqual({ reason: 'legal_hold' });
  expect((await auditOf(holdId)).map((l: { action: string }) => l.action)).toEqual(['create', 'release']);
});

it('the nightly review finds a care record on the 75th birthday, not the day before; the inquiry hold refuses it', async () => {
  const created = await api('POST', '/api/v1/children', {
    localId: 'RT0001',
    firstNames: 'Olu',
    lastName: 'Retention-Example',
    dateOfBirth: '1991-03-10',
    sex: 1,
    traffickingStatus: 'suspected',
  });
  const childId = (created.result as { id: string }).id;
  await api('POST', `/api/v1/children/${childId}/care/end`, { reason: 'Turned 18' });
  const childItems = async () => (await reviews()).filter((i) => i.kind === 'child_record' && i.recordId === childId);

  app.clock.set('2066-03-09T12:00:00Z');
  await app.services.retentionReview.scan();
  expect(await childItems()).toEqual([]);
  app.clock.set('2066-03-10T12:00:00Z');
  const counts = await app.services.retentionReview.scan();
  expect(counts.found).toBeGreaterThan(0);
  const [item] = await childItems();
  expect(item).toMatchObject({ status: 'due', dueOn: '2066-03-10', recordDate: '1991-03-10' });
  // A second run adds nothing twice.
  await app.services.retentionReview.scan();
  expect(await childItems()).toHaveLength(1);

  const refused = await api('POST', `/api/v1/retention/reviews/${item.id}/ask`, { reason: 'Past 75' }, dpo);
  expect(refused.statusCode).toBe(409);
  expect((refused.result as { message: string }).message).toMatch(/inquiry hold/);

  await api('PUT', '/api/v1/retention/rules', { kind: 'child_record', inquiryHold: false, reason: 'Withdrawn' }, dpo);
  await api('POST', `/api/v1/retention/reviews/${item.id}/ask`, { reason: 'Past 75' }, dpo);
  await api('POST', `/api/v1/retention/reviews/${item.id}/approve`, {}, head);
  const [child] = await sql('SELECT first_names, last_name, local_id, anonymised_at FROM children WHERE id = $1', [
    childId,
  ]);
  expect(child).toMatchObject({ first_names: 'Removed', last_name: 'Removed', local_id: 'RT0001' });
  const [stone] = await sql('SELECT * FROM retention_tombstones WHERE record_id = $1', [childId]);
  expect(stone).toMatchObject({ kind: 'child_record', action: 'anonymise', automatic: false });
  expect(JSON.stringify(stone)).not.toMatch(/Olu|Retention-Example/);
});

it('message bodies are shortened automatically when the rule says so, except where a legal hold stands', async () => {
  const k7q2 = await demoChildId(app, 'K7Q2');
  const h9px = await demoChildId(app, 'H9PX');
  const reported = await api('POST', `/api/v1/children/${k7q2}/episodes`, {
    kind: 'M',
    discoveredAt: app.clock.now().toISOString(),
  });
  expect(reported.statusCode).toBe(201);
  await app.services.dispatcher.drain();
  await api('PUT', '/api/v1/retention/rules', { kind: 'message_bodies', automatic: true, reason: 'Board' }, dpo);
  await api('POST', `/api/v1/children/${h9px}/legal-holds`, { reason: 'Police investigation' }, dpo);
  const bodies = (childId: string) =>
    sql(
      `SELECT count(*) FILTER (WHERE n.body_removed_at IS NULL)::int AS kept,
              count(*) FILTER (WHERE n.body_removed_at IS NOT NULL)::int AS removed
         FROM notifications n JOIN missing_episodes e ON e.id = n.episode_id WHERE e.child_id = $1`,
      [childId],
    );
  const [before] = await bodies(h9px);
  expect(before.kept).toBeGreaterThan(0);
  app.clock.set('2069-04-01T12:00:00Z');
  const counts = await app.services.retentionReview.scan();
  expect(counts.shortened).toBeGreaterThan(0);
  expect((await bodies(h9px))[0]).toEqual(before);
  const [k7q2Bodies] = await bodies(k7q2);
  expect(k7q2Bodies.kept).toBe(0);
  expect(k7q2Bodies.removed).toBeGreaterThan(0);
  const [removed] = await sql(
    `SELECT n.body_text, n.status, n.recipient_name, t.automatic, t.approved_by FROM notifications n
       JOIN retention_tombstones t ON t.record_id = n.id WHERE n.body_removed_at IS NOT NULL LIMIT 1`,
  );
  expect(removed).toMatchObject({ body_text: null, automatic: true, approved_by: null });
  expect(removed.status).toEqual(expect.any(String));
});
