// Where each person's language is asked and recorded (Welsh Language Standards, issue 29): a contact
// and a placement's carer take English, Cymraeg or "not asked" from the admin form and the API; a
// language the service does not speak is refused with a sentence; replacing a placement's carers
// keeps the language learnt for a mobile unless a new one is given.
import { fieldsFor } from '../../src/platform/views/date-time-fields';
import { bearer, buildTestApp, TestApp } from '../support/app';
import { pageSession } from '../support/pages';
import { apiOf, demoChildId } from '../support/records';

let app: TestApp;
let api: ReturnType<typeof apiOf>;
beforeAll(async () => {
  app = await buildTestApp();
  api = apiOf(app);
});
afterAll(async () => {
  await app.close();
});

const admin = { role: 'administrator' as const };
const q = (sql: string, params: unknown[] = []) => app.db.dataSource.query(sql, params);

it('records a contact’s language through the API, and refuses one the service does not speak', async () => {
  const created = await api(
    'POST',
    '/api/v1/contacts',
    { name: 'MPU', organisation: 'Heddlu', role: 'missing_persons_unit', mobile: '07700 900471', language: 'cy' },
    admin,
  );
  expect(created.statusCode).toBe(201);
  const { id } = created.result as { id: string };
  expect(created.result).toMatchObject({ language: 'cy' });
  const cleared = await api('PATCH', `/api/v1/contacts/${id}`, { language: null }, admin);
  expect(cleared.result).toMatchObject({ language: null });
  const french = await api('PATCH', `/api/v1/contacts/${id}`, { language: 'fr' }, admin);
  expect(french.statusCode).toBe(400);
  expect(JSON.stringify(french.result)).toContain('language must be \\"en\\" (English), \\"cy\\" (Cymraeg) or null');
});

it('asks the language on the admin contact form: Cymraeg is saved, and shown checked when the contact is changed', async () => {
  const page = await pageSession(app, 'administrator');
  expect((await page.get('/admin/contacts/new')).payload).toContain('Cymraeg');
  const saved = await page.post('/admin/contacts/new', {
    name: 'Uned Pobl Ar Goll',
    organisation: 'Heddlu Gogledd Cymru',
    role: 'missing_persons_unit',
    mobile: '',
    email: 'upag@example.org',
    voiceNumber: '',
    language: 'cy',
  });
  expect(saved.statusCode).toBe(303);
  const [row] = await q(`SELECT id, language FROM contacts WHERE email = 'upag@example.org'`);
  expect(row.language).toBe('cy');
  const edit = (await page.get(`/admin/contacts/${row.id}/edit`)).payload;
  expect(edit).toMatch(/value="cy" checked/);
  const bad = await page.post(`/admin/contacts/${row.id}/edit`, {
    name: 'Uned Pobl Ar Goll',
    organisation: 'Heddlu Gogledd Cymru',
    role: 'missing_persons_unit',
    mobile: '',
    email: 'upag@example.org',
    voiceNumber: '',
    language: 'fr',
  });
  expect(bad.statusCode).toBe(400);
  expect(bad.payload).toContain('Select English, Cymraeg or not asked');
});

it('records a carer’s language through the placement API and keeps a learnt one when the carers are replaced', async () => {
  const token = await app.tokenFor('social_worker');
  const childId = await demoChildId(app, 'M4RT');
  const [current] = await q('SELECT id FROM placements WHERE child_id = $1 AND ended_at IS NULL', [childId]);
  const patch = (carers: object[]) =>
    app.server.inject({
      method: 'PATCH',
      url: `/api/v1/placements/${current.id}`,
      headers: bearer(token),
      payload: { carers },
    });
  const first = await patch([{ name: 'Carer A', mobile: '07700 900556', language: 'cy' }]);
  expect(first.statusCode).toBe(200);
  expect(first.result).toMatchObject({ carers: [{ mobile: '+447700900556', language: 'cy' }] });
  // The same mobile again without a language (an older client, a name corrected): the Welsh stays.
  const again = await patch([
    { name: 'Carer A.', mobile: '07700 900556' },
    { name: 'Carer B', mobile: '07700 900557', language: 'en' },
  ]);
  expect(again.result).toMatchObject({
    carers: expect.arrayContaining([
      expect.objectContaining({ mobile: '+447700900556', language: 'cy' }),
      expect.objectContaining({ mobile: '+447700900557', language: 'en' }),
    ]),
  });
  const bad = await patch([{ name: 'Carer A', mobile: '07700 900556', language: 'welsh' }]);
  expect(bad.statusCode).toBe(400);
});

it('asks the carer’s language on the placement form', async () => {
  const sw = await pageSession(app, 'social_worker');
  const childId = await demoChildId(app, 'H9PX');
  const now = (prefix: string) => fieldsFor(app.clock.now(), 'Europe/London', prefix);
  expect((await sw.post(`/children/${childId}/placements/end`, { ...now('ended'), reason: 'Moved' })).statusCode).toBe(
    303,
  );
  expect((await sw.get(`/children/${childId}/placements/new`)).payload).toContain('Carer’s language for texts');
  const ok = await sw.post(`/children/${childId}/placements/new`, {
    type: 'foster',
    provider: 'Maethu Cymru',
    address: '1 Heol Enghraifft',
    ...now('started'),
    carerName: 'Ffion Foster',
    carerMobile: '07700 900322',
    carerEmail: '',
    carerLanguage: 'cy',
  });
  expect(ok.statusCode).toBe(303);
  const [carer] = await q(`SELECT language FROM placement_carers WHERE mobile = '+447700900322'`);
  expect(carer.language).toBe('cy');
});

it("tells API clients the authority's language setting", async () => {
  expect((await api('GET', '/api/v1/authorities/current')).result).toMatchObject({ language: 'english_only' });
});
