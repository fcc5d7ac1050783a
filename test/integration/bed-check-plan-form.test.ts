// The plan form proposes bed checks for a suspected or confirmed trafficked child in a new placement
// (K7Q2, placed 3 days ago), not for one placed long ago (M4RT, 40 days), keeps the checks of the
// plan in force while they run (K7Q2's demo plan has them), and saves what it is given.
import { buildTestApp, TestApp } from '../support/app';
import { PageSession, pageSession } from '../support/pages';
import { apiOf, demoChildId } from '../support/records';

let app: TestApp;
let sw: PageSession;
beforeAll(async () => {
  app = await buildTestApp();
  sw = await pageSession(app, 'social_worker');
});
afterAll(async () => {
  await app.close();
});

const field = (payload: string, name: string) =>
  new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(payload)?.[1] ?? null;

it('offers the running checks of the plan in force, not a restart of them, and nothing for a child placed 40 days ago', async () => {
  // The demo plan (saved 2 minutes before the test clock's start) has 23:00, 02:00, 06:00 and a demo check at 09:59.
  const form = (await sw.get(`/children/${await demoChildId(app, 'K7Q2')}/plans/new`)).payload;
  expect(field(form, 'bedCheckTimes')).toBe('23:00, 02:00, 06:00, 09:59');
  expect(field(form, 'bedCheckDays')).toBe('3');
  const settled = (await sw.get(`/children/${await demoChildId(app, 'M4RT')}/plans/new`)).payload;
  expect(field(settled, 'bedCheckTimes') ?? '').toBe('');
  // A day and 6 hours on: 2 days left, rounded up (a new session: the clock's jump ended the old one).
  app.clock.advanceHours(30);
  const later = await pageSession(app, 'social_worker');
  expect(
    field((await later.get(`/children/${await demoChildId(app, 'K7Q2')}/plans/new`)).payload, 'bedCheckDays'),
  ).toBe('2');
  app.clock.advanceHours(-30);
  sw = await pageSession(app, 'social_worker');
});

it('saves the schedule the form sets, refuses a time that is not one, and a new version without checks replaces it', async () => {
  const childId = await demoChildId(app, 'K7Q2');
  const plan = {
    riskOfMissing: 'high',
    agenciesToNotify: '',
    agreedBy: 'Strategy meeting',
    agreedDay: '23',
    agreedMonth: '11',
    agreedYear: '2026',
    reviewDay: '1',
    reviewMonth: '2',
    reviewYear: '2027',
    notes: '',
  };
  const bad = await sw.post(`/children/${childId}/plans/new`, {
    ...plan,
    bedCheckTimes: '23:00, 25:00',
    bedCheckDays: '3',
  });
  expect(bad.statusCode).toBe(400);
  expect(bad.payload).toContain('Enter bed check times like 23:00, 02:00, 06:00, each once');
  expect(
    (await sw.post(`/children/${childId}/plans/new`, { ...plan, bedCheckTimes: '23:00, 2:00', bedCheckDays: '2' }))
      .statusCode,
  ).toBe(303);
  const current = async () =>
    ((await apiOf(app)('GET', `/api/v1/children/${childId}/plans/current`)).result as { bedChecks: unknown }).bedChecks;
  expect(await current()).toEqual({ times: ['23:00', '02:00'], days: 2 });
  expect(
    (await sw.post(`/children/${childId}/plans/new`, { ...plan, bedCheckTimes: '', bedCheckDays: '' })).statusCode,
  ).toBe(303);
  expect(await current()).toBeNull();
  // Without checks in force, the form proposes the default for a trafficked child in a new placement.
  const form = (await sw.get(`/children/${childId}/plans/new`)).payload;
  expect(field(form, 'bedCheckTimes')).toBe('23:00, 02:00, 06:00');
  expect(field(form, 'bedCheckDays')).toBe('3');
});
