// A refusal of another authority's record is on the caller's trail and, once an hour per caller and
// record, on the trail of the authority holding it, with the child: that authority's data protection
// officer finds the attempt by the child. If the copy cannot be written, the caller's line still is.
import { bearer, buildTestApp, TestApp } from '../support/app';
import { authorityId } from '../support/escalation-fixtures';
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
const asOther = async (method: string, url: string) =>
  app.server.inject({ method, url, headers: bearer(await app.tokenFor('administrator', 'OTHER')), payload: {} });

// [record type, a demo-borough record of it with its child, the API route that names it]
const records: [string, string, (id: string) => [string, string]][] = [
  ['child', 'SELECT id, id AS child FROM children', (id) => ['GET', `/api/v1/children/${id}`]],
  ['missing_episode', 'SELECT id, child_id AS child FROM missing_episodes', (id) => ['GET', `/api/v1/episodes/${id}`]],
  ['placement', 'SELECT id, child_id AS child FROM placements', (id) => ['PATCH', `/api/v1/placements/${id}`]],
  ['guardian', 'SELECT id, child_id AS child FROM guardians', (id) => ['PATCH', `/api/v1/guardians/${id}`]],
  ['nrm_referral', 'SELECT id, child_id AS child FROM nrm_referrals', (id) => ['PATCH', `/api/v1/nrm-referrals/${id}`]],
  [
    'subject_access_request',
    'SELECT id, child_id AS child FROM subject_access_requests',
    (id) => ['GET', `/api/v1/subject-access-requests/${id}/export`],
  ],
  [
    'legal_hold',
    'SELECT id, child_id AS child FROM legal_holds',
    (id) => ['POST', `/api/v1/legal-holds/${id}/release`],
  ],
];

it.each(records)(
  "copies a refused %s onto the holding authority's trail, with its child",
  async (type, select, route) => {
    const [record] = await sql(`SELECT * FROM (${select} WHERE authority_id = $1) r WHERE child IS NOT NULL LIMIT 1`, [
      demo,
    ]);
    expect(record).toBeDefined();
    const since = await lastId();
    const [method, url] = route(record.id);
    expect([403, 404]).toContain((await asOther(method, url)).statusCode);
    expect(await refusalsSince(since)).toEqual([
      expect.objectContaining({ authority_id: other, entity_type: type, entity_id: record.id, caller: null }),
      { authority_id: demo, entity_type: type, entity_id: record.id, child_id: record.child, caller: other },
    ]);
  },
);

it("copies a refusal once an hour per caller and record, while the caller's trail has every one", async () => {
  const [child] = await sql(`SELECT id FROM children WHERE authority_id = $1 AND reference = 'M4RT'`, [demo]);
  app.clock.advanceHours(2); // past any copy an earlier test made
  const since = await lastId();
  const refused = async () =>
    expect([403, 404]).toContain((await asOther('GET', `/api/v1/children/${child.id}/plans`)).statusCode);
  for (let i = 0; i < 5; i++) await refused();
  app.clock.advanceHours(1.1);
  await refused();
  const lines = await refusalsSince(since);
  expect(lines.filter((l: { authority_id: string }) => l.authority_id === other)).toHaveLength(6);
  expect(lines.filter((l: { authority_id: string }) => l.authority_id === demo)).toHaveLength(2);
});

it("keeps the caller's line when the copy cannot be written, and says so in the log by code", async () => {
  const [referral] = await sql('SELECT id FROM nrm_referrals WHERE authority_id = $1 LIMIT 1', [demo]);
  const [{ role }] = await sql('SELECT current_user AS role');
  // The owner's select reads nrm_referrals; a carer's role refusal comes before anything else reads it.
  await app.db.asOwner(`REVOKE SELECT ON nrm_referrals FROM ${role}`);
  try {
    const since = await lastId();
    const logged = logLines.length;
    const res = await app.server.inject({
      method: 'PATCH',
      url: `/api/v1/nrm-referrals/${referral.id}`,
      payload: {},
      headers: bearer(await app.tokenFor('carer', 'OTHER')),
    });
    expect(res.statusCode).toBe(403);
    expect(await refusalsSince(since)).toEqual([
      { authority_id: other, entity_type: 'nrm_referral', entity_id: referral.id, child_id: null, caller: null },
    ]);
    const failure = logLines
      .slice(logged)
      .map((l) => JSON.parse(l))
      .find((l) => l.auditFailed);
    expect(failure).toMatchObject({ auditFailed: 'refused_owners_copy', code: '42501' });
  } finally {
    await app.db.asOwner(`GRANT SELECT ON nrm_referrals TO ${role}`);
  }
});
