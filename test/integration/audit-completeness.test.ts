// What a data protection officer needs from the trail: refused requests (another authority's record,
// a role that may not), refused profile links, reads of the text queue, and which children a list
// or search showed, all findable through the audit page's filters, which name the user.
import { bearer, buildTestApp, TestApp } from '../support/app';
import { addContacts, authorityId, childPlaced, post, reportMissing } from '../support/escalation-fixtures';
import { pageSession } from '../support/pages';
import { demoChildId, lastAuditId } from '../support/records';

let app: TestApp;
let childId: string;
beforeAll(async () => {
  app = await buildTestApp({ PUBLIC_BASE_URL: 'https://alerts.example.org' });
  childId = await demoChildId(app, 'K7Q2');
});
afterAll(async () => {
  await app.close();
});

const sql = (text: string, params: unknown[] = []) => app.db.dataSource.query(text, params);
const lastId = () => lastAuditId(app);
const linesSince = (since: string) =>
  sql(
    `SELECT authority_id, actor_role, action, entity_type, entity_id, child_id, ip, changes
  FROM audit_events WHERE id > $1 AND action NOT LIKE 'sign%' ORDER BY id`,
    [since],
  ); // a test's own sign-ins aside
const get = async (
  url: string,
  role: Parameters<TestApp['tokenFor']>[0] = 'administrator',
  authority: 'DEMO' | 'OTHER' = 'DEMO',
) => app.server.inject({ method: 'GET', url, headers: bearer(await app.tokenFor(role, authority)) });

describe('refused requests', () => {
  it("audits another authority's read of a child (404 by design) on the caller's trail and on the child's", async () => {
    const token = await app.tokenFor('social_worker', 'OTHER');
    const since = await lastId();
    const res = await app.server.inject({ method: 'GET', url: `/api/v1/children/${childId}`, headers: bearer(token) });
    expect(res.statusCode).toBe(404);
    const line = {
      actor_role: 'social_worker',
      action: 'refused',
      entity_type: 'child',
      entity_id: childId,
      child_id: childId,
      ip: '127.0.0.1',
    };
    const route = 'GET /api/v1/children/{id}';
    const other = await authorityId(app, 'OTHER');
    expect(await linesSince(since)).toEqual([
      { ...line, authority_id: other, changes: { reason: 'not_found', route } },
      {
        ...line,
        authority_id: await authorityId(app),
        changes: { reason: 'not_found', route, callerAuthorityId: other },
      },
    ]);
  });

  it("shows the child's authority who tried to open its episode, and writes one line for its own refusals", async () => {
    await addContacts(app);
    const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 1 });
    const episode = await reportMissing(app, child.id);
    const since = await lastId();
    expect((await get(`/api/v1/episodes/${episode.id}`, 'social_worker', 'OTHER')).statusCode).toBe(404);
    expect((await get(`/api/v1/children/${childId}`, 'carer')).statusCode).toBe(403);
    expect(await linesSince(since)).toMatchObject([
      { authority_id: await authorityId(app, 'OTHER'), entity_type: 'missing_episode', child_id: null },
      { authority_id: await authorityId(app), entity_type: 'missing_episode', child_id: child.id },
      { authority_id: await authorityId(app), actor_role: 'carer', child_id: childId },
    ]);
    // The demo borough's administrator finds the attempt by the child, with the other authority's user named.
    const seen = (await get(`/api/v1/audit?childId=${child.id}&action=refused`)).result as {
      actorEmail: string;
      entityId: string;
    }[];
    expect(seen.map((e) => [e.actorEmail, e.entityId])).toEqual([
      ['social.worker@other-borough.example.org', episode.id],
    ]);
  });

  it('audits a refused write through a page session too', async () => {
    const outsider = await pageSession(app, 'social_worker', 'OTHER');
    const since = await lastId();
    expect((await outsider.get(`/children/${childId}`)).statusCode).toBe(404);
    // A page is another route than the API's (the test above), so the child's authority gets its own copy.
    expect(await linesSince(since)).toMatchObject([
      { action: 'refused', child_id: childId, changes: { reason: 'not_found', route: 'GET /children/{id}' } },
      { action: 'refused', child_id: childId, authority_id: await authorityId(app) },
    ]);
  });

  it("audits a carer's and a group member's role refusals (403)", async () => {
    const since = await lastId();
    expect((await get(`/api/v1/children/${childId}`, 'carer')).statusCode).toBe(403);
    const patch = await app.server.inject({
      method: 'PATCH',
      url: `/api/v1/children/${childId}`,
      headers: bearer(await app.tokenFor('group_member')),
      payload: { gender: 'female' },
    });
    expect(patch.statusCode).toBe(403);
    expect(await linesSince(since)).toMatchObject([
      {
        actor_role: 'carer',
        action: 'refused',
        child_id: childId,
        changes: { reason: 'forbidden', route: 'GET /api/v1/children/{id}' },
      },
      {
        actor_role: 'group_member',
        action: 'refused',
        child_id: childId,
        changes: { reason: 'forbidden', route: 'PATCH /api/v1/children/{id}' },
      },
    ]);
  });

  it('keeps a junk id out of the line (a role refusal comes before validation)', async () => {
    const since = await lastId();
    expect((await get('/api/v1/children/%3Cscript%3E', 'carer')).statusCode).toBe(403);
    expect(await linesSince(since)).toMatchObject([
      { action: 'refused', entity_type: 'child', entity_id: null, child_id: null },
    ]);
  });

  it('writes no line for an unauthenticated request', async () => {
    const since = await lastId();
    expect((await app.server.inject({ method: 'GET', url: `/api/v1/children/${childId}` })).statusCode).toBe(401);
    expect(
      (await app.server.inject({ method: 'GET', url: `/api/v1/children/${childId}`, headers: bearer('not-a-token') }))
        .statusCode,
    ).toBe(401);
    expect(await linesSince(since)).toEqual([]);
  });
});

