// A refusal of another authority's record is on the caller's trail and, once an hour per caller and
// record, on the trail of the authority holding it, with the child: that authority's data protection
// officer finds the attempt by the child. If the copy cannot be written, the caller's line still is.
import type { Role } from '../../src/platform/auth/roles';
import { bearer, buildTestApp, TestApp } from '../support/app';
import { authorityId } from '../support/escalation-fixtures';
import { pageSession } from '../support/pages';
import { lastAuditId } from '../support/records';

let app: TestApp;
const logLines: string[] = [];
let demo: string;
let other: string;
beforeAll(async () => {
  app = await buildTestApp({}, { logLines });
  [demo, other] = [await authorityId(app), await authorityId(app, 'OTHER')];
});
afterAll(async () => {
  await app.close();
});

const sql = (text: string, params: unknown[] = []) => app.db.dataSource.query(text, params);
const lastId = () => lastAuditId(app);
const refusalsSince = (since: string) =>
  sql(
    `SELECT authority_id, entity_type, entity_id, child_id, changes->>'callerAuthorityId' AS caller
    FROM audit_events WHERE id > $1 AND action = 'refused' ORDER BY id`,
    [since],
  );
const asOther = async (method: string, url: string, role: Role = 'administrator') =>
  app.server.inject({ method, url, headers: bearer(await app.tokenFor(role, 'OTHER')), payload: {} });
const copies = (lines: { authority_id: string }[]) => lines.filter((l) => l.authority_id === demo);

// [record type, a demo-borough record of it (id, and its child where it has one), the route that names it]
const records: [string, string, (id: string) => [string, string, Role?]][] = [
  ['child', 'SELECT id, id AS child, authority_id FROM children', (id) => ['GET', `/api/v1/children/${id}`]],
  [
    'missing_episode',
    'SELECT id, child_id AS child, authority_id FROM missing_episodes',
    (id) => ['GET', `/api/v1/episodes/${id}`],
  ],
  [
    'placement',
    'SELECT id, child_id AS child, authority_id FROM placements',
    (id) => ['PATCH', `/api/v1/placements/${id}`],
  ],
  [
    'guardian',
    'SELECT id, child_id AS child, authority_id FROM guardians',
    (id) => ['PATCH', `/api/v1/guardians/${id}`],
  ],
  [
    'nrm_referral',
    'SELECT id, child_id AS child, authority_id FROM nrm_referrals',
    (id) => ['PATCH', `/api/v1/nrm-referrals/${id}`],
  ],
  [
    'subject_access_request',
    'SELECT id, child_id AS child, authority_id FROM subject_access_requests WHERE child_id IS NOT NULL',
    (id) => ['GET', `/api/v1/subject-access-requests/${id}/export`],
  ],
  [
    'legal_hold',
    'SELECT id, child_id AS child, authority_id FROM legal_holds',
    (id) => ['POST', `/api/v1/legal-holds/${id}/release`],
  ],
  [
    'retention_review',
    'SELECT id, child_id AS child, authority_id FROM retention_reviews WHERE child_id IS NOT NULL',
    (id) => ['POST', `/api/v1/retention/reviews/${id}/keep`],
  ],
  [
    'group_action',
    'SELECT id, child_id AS child, authority_id FROM group_actions WHERE child_id IS NOT NULL',
    (id) => ['POST', `/api/v1/operational-group/actions/${id}/complete`],
  ],
  [
    'inbound_message',
    'SELECT id, child_id AS child, authority_id FROM inbound_messages WHERE child_id IS NOT NULL',
    (id) => ['POST', `/api/v1/sms/inbound/${id}/handled`, 'carer'], // refused by role, before its payload is read
  ],
  [
    'group_meeting',
    'SELECT id, NULL::uuid AS child, authority_id FROM group_meetings',
    (id) => ['GET', `/api/v1/operational-group/meetings/${id}`],
  ],
];

it.each(records)(
  "copies a refused %s onto the holding authority's trail, with its child",
  async (type, select, route) => {
    const [record] = await sql(`SELECT id, child FROM (${select}) r WHERE authority_id = $1 LIMIT 1`, [demo]);
    expect(record).toBeDefined();
    const since = await lastId();
    const [method, url, role] = route(record.id);
    expect([403, 404]).toContain((await asOther(method, url, role)).statusCode);
    expect(await refusalsSince(since)).toEqual([
      expect.objectContaining({ authority_id: other, entity_type: type, entity_id: record.id, caller: null }),
      { authority_id: demo, entity_type: type, entity_id: record.id, child_id: record.child, caller: other },
    ]);
  },
);

