// Safeguarding plans through the API: versions never change, the newest is current, review dates
// must follow agreement, and plans due for review are found for the dashboard and the group.
import { addDays, today } from '../../src/platform/dates';
import { buildTestApp, TestApp } from '../support/app';
import { apiOf, auditActions, demoChildId, fieldsNamed, UNKNOWN_ID } from '../support/records';

let app: TestApp;
let api: ReturnType<typeof apiOf>;
let plan: Record<string, unknown>;
beforeAll(async () => {
  app = await buildTestApp();
  api = apiOf(app);
  plan = {
    riskOfMissing: 'high',
    measures: ['escort_required', 'photograph_on_file'],
    agenciesToNotify: ['Police'],
    agreedBy: 'Strategy meeting',
    agreedOn: addDays(today(app.clock), -1),
    reviewOn: addDays(today(app.clock), 60),
  };
});
afterAll(async () => {
  await app.close();
});

type PlanBody = {
  id: string;
  version: number;
  current: boolean;
  riskOfMissing: string;
  measures: { code: string; label: string }[];
};

it('saves a new version each time and keeps the old one unchanged', async () => {
  const childId = await demoChildId(app, 'K7Q2');
  const before = (await api('GET', `/api/v1/children/${childId}/plans`)).result as PlanBody[];
  const first = await api('POST', `/api/v1/children/${childId}/plans`, plan);
  expect(first.statusCode).toBe(201);
  expect(first.result).toMatchObject({
    version: before.length + 1,
    current: true,
    measures: [
      { code: 'escort_required', label: 'Escort required' },
      { code: 'photograph_on_file', label: 'Photograph on file' },
    ],
  });
  const second = await api('POST', `/api/v1/children/${childId}/plans`, { ...plan, riskOfMissing: 'medium' });
  expect((second.result as PlanBody).version).toBe(before.length + 2);

  const history = (await api('GET', `/api/v1/children/${childId}/plans`)).result as PlanBody[];
  expect(history.map((p) => p.version)).toEqual([
    before.length + 2,
    before.length + 1,
    ...before.map((p) => p.version),
  ]);
  expect(history.map((p) => p.current)).toEqual([true, ...history.slice(1).map(() => false)]);
  expect(history[1]).toMatchObject({ id: (first.result as PlanBody).id, riskOfMissing: 'high' });

  const current = await api('GET', `/api/v1/children/${childId}/plans/current`);
  expect(current.result).toMatchObject({ version: before.length + 2, riskOfMissing: 'medium' });
  expect(await auditActions(app, childId, 'safeguarding_plan')).toEqual(['read', 'create', 'create', 'read', 'read']);
});

it('refuses a review date on or before the agreement date, and unknown measures, naming fields', async () => {
  const childId = await demoChildId(app, 'K7Q2');
  const sameDay = await api('POST', `/api/v1/children/${childId}/plans`, { ...plan, reviewOn: plan.agreedOn });
  expect(sameDay.statusCode).toBe(400);
  expect(fieldsNamed(sameDay)).toEqual(['reviewOn']);
  const bad = await api('POST', `/api/v1/children/${childId}/plans`, { riskOfMissing: 'severe', measures: ['curfew'] });
  expect(fieldsNamed(bad)).toEqual(['agreedBy', 'agreedOn', 'measures.0', 'reviewOn', 'riskOfMissing']);
});

it('answers 404 for a child without a plan, an unknown child and another authority', async () => {
  const created = await api('POST', '/api/v1/children', {
    localId: 'P0001',
    firstNames: 'New',
    lastName: 'Arrival',
    dateOfBirth: '2012-01-01',
    sex: 1,
    traffickingStatus: 'suspected',
  });
  const newId = (created.result as { id: string }).id;
  expect((await api('GET', `/api/v1/children/${newId}/plans/current`)).statusCode).toBe(404);
  expect((await api('GET', `/api/v1/children/${newId}/plans`)).result).toEqual([]);
  expect((await api('GET', `/api/v1/children/${UNKNOWN_ID}/plans`)).statusCode).toBe(404);
  const theirs = await demoChildId(app, 'W3FC');
  expect((await api('GET', `/api/v1/children/${theirs}/plans/current`)).statusCode).toBe(404);
  expect((await api('POST', `/api/v1/children/${theirs}/plans`, plan)).statusCode).toBe(404);
});

it('refuses roles without access', async () => {
  const childId = await demoChildId(app, 'M4RT');
  expect((await api('GET', `/api/v1/children/${childId}/plans`, undefined, { role: 'police' })).statusCode).toBe(403);
  expect((await api('POST', `/api/v1/children/${childId}/plans`, plan, { role: 'group_member' })).statusCode).toBe(403);
});

it('finds plans in force that are due for review, per authority', async () => {
  const demo = (await app.db.dataSource.query(`SELECT id FROM local_authorities WHERE code = 'DEMO'`))[0].id;
  const due = await app.services.safeguardingPlans.dueForReview(demo);
  const refs = async (ids: string[]) =>
    (await app.db.dataSource.query('SELECT reference FROM children WHERE id = ANY($1) ORDER BY reference', [ids])).map(
      (r: { reference: string }) => r.reference,
    );
  // H9PX's seeded review date has passed; M4RT's old version had too, but version 2 replaced it.
  expect(await refs(due.map((p) => p.childId))).toEqual(['H9PX']);
  const within40 = await app.services.safeguardingPlans.dueForReview(demo, addDays(today(app.clock), 40));
  expect(await refs(within40.map((p) => p.childId))).toEqual(['H9PX', 'M4RT']); // K7Q2's new version is due in 60 days; W3FC is Other Borough's
  expect(within40.map((p) => p.reviewOn)).toEqual([...within40.map((p) => p.reviewOn)].sort());
});

it('makes a save wait for one in progress, so the two get consecutive versions rather than a clash', async () => {
  const childId = await demoChildId(app, 'H9PX');
  const { repo } = app.services.safeguardingPlans;
  let post!: ReturnType<typeof api>;
  const mine = await app.db.dataSource.transaction(async (tx) => {
    const child = await tx.query('SELECT authority_id FROM children WHERE id = $1', [childId]);
    const version = await repo.nextVersion(tx, child[0].authority_id, childId);
    post = api('POST', `/api/v1/children/${childId}/plans`, plan);
    await untilSomeoneWaitsForALock();
    return repo.insert(tx, {
      ...plan,
      authorityId: child[0].authority_id,
      childId,
      version,
      createdAt: app.clock.now(),
    });
  });
  const res = await post;
  expect(res.statusCode).toBe(201);
  expect((res.result as PlanBody).version).toBe(mine.version + 1);
});

async function untilSomeoneWaitsForALock(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const [row] = await app.db.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (row.n > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}
