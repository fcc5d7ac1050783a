// A plan's new-version form starts from the plan in force: its risk, every measure, the agencies and
// notes, so a measure nobody ticks again is never silently dropped; saving it as shown keeps them all.
import { bearer, buildTestApp, TestApp } from '../support/app';
import { PageSession, pageSession } from '../support/pages';
import { demoChildId } from '../support/records';

let app: TestApp;
let sw: PageSession;
beforeAll(async () => {
  app = await buildTestApp();
  sw = await pageSession(app, 'social_worker');
});
afterAll(async () => {
  await app.close();
});

type Plan = { version: number; riskOfMissing: string; measures: string[]; agenciesToNotify: string[] };
async function currentPlan(childId: string): Promise<Plan> {
  const res = await app.server.inject({
    url: `/api/v1/children/${childId}/plans/current`,
    headers: bearer(await app.tokenFor('social_worker')),
  });
  const plan = res.result as Omit<Plan, 'measures'> & { measures: { code: string }[] };
  return { ...plan, measures: plan.measures.map((m) => m.code) };
}
const checked = (page: string, name: string) =>
  [...page.matchAll(new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"[^>]*checked`, 'g'))].map((m) => m[1]);
const valueOf = (page: string, name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(page)?.[1];

it('prefills the risk, every measure and the agencies of the plan in force, and says so', async () => {
  const childId = await demoChildId(app, 'M4RT');
  const plan = await currentPlan(childId);
  expect(plan.measures.length).toBeGreaterThan(1);
  const page = (await sw.get(`/children/${childId}/plans/new`)).payload;
  expect(page).toContain(`This form starts from version ${plan.version}, the plan in force.`);
  expect(checked(page, 'measures').sort()).toEqual([...plan.measures].sort());
  expect(checked(page, 'riskOfMissing')).toEqual([plan.riskOfMissing]);
  expect(valueOf(page, 'agreedBy') ?? '').toBe('');
});

it('keeps every measure left ticked when the new version is saved, and drops only the one unticked', async () => {
  const childId = await demoChildId(app, 'M4RT');
  const before = await currentPlan(childId);
  const page = (await sw.get(`/children/${childId}/plans/new`)).payload;
  const [dropped, ...kept] = checked(page, 'measures');
  const res = await sw.post(`/children/${childId}/plans/new`, {
    riskOfMissing: checked(page, 'riskOfMissing')[0],
    measures: kept,
    agenciesToNotify: (/<textarea[^>]*name="agenciesToNotify"[^>]*>([^<]*)<\/textarea>/.exec(page)?.[1] ?? '').trim(),
    agreedBy: 'Strategy meeting',
    agreedDay: '1',
    agreedMonth: '12',
    agreedYear: '2026',
    reviewDay: '1',
    reviewMonth: '3',
    reviewYear: '2027',
  });
  expect(res.statusCode).toBe(303);
  const after = await currentPlan(childId);
  expect(after.version).toBe(before.version + 1);
  expect(after.measures.sort()).toEqual(before.measures.filter((m) => m !== dropped).sort());
  expect(after.agenciesToNotify).toEqual(before.agenciesToNotify);
});
