// NRM referrals through the API: refer, computed due dates, decisions and the 30-day rule,
// validation, tenancy, roles, audit, and the decisions due for the operational group.
import { addDays, today } from '../../src/platform/dates';
import { addWorkingDays } from '../../src/platform/working-days';
import { buildTestApp, TestApp } from '../support/app';
import { testClockStart } from '../support/clock';
import { apiOf, auditActions, demoChildId, fieldsNamed, UNKNOWN_ID } from '../support/records';

let app: TestApp;
let api: ReturnType<typeof apiOf>;
let childId: string;
beforeAll(async () => {
  app = await buildTestApp();
  api = apiOf(app);
  childId = await demoChildId(app, 'H9PX');
});
afterAll(async () => {
  await app.close();
});

type Referral = { id: string; rgDueOn: string; cgEarliestOn: string | null; rgDecision: string; cgDecision: string };
const referral = {
  referredOn: '2026-12-23',
  firstResponder: "Demo Borough children's services",
  reference: 'NRM-1',
  decisionMaker: 'single_competent_authority',
};

it('records a referral with its due date, decisions with the CG earliest date, and audits each', async () => {
  app.clock.set('2027-03-01T10:00:00Z');
  const created = await api('POST', `/api/v1/children/${childId}/nrm-referrals`, referral);
  expect(created.statusCode).toBe(201);
  expect(created.result).toMatchObject({
    rgDueOn: '2027-01-04',
    rgDecision: 'pending',
    cgDecision: 'pending',
    cgEarliestOn: null,
  });
  const { id } = created.result as Referral;

  const rg = await api('PATCH', `/api/v1/nrm-referrals/${id}`, { rgDecision: 'positive', rgDecidedOn: '2027-01-04' });
  expect(rg.statusCode).toBe(200);
  expect(rg.result).toMatchObject({ rgDecision: 'positive', cgEarliestOn: '2027-02-03' });
  const cg = await api('PATCH', `/api/v1/nrm-referrals/${id}`, { cgDecision: 'positive', cgDecidedOn: '2027-02-03' });
  expect(cg.result).toMatchObject({ cgDecision: 'positive', cgDecidedOn: '2027-02-03' });

  const list = (await api('GET', `/api/v1/children/${childId}/nrm-referrals`)).result as Referral[];
  expect(list[0]).toMatchObject({ id, rgDueOn: '2027-01-04', cgEarliestOn: '2027-02-03' });
  expect(await auditActions(app, childId, 'nrm_referral')).toEqual(['create', 'update', 'update', 'read']);
});

it('refuses a conclusive grounds decision earlier than 30 days after the RG decision, with a sentence', async () => {
  app.clock.set('2027-03-01T10:00:00Z');
  const { id } = (
    await api('POST', `/api/v1/children/${childId}/nrm-referrals`, {
      ...referral,
      rgDecision: 'positive',
      rgDecidedOn: '2027-01-04',
    })
  ).result as Referral;
  const res = await api('PATCH', `/api/v1/nrm-referrals/${id}`, { cgDecision: 'negative', cgDecidedOn: '2027-02-02' });
  expect(res.statusCode).toBe(400);
  expect(fieldsNamed(res)).toEqual(['cgDecidedOn']);
  expect((res.result as { message: string }).message).toContain(
    'cgDecidedOn cannot be before 2027-02-03: a conclusive grounds decision comes no earlier than 30 days after the reasonable grounds decision (2027-01-04)',
  );
});

it('refuses inconsistent decisions and dates, naming fields', async () => {
  app.clock.set('2027-03-01T10:00:00Z');
  const res = await api('POST', `/api/v1/children/${childId}/nrm-referrals`, {
    ...referral,
    rgDecision: 'negative',
    cgDecision: 'positive',
    cgDecidedOn: '2027-02-27',
  });
  expect(res.statusCode).toBe(400);
  expect(fieldsNamed(res)).toEqual(['cgDecision', 'rgDecidedOn']);
  const future = await api('POST', `/api/v1/children/${childId}/nrm-referrals`, {
    ...referral,
    referredOn: '2027-03-02',
  });
  expect(fieldsNamed(future)).toEqual(['referredOn']);
  const shape = await api('POST', `/api/v1/children/${childId}/nrm-referrals`, {
    decisionMaker: 'home_office',
    rgDecision: 'yes',
  });
  expect(fieldsNamed(shape)).toEqual(['decisionMaker', 'firstResponder', 'referredOn', 'rgDecision']);
});

it('recomputes the due date when the decision maker changes to a devolved panel', async () => {
  app.clock.set('2027-03-01T10:00:00Z');
  const { id } = (await api('POST', `/api/v1/children/${childId}/nrm-referrals`, referral)).result as Referral;
  const res = await api('PATCH', `/api/v1/nrm-referrals/${id}`, { decisionMaker: 'devolved_panel' });
  expect(res.result).toMatchObject({ rgDueOn: '2027-02-06' });
});

it("answers 404 for unknown and other authorities' records, 403 for roles without access", async () => {
  expect((await api('GET', `/api/v1/children/${UNKNOWN_ID}/nrm-referrals`)).statusCode).toBe(404);
  expect((await api('PATCH', `/api/v1/nrm-referrals/${UNKNOWN_ID}`, { reference: 'X' })).statusCode).toBe(404);
  const [theirs] = await app.db.dataSource.query(
    `SELECT r.id FROM nrm_referrals r JOIN children c ON c.id = r.child_id WHERE c.reference = 'W3FC'`,
  );
  expect((await api('PATCH', `/api/v1/nrm-referrals/${theirs.id}`, { reference: 'X' })).statusCode).toBe(404);
  expect((await api('GET', `/api/v1/children/${childId}/nrm-referrals`, undefined, { role: 'ceop' })).statusCode).toBe(
    403,
  );
  expect(
    (await api('PATCH', `/api/v1/nrm-referrals/${theirs.id}`, { reference: 'X' }, { role: 'group_member' })).statusCode,
  ).toBe(403);
});

it('lists the decisions due for the operational group, overdue first, in one authority', async () => {
  app.clock.set(testClockStart());
  const demo = (await app.db.dataSource.query(`SELECT id FROM local_authorities WHERE code = 'DEMO'`))[0].id;
  const from = today(app.clock);
  const due = await app.services.nrmReferrals.decisionsDue(demo, from, addDays(from, 14));
  const seeded = due
    .filter((d) => d.referral.reference?.startsWith('NRM-DEMO-'))
    .map((d) => ({ ref: d.referral.reference, decision: d.decision, dueOn: d.dueOn, overdue: d.overdue }));
  // K7Q2 was referred yesterday (RG pending); M4RT's RG was positive 35 days ago, so CG became possible 5 days ago.
  expect(seeded).toEqual([
    {
      ref: 'NRM-DEMO-K7Q2',
      decision: 'reasonable_grounds',
      dueOn: addWorkingDays(addDays(from, -1), 5),
      overdue: false,
    },
  ]);
  const wider = await app.services.nrmReferrals.decisionsDue(demo, addDays(from, -10), addDays(from, 14));
  expect(wider.map((d) => d.referral.reference)).toEqual(expect.arrayContaining(['NRM-DEMO-K7Q2', 'NRM-DEMO-M4RT']));
  expect(wider.map((d) => d.referral.reference)).not.toContain('NRM-DEMO-W3FC');
  const overdue = await app.services.nrmReferrals.decisionsDue(demo, addDays(from, 30), addDays(from, 40));
  expect(overdue.find((d) => d.referral.reference === 'NRM-DEMO-K7Q2')).toMatchObject({ overdue: true });
});
