// The demo safeguarding records and contacts: present for every demo child, as the README lists
// them, and unchanged when the seeds run a second time.
import { runSeeds } from '../../seeds';
import {
  CARER_CYMRAEG,
  demoChildren,
  demoGuardians,
  otherBoroughChild,
  welshAuthorityChild,
} from '../../seeds/demo-data';
import { buildTestApp, TestApp } from '../support/app';
import { testLogger } from '../support/quiet-logger';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const tables = [
  'guardians',
  'safeguarding_plans',
  'missing_profiles',
  'trafficking_assessments',
  'nrm_referrals',
  'contacts',
];

async function counts(): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const t of tables) result[t] = Number((await app.db.dataSource.query(`SELECT count(*) AS n FROM ${t}`))[0].n);
  return result;
}

it('gives every demo child an ICTG, a high-risk plan in force, a profile, an assessment and an NRM referral', async () => {
  const rows = await app.db.dataSource.query(`
    SELECT c.reference, g.kind, g.mobile, p.risk_of_missing,
      (SELECT count(*) FROM missing_profiles mp WHERE mp.child_id = c.id)::int AS profiles,
      (SELECT count(*) FROM trafficking_assessments a WHERE a.child_id = c.id)::int AS assessments,
      (SELECT count(*) FROM nrm_referrals r WHERE r.child_id = c.id)::int AS referrals
    FROM children c JOIN guardians g ON g.child_id = c.id
    JOIN safeguarding_plans p ON p.child_id = c.id AND p.version = (SELECT max(version) FROM safeguarding_plans WHERE child_id = c.id)
    ORDER BY c.reference`);
  const refs = [...demoChildren, otherBoroughChild, welshAuthorityChild].map((c) => c.reference).sort();
  expect(rows).toEqual(
    refs.map((reference) => ({
      reference,
      kind: 'ictg_direct_worker',
      mobile: demoGuardians[reference].mobile,
      risk_of_missing: 'high',
      profiles: 1,
      assessments: 1,
      referrals: 1,
    })),
  );
});

it('changes nothing when the seeds run again', async () => {
  const before = await counts();
  const logger = testLogger();
  await runSeeds(app.db.dataSource, app.services, { demo: true, logger, clock: app.clock });
  expect(await counts()).toEqual(before);
  expect(before.contacts).toBe(12);
});

it('has a Welsh-first demo authority whose carer speaks Welsh and whose other people are not asked yet', async () => {
  const q = (sql: string, params: unknown[] = []) => app.db.dataSource.query(sql, params);
  const [authority] = await q(`SELECT id, name, language FROM local_authorities WHERE code = 'CYMRU'`);
  expect(authority).toMatchObject({ name: 'Cyngor Sir Demo / Demo County Council', language: 'welsh_first' });
  const users: { email: string; role: string; language: string | null; mobile: string | null }[] = await q(
    `SELECT email, role, language, mobile FROM users WHERE authority_id = $1 ORDER BY email`,
    [authority.id],
  );
  expect(users).toContainEqual({
    email: 'social.worker@demo-cyngor.example.org',
    role: 'social_worker',
    language: null,
    mobile: null,
  });
  expect(users).toContainEqual({
    email: 'carer@demo-cyngor.example.org',
    role: 'carer',
    language: 'cy',
    mobile: CARER_CYMRAEG,
  });
  const carers = await q(
    `SELECT c.reference, pc.language FROM placement_carers pc JOIN placements p ON p.id = pc.placement_id
      JOIN children c ON c.id = p.child_id WHERE pc.mobile = $1`,
    [CARER_CYMRAEG],
  );
  expect(carers).toEqual([{ reference: welshAuthorityChild.reference, language: 'cy' }]);
  const policies = await q(`SELECT count(*)::int AS n FROM escalation_policies WHERE authority_id = $1`, [
    authority.id,
  ]);
  expect(policies).toEqual([{ n: 1 }]);
});