describe('the signed profile link', () => {
  beforeAll(async () => {
    await addContacts(app);
  });

  async function policeLink(episodeId: string): Promise<string> {
    await app.services.dispatcher.drain();
    const [row] = await sql(
      `SELECT body_text FROM notifications WHERE episode_id = $1 AND step_key = 'report_police#0' AND channel = 'sms'`,
      [episodeId],
    );
    return /https:\/\/alerts\.example\.org(\/p\/[A-Za-z0-9_-]+)/.exec(row.body_text)![1];
  }

  it('audits an expired link with its episode and authority, a closed episode too, and never the token', async () => {
    const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 2 });
    const episode = await reportMissing(app, child.id);
    const link = await policeLink(episode.id);
    app.clock.advanceHours(8 * 24);
    const since = await lastId();
    expect((await app.server.inject({ method: 'GET', url: link })).statusCode).toBe(410);
    const lines = await linesSince(since);
    expect(lines).toEqual([
      {
        authority_id: await authorityId(app),
        actor_role: null,
        action: 'refused',
        entity_type: 'missing_profile',
        entity_id: episode.id,
        child_id: child.id,
        ip: '127.0.0.1',
        changes: { reason: 'expired', audience: 'police' },
      },
    ]);
    expect(JSON.stringify(lines)).not.toContain(link.slice(3));

    const second = await childPlaced(app, { trafficking: 'suspected', daysAgo: 2 });
    const open = await reportMissing(app, second.id);
    const closing = await policeLink(open.id);
    // Ending the placement no longer closes the episode (issue 22): a manager closes it, with a reason.
    expect(
      (await post(app, `/api/v1/episodes/${open.id}/close`, { reason: 'Closed by the manager' }, 'team_manager'))
        .statusCode,
    ).toBe(200);
    const before = await lastId();
    expect((await app.server.inject({ method: 'GET', url: closing })).statusCode).toBe(410);
    expect(await linesSince(before)).toMatchObject([
      { action: 'refused', entity_id: open.id, changes: { reason: 'episode_closed' } },
    ]);
  });

  it('audits a tampered link as a refusal with no authority, and ignores strings that are no link at all', async () => {
    const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 2 });
    const episode = await reportMissing(app, child.id);
    const link = await policeLink(episode.id);
    const tampered = link.slice(0, -1) + (link.endsWith('A') ? 'B' : 'A');
    const since = await lastId();
    expect((await app.server.inject({ method: 'GET', url: tampered })).statusCode).toBe(404);
    expect((await app.server.inject({ method: 'GET', url: '/p/junk' })).statusCode).toBe(404);
    const lines = await linesSince(since);
    expect(lines).toEqual([
      {
        authority_id: null,
        actor_role: null,
        action: 'refused',
        entity_type: 'missing_profile',
        entity_id: null,
        child_id: null,
        ip: '127.0.0.1',
        changes: { reason: 'bad_signature', claimedEpisodeId: episode.id },
      },
    ]);
    expect(JSON.stringify(lines)).not.toContain(tampered.slice(3));
  });
});

