// Ids in request bodies are scoped (issue 23): for every body field that names a record by id
// (social worker, guardian user, member user or contact, attendance member, review child and
// episodes, action owner and child), an id of another authority is answered exactly as an id that
// does not exist (same status, same sentence) and changes nothing; the caller's own id is taken,
// so the field is really read. Real PostgreSQL.
import type { Role } from '../../src/platform/auth/roles';
import { bearer, buildTestApp, TestApp } from '../support/app';
import { childPlaced, reportMissing } from '../support/escalation-fixtures';
import { UNKNOWN_ID } from '../support/records';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const q = (sql: string, params: unknown[] = []) => app.db.dataSource.query(sql, params);
const one = async (sql: string, params: unknown[] = []) => (await q(sql, params))[0]?.id as string;
const ofAuthority = (table: string, code: string, where = 'true') =>
  one(
    `SELECT t.id FROM ${table} t JOIN local_authorities a ON a.id = t.authority_id
    WHERE a.code = $1 AND ${where} ORDER BY t.created_at LIMIT 1`,
    [code],
  );
/** Every row of the tables a request could change, as one string. */
const fingerprint = async (tables: string[]) =>
  Promise.all(
    tables.map(
      async (t) =>
        (await q(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${t} x`))[0].h,
    ),
  );

interface Case {
  field: string;
  role: Role;
  method: 'POST' | 'PATCH' | 'PUT';
  url: () => Promise<string>;
  body: (id: string) => Promise<object> | object;
  tables: string[];
  /** Ids of another authority for this field, and one of the caller's own that must be taken. */
  theirs: () => Promise<string>;
  ours: () => Promise<string>;
}

let seq = 0;
const childBody = (socialWorkerId: string) => ({
  localId: `BID${(seq += 1)}`,
  firstNames: 'Probe',
  lastName: 'Name',
  dateOfBirth: '2010-01-02',
  sex: 1,
  traffickingStatus: 'suspected',
  socialWorkerId,
});
const demoChild = () => ofAuthority('children', 'DEMO');
const meeting = () => ofAuthority('group_meetings', 'DEMO');
const user = (code: string, role: string) => ofAuthority('users', code, `t.role = '${role}'`);

const cases: Case[] = [
  {
    field: 'socialWorkerId (new child)',
    role: 'social_worker',
    method: 'POST',
    url: async () => '/api/v1/children',
    body: childBody,
    tables: ['children'],
    theirs: () => user('OTHER', 'social_worker'),
    ours: () => user('DEMO', 'social_worker'),
  },
  {
    field: 'socialWorkerId (change)',
    role: 'social_worker',
    method: 'PATCH',
    url: async () => `/api/v1/children/${await demoChild()}`,
    body: (socialWorkerId) => ({ socialWorkerId }),
    tables: ['children'],
    theirs: () => user('OTHER', 'social_worker'),
    ours: () => user('DEMO', 'social_worker'),
  },
  {
    field: 'userId (new guardian)',
    role: 'social_worker',
    method: 'POST',
    url: async () => `/api/v1/children/${await demoChild()}/guardians`,
    body: (userId) => ({
      kind: 'ictg_direct_worker',
      name: 'Probe Guardian',
      organisation: 'Guardians',
      referredOn: '2026-01-05',
      userId,
    }),
    tables: ['guardians'],
    theirs: () => user('OTHER', 'guardian'),
    ours: () => user('DEMO', 'guardian'),
  },
  {
    field: 'userId (guardian linked to a user)',
    role: 'social_worker',
    method: 'PATCH',
    url: async () => `/api/v1/guardians/${await ofAuthority('guardians', 'DEMO')}`,
    body: (userId) => ({ userId }),
    tables: ['guardians'],
    theirs: () => user('OTHER', 'guardian'),
    ours: () => user('DEMO', 'guardian'),
  },
  {
    field: 'userId (group member)',
    role: 'administrator',
    method: 'POST',
    url: async () => '/api/v1/operational-group/members',
    body: (userId) => ({ userId }),
    tables: ['group_members'],
    theirs: () => user('OTHER', 'police'),
    ours: () => user('DEMO', 'ceop'),
  },
  {
    field: 'contactId (group member)',
    role: 'administrator',
    method: 'POST',
    url: async () => '/api/v1/operational-group/members',
    body: (contactId) => ({ contactId }),
    tables: ['group_members'],
    theirs: () => ofAuthority('contacts', 'OTHER'),
    ours: async () => {
      const [c] = await q(`INSERT INTO contacts (authority_id, name, organisation, role, email, created_at, updated_at)
        SELECT id, 'Probe contact', 'Probe', 'other', 'probe@example.org', now(), now() FROM local_authorities
        WHERE code = 'DEMO' RETURNING id`);
      return c.id;
    },
  },
  {
    field: 'memberId (attendance)',
    role: 'administrator',
    method: 'PUT',
    url: async () => `/api/v1/operational-group/meetings/${await meeting()}/attendance`,
    body: (memberId) => ({ attendance: [{ memberId, attendance: 'present' }] }),
    tables: ['group_attendance'],
    theirs: () => ofAuthority('group_members', 'OTHER'),
    ours: () => ofAuthority('group_members', 'DEMO'),
  },
  {
    field: 'ownerMemberId (action)',
    role: 'administrator',
    method: 'POST',
    url: async () => `/api/v1/operational-group/meetings/${await meeting()}/actions`,
    body: (ownerMemberId) => ({ description: 'Probe action', dueOn: '2026-02-01', ownerMemberId }),
    tables: ['group_actions'],
    theirs: () => ofAuthority('group_members', 'OTHER'),
    ours: () => ofAuthority('group_members', 'DEMO'),
  },
  {
    field: 'childId (action)',
    role: 'administrator',
    method: 'POST',
    url: async () => `/api/v1/operational-group/meetings/${await meeting()}/actions`,
    body: (childId) => ({ description: 'Probe action', dueOn: '2026-02-01', ownerName: 'Probe Owner', childId }),
    tables: ['group_actions'],
    theirs: () => ofAuthority('children', 'OTHER'),
    ours: demoChild,
  },
  {
    field: 'childId (review)',
    role: 'administrator',
    method: 'POST',
    url: async () => `/api/v1/operational-group/meetings/${await meeting()}/reviews`,
    body: (childId) => ({ childId, indicatorsConsidered: [], decision: 'Keep the plan', debriefArranged: false }),
    tables: ['group_reviews'],
    theirs: () => ofAuthority('children', 'OTHER'),
    ours: async () => (await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 })).id,
  },
  {
    field: 'episodeIds (review)',
    role: 'administrator',
    method: 'POST',
    url: async () => `/api/v1/operational-group/meetings/${await meeting()}/reviews`,
    body: (episodeId) => ({
      childId: reviewed,
      episodeIds: [episodeId],
      indicatorsConsidered: [],
      decision: 'Keep the plan',
      debriefArranged: false,
    }),
    tables: ['group_reviews'],
    theirs: () => ofAuthority('missing_episodes', 'OTHER'),
    ours: async () => (await reportMissing(app, reviewed)).id,
  },
];
let reviewed: string;

beforeAll(async () => {
  reviewed = (await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 })).id;
  // Other Borough's group and one member, so their ids can be tried.
  await q(`INSERT INTO operational_groups (authority_id, name, first_meeting_at, created_at, updated_at)
    SELECT id, 'Other group', now(), now(), now() FROM local_authorities WHERE code = 'OTHER' ON CONFLICT DO NOTHING`);
  await q(`INSERT INTO group_members (authority_id, group_id, user_id, created_at)
    SELECT g.authority_id, g.id, u.id, now() FROM operational_groups g JOIN local_authorities a ON a.id = g.authority_id
    JOIN users u ON u.authority_id = a.id AND u.role = 'police' WHERE a.code = 'OTHER' ON CONFLICT DO NOTHING`);
  // An episode of Other Borough, so its id can be tried.
  const w3fc = await ofAuthority('children', 'OTHER');
  const res = await app.server.inject({
    method: 'POST',
    url: `/api/v1/children/${w3fc}/episodes`,
    payload: { kind: 'M', discoveredAt: app.clock.now().toISOString() },
    headers: bearer(await app.tokenFor('social_worker', 'OTHER')),
  });
  expect([201, 409]).toContain(res.statusCode);
});

it.each(cases.map((c) => [c.field, c] as const))(
  '%s: another authority’s id is answered as an unknown id, changes nothing, and the own id is taken',
  async (_field, c) => {
    const token = await app.tokenFor(c.role);
    const send = async (id: string) =>
      app.server.inject({ method: c.method, url: await c.url(), payload: await c.body(id), headers: bearer(token) });
    const theirs = await c.theirs();
    expect(theirs).toEqual(expect.any(String));
    const before = await fingerprint(c.tables);
    const foreign = await send(theirs);
    const unknown = await send(UNKNOWN_ID);
    expect([c.field, foreign.statusCode]).toEqual([c.field, unknown.statusCode]);
    expect([400, 404]).toContain(foreign.statusCode);
    // One answer: the sentence does not tell the two apart (an id echoed back is the only difference allowed).
    expect(foreign.payload.replaceAll(theirs, '<id>')).toBe(unknown.payload.replaceAll(UNKNOWN_ID, '<id>'));
    expect(await fingerprint(c.tables)).toEqual(before);
    const own = await send(await c.ours());
    expect([c.field, own.statusCode < 300]).toEqual([c.field, true]);
  },
);