it("copies a carer's refused page (the carer is found through their placement)", async () => {
  const [carer] = await sql(
    `SELECT pc.id, p.child_id AS child FROM placement_carers pc JOIN placements p ON p.id = pc.placement_id
    WHERE pc.authority_id = $1 LIMIT 1`,
    [demo],
  );
  const since = await lastId();
  expect([403, 404]).toContain(
    (await (await pageSession(app, 'social_worker', 'OTHER')).get(`/carers/${carer.id}/change`)).statusCode,
  );
  expect(copies(await refusalsSince(since))).toEqual([
    { authority_id: demo, entity_type: 'placement_carer', entity_id: carer.id, child_id: carer.child, caller: other },
  ]);
});

describe('once an hour', () => {
  let child: string;
  beforeEach(async () => {
    [{ id: child }] = await sql(`SELECT id FROM children WHERE authority_id = $1 AND reference = 'M4RT'`, [demo]);
    app.clock.advanceHours(2); // past any copy an earlier test made
  });

  it("copies a refusal once an hour per caller, record and route, while the caller's trail has every one", async () => {
    const since = await lastId();
    const refused = async () =>
      expect([403, 404]).toContain((await asOther('GET', `/api/v1/children/${child}/plans`)).statusCode);
    for (let i = 0; i < 5; i++) await refused();
    app.clock.advanceHours(1.1);
    await refused();
    const lines = await refusalsSince(since);
    expect(lines.filter((l: { authority_id: string }) => l.authority_id === other)).toHaveLength(6);
    expect(copies(lines)).toHaveLength(2);
  });

  it('copies each caller, and each route naming the record, separately', async () => {
    const since = await lastId();
    expect((await asOther('GET', `/api/v1/children/${child}`, 'social_worker')).statusCode).toBe(404);
    expect((await asOther('GET', `/api/v1/children/${child}`, 'administrator')).statusCode).toBe(403);
    expect((await asOther('GET', `/api/v1/children/${child}/plans`, 'social_worker')).statusCode).toBe(404);
    const users = await sql(
      `SELECT actor_role AS role, changes->>'route' AS route FROM audit_events WHERE id > $1 AND authority_id = $2
      ORDER BY id`,
      [since, demo],
    );
    expect(users).toEqual([
      { role: 'social_worker', route: 'GET /api/v1/children/{id}' },
      { role: 'administrator', route: 'GET /api/v1/children/{id}' },
      { role: 'social_worker', route: 'GET /api/v1/children/{id}/plans' },
    ]);
  });
});

it("keeps the caller's line when the copy cannot be written, says so in the log, and copies the next one", async () => {
  const [referral] = await sql('SELECT id FROM nrm_referrals WHERE authority_id = $1 LIMIT 1', [demo]);
  const [{ role }] = await sql('SELECT current_user AS role');
  const refuse = async () => {
    const res = await app.server.inject({
      method: 'PATCH',
      url: `/api/v1/nrm-referrals/${referral.id}`,
      payload: {},
      headers: bearer(await app.tokenFor('carer', 'OTHER')),
    });
    expect(res.statusCode).toBe(403);
  };
  const callerLine = { authority_id: other, entity_type: 'nrm_referral', entity_id: referral.id, caller: null };
  // The owner's select reads nrm_referrals; a carer's role refusal comes before anything else reads it.
  await app.db.asOwner(`REVOKE SELECT ON nrm_referrals FROM ${role}`);
  try {
    const since = await lastId();
    const logged = logLines.length;
    await refuse();
    expect(await refusalsSince(since)).toEqual([{ ...callerLine, child_id: null }]);
    const failure = logLines
      .slice(logged)
      .map((l) => JSON.parse(l))
      .find((l) => l.auditFailed);
    expect(failure).toMatchObject({ auditFailed: 'refused_owners_copy', code: '42501' });
  } finally {
    await app.db.asOwner(`GRANT SELECT ON nrm_referrals TO ${role}`);
  }
  // Within the hour, the caller's own line does not stand in for the copy that was never written.
  const since = await lastId();
  await refuse();
  expect(await refusalsSince(since)).toEqual([
    { ...callerLine, child_id: null },
    expect.objectContaining({ authority_id: demo, entity_id: referral.id, caller: other }),
  ]);
});