describe('reads of lists', () => {
  it("audits each read of the duty worker's text queue with the texts and children shown", async () => {
    const [message] = await sql(
      `INSERT INTO inbound_messages (message_sid, authority_id, from_number, body, received_at, command, outcome, child_id, reply, needs_attention)
      VALUES ('SMaudit1', $1, '+447700900999', 'is this the right number', now(), 'unknown', 'queued', $2, 'Thank you', true) RETURNING id`,
      [await authorityId(app), childId],
    );
    const since = await lastId();
    const page = await (await pageSession(app, 'social_worker')).get('/admin/texts');
    expect(page.statusCode).toBe(200);
    expect((await get('/api/v1/sms/inbound?attention=true', 'team_manager')).statusCode).toBe(200);
    const lines = await linesSince(since);
    expect(lines).toMatchObject([
      {
        actor_role: 'social_worker',
        action: 'list',
        entity_type: 'inbound_message',
        changes: { ids: expect.arrayContaining([message.id]), childIds: [childId] },
      },
      {
        actor_role: 'team_manager',
        action: 'list',
        entity_type: 'inbound_message',
        changes: { ids: expect.arrayContaining([message.id]), childIds: [childId] },
      },
    ]);
  });

  it('records which children a list and a search showed, findable through the audit filter by child', async () => {
    const since = await lastId();
    const list = await get('/api/v1/children?limit=200', 'social_worker');
    const shown = (list.result as { items: { id: string }[] }).items.map((c) => c.id);
    expect(shown).toContain(childId);
    const search = await (await pageSession(app, 'team_manager')).get('/children?search=K7Q2');
    expect(search.statusCode).toBe(200);
    const lines = await linesSince(since);
    expect(lines).toMatchObject([
      { action: 'list', entity_type: 'child', changes: { count: shown.length, childIds: shown, searched: false } },
      { action: 'list', entity_type: 'child', changes: { count: 1, childIds: [childId], searched: true } },
    ]);
    expect(JSON.stringify(lines)).not.toContain('K7Q2');
    const trail = (await get(`/api/v1/audit?childId=${childId}&action=list`)).result as {
      actorRole: string;
      changes: { childIds: string[] };
    }[];
    expect(trail.slice(0, 2).map((e) => e.actorRole)).toEqual(['team_manager', 'social_worker']);
    const other = shown.find((id) => id !== childId)!;
    const otherTrail = (await get(`/api/v1/audit?childId=${other}&action=list`)).result as {
      changes: { childIds: string[] };
    }[];
    expect(otherTrail.length).toBeGreaterThan(0);
    expect(otherTrail.every((e) => e.changes.childIds.includes(other))).toBe(true);
  });

  it('records the episodes a list showed and their children', async () => {
    const since = await lastId();
    const res = await get('/api/v1/episodes?limit=200', 'social_worker');
    expect(res.statusCode).toBe(200);
    const items = (res.result as { items: { id: string; childId: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(await linesSince(since)).toMatchObject([
      {
        action: 'list',
        entity_type: 'missing_episode',
        changes: { ids: items.map((e) => e.id), childIds: [...new Set(items.map((e) => e.childId))] },
      },
    ]);
  });
});

describe('the audit trail filters', () => {
  type Line = {
    id: string;
    at: string;
    action: string;
    actorUserId: string | null;
    actorName: string | null;
    actorEmail: string | null;
    childId: string | null;
  };
  const trail = async (query: string) => {
    const res = await get(`/api/v1/audit?limit=10000${query}`);
    expect(res.statusCode).toBe(200);
    return res.result as Line[];
  };

  it('narrows by user, child, action and days, and names the user', async () => {
    const users = (await get('/api/v1/users')).result as { id: string; role: string; name: string; email: string }[];
    const worker = users.find((u) => u.role === 'social_worker')!;
    await get(`/api/v1/children/${childId}`, 'social_worker');
    const all = await trail('');
    const byUser = await trail(`&userId=${worker.id}`);
    expect(byUser.length).toBeGreaterThan(0);
    expect(byUser.length).toBeLessThan(all.length);
    expect(
      byUser.every((e) => e.actorUserId === worker.id && e.actorName === worker.name && e.actorEmail === worker.email),
    ).toBe(true);
    const byChild = await trail(`&childId=${childId}`);
    expect(byChild.length).toBeLessThan(all.length);
    expect(byChild.some((e) => e.action === 'read' && e.childId === childId)).toBe(true);
    const refused = await trail('&action=refused');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThan(all.length);
    expect(refused.every((e) => e.action === 'refused')).toBe(true);

    // Days are whole days in the display time zone: a line from a week ago is outside "today".
    app.clock.advanceHours(7 * 24);
    await get(`/api/v1/children/${childId}`, 'social_worker');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: app.config.displayTimeZone }).format(app.clock.now());
    const fromToday = await trail(`&from=${today}`);
    expect(fromToday.length).toBeGreaterThan(0);
    expect(fromToday.length).toBeLessThan(all.length);
    expect(fromToday.every((e) => new Date(e.at).getTime() >= app.clock.now().getTime() - 86_400_000)).toBe(true);
    const untilYesterday = await trail(`&to=${new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10)}`);
    expect(untilYesterday.length).toBeGreaterThan(0);
    expect(untilYesterday.every((e) => !fromToday.some((f) => f.id === e.id))).toBe(true);
  });

  it('shows the filters and the user by name on the page', async () => {
    const admin = await pageSession(app, 'administrator');
    const page = await admin.get(`/admin/audit?childId=${childId}&action=refused`);
    expect(page.statusCode).toBe(200);
    const table = page.payload.slice(page.payload.indexOf('<table'));
    expect(table).toContain('Cora Carer &lt;carer@demo-borough.example.org&gt; (Foster carer or key worker)');
    expect(table).toContain('refused (forbidden)');
    expect(table).not.toContain('>read<');
    expect(page.payload).toContain(`value="${childId}"`);
  });

  it.each([
    ['before=99999999999999999999', 'before must be an audit event id (a whole number)'],
    ['before=abc', 'before must be an audit event id (a whole number)'],
    ['from=2026-02-30', 'from is not a real date (check the day and month)'],
    ['to=0000-01-01', 'to must be between 1990 and 2100'],
    ['from=2026-03-02&to=2026-03-01', 'from must be on or before to'],
    ['userId=%00', 'userId contains a character that cannot be stored'],
    ['userId=12', 'userId must be an id (a UUID)'],
    ['action=DROP%20TABLE', 'action must be an audit action, like read or refused'],
  ])('refuses %s with a sentence (API 400, page re-rendered with the error summary)', async (query, sentence) => {
    const api = await get(`/api/v1/audit?${query}`);
    expect(api.statusCode).toBe(400);
    expect((api.result as { message: string }).message).toContain(sentence);
    const page = await (await pageSession(app, 'administrator')).get(`/admin/audit?${query}`);
    expect(page.statusCode).toBe(400);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.payload).toContain('There is a problem');
    expect(page.payload).toContain(sentence);
  });
});
