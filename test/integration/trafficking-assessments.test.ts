// Trafficking assessments through the API: record, list newest first, validation, tenancy, roles, audit.
import { addDays, today } from '../../src/platform/dates';
import { buildTestApp, TestApp } from '../support/app';
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

const assessment = (assessedOn: string) => ({
  indicators: ['debt_bondage', 'repeat_missing'],
  outcome: 'indicators_present',
  assessor: 'Sam Social-Worker',
  assessedOn,
  notes: 'Owes "travel money" to an adult.',
});

it('records an assessment with labelled indicators and lists it first, auditing both', async () => {
  const created = await api(
    'POST',
    `/api/v1/children/${childId}/trafficking-assessments`,
    assessment(today(app.clock)),
  );
  expect(created.statusCode).toBe(201);
  expect(created.result).toMatchObject({
    outcome: 'indicators_present',
    indicators: [
      { code: 'debt_bondage', label: 'Debt bondage' },
      { code: 'repeat_missing', label: 'Repeat missing' },
    ],
  });
  const list = (await api('GET', `/api/v1/children/${childId}/trafficking-assessments`)).result as { id: string }[];
  expect(list).toHaveLength(2); // the seeded one and this
  expect(list[0].id).toBe((created.result as { id: string }).id);
  expect(await auditActions(app, childId, 'trafficking_assessment')).toEqual(['create', 'read']);
});

it('refuses an assessment dated tomorrow, and contradictory or unknown values, naming fields', async () => {
  const future = await api(
    'POST',
    `/api/v1/children/${childId}/trafficking-assessments`,
    assessment(addDays(today(app.clock), 1)),
  );
  expect(future.statusCode).toBe(400);
  expect(fieldsNamed(future)).toEqual(['assessedOn']);
  const contradiction = await api('POST', `/api/v1/children/${childId}/trafficking-assessments`, {
    ...assessment(today(app.clock)),
    outcome: 'no_indicators',
  });
  expect(fieldsNamed(contradiction)).toEqual(['outcome']);
  const unknown = await api('POST', `/api/v1/children/${childId}/trafficking-assessments`, {
    indicators: ['looks_nervous'],
    outcome: 'maybe',
  });
  expect(fieldsNamed(unknown)).toEqual(['assessedOn', 'assessor', 'indicators.0', 'outcome']);
});

it("answers 404 for unknown and other authorities' children, 403 for roles without access", async () => {
  expect((await api('GET', `/api/v1/children/${UNKNOWN_ID}/trafficking-assessments`)).statusCode).toBe(404);
  expect(
    (await api('GET', `/api/v1/children/${childId}/trafficking-assessments`, undefined, { authority: 'OTHER' }))
      .statusCode,
  ).toBe(404);
  expect(
    (await api('GET', `/api/v1/children/${childId}/trafficking-assessments`, undefined, { role: 'guardian' }))
      .statusCode,
  ).toBe(403);
  expect(
    (
      await api('POST', `/api/v1/children/${childId}/trafficking-assessments`, assessment(today(app.clock)), {
        role: 'carer',
      })
    ).statusCode,
  ).toBe(403);
});
