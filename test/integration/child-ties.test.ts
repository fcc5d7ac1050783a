// Access follows a person's tie to the child (issue 23): each case as the hostile user tries it,
// refused and audited, and the person who is tied still allowed. Real PostgreSQL.
import { CARER_ONE_CHILD } from '../../seeds/demo-data';
import { fieldsFor } from '../../src/platform/views/date-time-fields';
import { bearer, buildTestApp, TestApp } from '../support/app';
import { addContacts, childPlaced, post, reportMissing } from '../support/escalation-fixtures';
import { pageSession } from '../support/pages';
import { UNKNOWN_ID } from '../support/records';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
  await addContacts(app);
});
afterAll(async () => {
  await app.close();
});

const q = (sql: string, params: unknown[] = []) => app.db.dataSource.query(sql, params);
const message = (res: { result: unknown }) => (res.result as { message: string }).message;
const get = async (url: string, role: Parameters<TestApp['tokenFor']>[0], authority: 'DEMO' | 'OTHER' = 'DEMO') =>
  app.server.inject({ url, headers: bearer(await app.tokenFor(role, authority)) });
/** The refusals audited for a record, as "role action reason". */
const refusals = async (entityId: string) =>
  (
    await q(
      `SELECT actor_role, changes->>'reason' AS reason FROM audit_events
  WHERE action = 'refused' AND entity_id = $1 ORDER BY id`,
      [entityId],
    )
  ).map((r: { actor_role: string; reason: string }) => `${r.actor_role} ${r.reason}`);
const episodesOf = async (childId: string) =>
  (await q('SELECT count(*)::int AS n FROM missing_episodes WHERE child_id = $1', [childId]))[0].n;

describe('a carer reports only a child placed with them', () => {
  it("refuses another carer's child through the API and the page, audited, and opens nothing", async () => {
    const theirs = await childPlaced(app, { trafficking: 'suspected', daysAgo: 20, carer: '+447700900677' });
    const body = { kind: 'M', discoveredAt: app.clock.now().toISOString() };
    const res = await post(app, `/api/v1/children/${theirs.id}/episodes`, body, 'carer');
    expect(res.statusCode).toBe(403);
    expect(message(res)).toBe(
      "You can report only a child placed with you: you are not a carer of this child's current placement.",
    );
    const carer = await pageSession(app, 'carer');
    expect((await carer.get(`/children/${theirs.id}/report-missing`)).statusCode).toBe(403);
    const form = await carer.post(`/children/${theirs.id}/report-missing`, {
      kind: 'M',
      ...fieldsFor(app.clock.now(), 'Europe/London', 'discovered'),
    });
    expect(form.statusCode).toBe(403);
    expect(await episodesOf(theirs.id)).toBe(0);
    expect(await refusals(theirs.id)).toEqual(['carer forbidden', 'carer forbidden', 'carer forbidden']);
  });

  it('reports the child placed with them (their registered mobile is on the current placement)', async () => {
    const mine = await childPlaced(app, { trafficking: 'suspected', daysAgo: 20, carer: CARER_ONE_CHILD });
    const res = await post(
      app,
      `/api/v1/children/${mine.id}/episodes`,
      { kind: 'M', discoveredAt: app.clock.now().toISOString() },
      'carer',
    );
    expect(res.statusCode).toBe(201);
    expect(await refusals(mine.id)).toEqual([]);
  });
});

describe('a guardian sees and acknowledges only for the children they guard', () => {
  it("lists and opens only their child's episodes; another child's alert is refused, audited, and stays unacknowledged", async () => {
    const guarded = await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 });
    const other = await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 });
    const [guardianUser] = await q(`SELECT id FROM users WHERE email = 'guardian@demo-borough.example.org'`);
    const [record] = await q('SELECT id FROM guardians WHERE child_id = $1', [guarded.id]);
    const link = await app.server.inject({
      method: 'PATCH',
      url: `/api/v1/guardians/${record.id}`,
      payload: { userId: guardianUser.id },
      headers: bearer(await app.tokenFor('social_worker')),
    });
    expect(link.statusCode).toBe(200);
    const mine = await reportMissing(app, guarded.id);
    const theirs = await reportMissing(app, other.id);

    const list = (await get('/api/v1/episodes?limit=100', 'guardian')).result as { items: { id: string }[] };
    expect(list.items.map((e) => e.id)).toContain(mine.id);
    expect(list.items.map((e) => e.id)).not.toContain(theirs.id);
    expect((await get(`/api/v1/episodes/${theirs.id}`, 'guardian')).statusCode).toBe(404);

    expect(
      (await post(app, `/api/v1/episodes/${theirs.id}/acknowledge`, { stepKey: 'report_police' }, 'guardian'))
        .statusCode,
    ).toBe(404);
    const page = await pageSession(app, 'guardian');
    expect((await page.post(`/episodes/${theirs.id}/acknowledge`, { stepKey: 'report_police' })).statusCode).toBe(404);
    // Their own child's episode opens, but the police alert did not go to them: no button, and the API refuses it.
    const own = await page.get(`/episodes/${mine.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.payload).not.toContain('Acknowledge: Police control room told');
    const notTheirs = await post(
      app,
      `/api/v1/episodes/${mine.id}/acknowledge`,
      { stepKey: 'report_police' },
      'guardian',
    );
    expect(notTheirs.statusCode).toBe(403);
    expect(message(notTheirs)).toBe(
      'The alert “Police control room told” was not sent to you, so only someone it went to or a manager can acknowledge it.',
    );
    expect(await refusals(theirs.id)).toEqual(['guardian not_found', 'guardian not_found', 'guardian not_found']);
    expect(await refusals(mine.id)).toEqual(['guardian forbidden']);
    expect((await (await pageSession(app, 'police')).get(`/episodes/${mine.id}`)).payload).toContain(
      'Acknowledge: Police control room told',
    );
    expect(
      await q(`SELECT 1 FROM episode_events WHERE episode_id = ANY($1) AND type = 'acknowledged'`, [
        [mine.id, theirs.id],
      ]),
    ).toEqual([]);

    // The police (the alert went to their control room) and a manager may.
    expect(
      (await post(app, `/api/v1/episodes/${theirs.id}/acknowledge`, { stepKey: 'report_police' }, 'police')).statusCode,
    ).toBe(200);
    expect(
      (await post(app, `/api/v1/episodes/${mine.id}/acknowledge`, { stepKey: 'report_police' }, 'team_manager'))
        .statusCode,
    ).toBe(200);
  });

  it('a social worker the police alert did not go to cannot acknowledge it', async () => {
    const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 });
    const episode = await reportMissing(app, child.id);
    expect(
      (await post(app, `/api/v1/episodes/${episode.id}/acknowledge`, { stepKey: 'report_police' })).statusCode,
    ).toBe(403);
  });
});

describe("ids in a child's record are scoped to the caller's authority", () => {
  it("answers another authority's social worker, a made-up id and a carer's id alike, changing nothing, audited", async () => {
    const [otherSw] = await q(`SELECT id FROM users WHERE email = 'social.worker@other-borough.example.org'`);
    const [carer] = await q(`SELECT id FROM users WHERE email = 'carer@demo-borough.example.org'`);
    const [ownSw] = await q(`SELECT id FROM users WHERE email = 'social.worker@demo-borough.example.org'`);
    const token = await app.tokenFor('social_worker');
    const before = (await q('SELECT count(*)::int AS n FROM children'))[0].n;
    const create = (socialWorkerId: string) =>
      app.server.inject({
        method: 'POST',
        url: '/api/v1/children',
        headers: bearer(token),
        payload: {
          localId: `TIE${socialWorkerId.slice(0, 6)}`,
          firstNames: 'Probe',
          lastName: 'Name',
          dateOfBirth: '2010-01-02',
          sex: 1,
          traffickingStatus: 'suspected',
          socialWorkerId,
        },
      });
    const answers = [await create(otherSw.id), await create(UNKNOWN_ID), await create(carer.id)];
    for (const res of answers) {
      expect(res.statusCode).toBe(400);
      expect(message(res)).toBe('socialWorkerId is not a social worker in your authority.');
    }
    expect(new Set(answers.map((r) => r.payload)).size).toBe(1);
    expect((await q('SELECT count(*)::int AS n FROM children'))[0].n).toBe(before);

    const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 });
    const patch = (socialWorkerId: string) =>
      app.server.inject({
        method: 'PATCH',
        url: `/api/v1/children/${child.id}`,
        headers: bearer(token),
        payload: { socialWorkerId },
      });
    const changed = [await patch(otherSw.id), await patch(UNKNOWN_ID)];
    expect(changed.map((r) => r.statusCode)).toEqual([400, 400]);
    expect(changed[0].payload).toBe(changed[1].payload);
    expect((await q('SELECT social_worker_id FROM children WHERE id = $1', [child.id]))[0].social_worker_id).toBe(
      ownSw.id,
    );
    expect(await refusals(child.id)).toEqual(['social_worker invalid_reference', 'social_worker invalid_reference']);
    expect(
      (
        await q(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'refused' AND entity_type = 'child' AND entity_id IS NULL
      AND changes->>'field' = 'socialWorkerId'`)
      )[0].n,
    ).toBe(3);

    expect((await patch(ownSw.id)).statusCode).toBe(200);
  });
});

describe("group members see case summaries, never placement addresses or carers' numbers", () => {
  it('refuses the placements API and leaves the address off the child page, audited; casework staff still see it', async () => {
    const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 20, carer: '+447700900688' });
    const api = await get(`/api/v1/children/${child.id}/placements`, 'group_member');
    expect(api.statusCode).toBe(403);
    expect(api.payload).not.toContain('Secret Road');
    expect(await refusals(child.id)).toEqual(['group_member forbidden']);
    const page = await (await pageSession(app, 'group_member')).get(`/children/${child.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.payload).toContain(child.reference);
    expect(page.payload).not.toContain('9 Secret Road');
    expect(page.payload).not.toMatch(/07700 ?900 ?688|447700900688/);

    const sw = await get(`/api/v1/children/${child.id}/placements`, 'social_worker');
    expect(sw.statusCode).toBe(200);
    expect(sw.payload).toContain('9 Secret Road');
    expect((await (await pageSession(app, 'social_worker')).get(`/children/${child.id}`)).payload).toContain(
      '9 Secret Road',
    );
  });
});
