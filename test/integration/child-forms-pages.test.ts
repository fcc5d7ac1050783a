// The forms on a child's record: details, placement end and start, guardian, plan version; GOV.UK
// errors for bad input; refused to roles that may only read.
import { fieldsFor } from '../../src/platform/views/date-time-fields';
import { buildTestApp, TestApp } from '../support/app';
import { PageSession, pageSession } from '../support/pages';
import { demoChildId } from '../support/records';

let app: TestApp;
let sw: PageSession;
let childId: string;
beforeAll(async () => {
  app = await buildTestApp();
  sw = await pageSession(app, 'social_worker');
  childId = await demoChildId(app, 'M4RT');
});
afterAll(async () => {
  await app.close();
});

const now = (prefix: string) => fieldsFor(app.clock.now(), 'Europe/London', prefix);

it("changes a child's details from a form filled in with the current ones", async () => {
  const form = await sw.get(`/children/${childId}/edit`);
  expect(form.payload).toContain('value="Bao"');
  const bad = await sw.post(`/children/${childId}/edit`, {
    firstNames: '',
    lastName: 'Sample',
    dobDay: '30',
    dobMonth: '2',
    dobYear: '2009',
    dobEstimated: '',
    nationality: '',
    firstLanguage: '',
    traffickingStatus: 'confirmed',
  });
  expect(bad.statusCode).toBe(400);
  expect(bad.payload).toContain('Enter their first names');
  const unreal = await sw.post(`/children/${childId}/edit`, {
    firstNames: 'Bao',
    lastName: 'Sample',
    dobDay: '30',
    dobMonth: '2',
    dobYear: '2009',
    dobEstimated: '',
    nationality: '',
    firstLanguage: '',
    traffickingStatus: 'confirmed',
  });
  expect(unreal.payload).toContain('The date of birth must be a real date');
  const ok = await sw.post(`/children/${childId}/edit`, {
    firstNames: 'Bao Minh',
    lastName: 'Sample',
    dobDay: '2',
    dobMonth: '11',
    dobYear: '2009',
    dobEstimated: 'yes',
    nationality: 'Vietnamese',
    firstLanguage: 'Vietnamese',
    traffickingStatus: 'confirmed',
  });
  expect(ok.statusCode).toBe(303);
  expect((await sw.get(`/children/${childId}`)).payload).toContain('Bao Minh Sample');
});

it('ends the current placement, then starts a new one with a carer', async () => {
  expect((await sw.post(`/children/${childId}/placements/end`, { ...now('ended'), reason: '' })).payload).toContain(
    'Enter why the placement ended',
  );
  expect(
    (await sw.post(`/children/${childId}/placements/end`, { ...now('ended'), reason: 'Moved nearer school' }))
      .statusCode,
  ).toBe(303);
  let page = (await sw.get(`/children/${childId}`)).payload;
  expect(page).toContain('No current placement.');
  const noMobile = await sw.post(`/children/${childId}/placements/new`, {
    type: 'foster',
    provider: 'Demo fostering',
    address: '1 Example Road',
    ...now('started'),
    carerName: 'Fay Foster',
    carerMobile: '',
    carerEmail: '',
  });
  expect(noMobile.statusCode).toBe(400);
  expect(noMobile.payload).toContain('Enter the carer’s mobile number');
  const ok = await sw.post(`/children/${childId}/placements/new`, {
    type: 'foster',
    provider: 'Demo fostering',
    address: '1 Example Road',
    ...now('started'),
    carerName: 'Fay Foster',
    carerMobile: '07700 900321',
    carerEmail: '',
  });
  expect(ok.statusCode).toBe(303);
  page = (await sw.get(`/children/${childId}`)).payload;
  expect(page).toContain('Fay Foster');
  expect(page).toContain('End this placement');
});

it('starts a placement out of area from the form: host authority and police force chosen from the lists', async () => {
  const outOfArea = await demoChildId(app, 'K7Q2');
  const [current] = await app.db.dataSource.query(
    'SELECT id FROM placements WHERE child_id = $1 AND ended_at IS NULL',
    [outOfArea],
  );
  expect(
    (await sw.post(`/children/${outOfArea}/placements/end`, { ...now('ended'), reason: 'Moving out of area' }))
      .statusCode,
  ).toBe(303);
  const form = (await sw.get(`/children/${outOfArea}/placements/new`)).payload;
  expect(form).toContain('<option value="outside">Another authority, not using this service</option>');
  expect(form).toMatch(/<option value="[0-9a-f-]{36}">Other Borough<\/option>/);
  expect(form).not.toMatch(/<option value="[0-9a-f-]{36}">Demo Borough<\/option>/);
  expect(form).toContain('<option value="british-transport-police">British Transport Police</option>');
  const fields = {
    type: 'foster',
    provider: 'Far fostering',
    address: '2 Far Road',
    ...now('started'),
    carerName: 'Fran Far',
    carerMobile: '07700 900322',
    carerEmail: '',
    hostAuthorityId: 'outside',
    hostName: 'Far Shire Council',
    hostCoordinatorEmail: '',
    hostCoordinatorPhone: '',
    policeForceCode: 'north-wales',
  };
  const noContact = await sw.post(`/children/${outOfArea}/placements/new`, fields);
  expect(noContact.statusCode).toBe(400);
  expect(noContact.payload).toContain(
    'Enter the host authority’s missing-children coordinator’s email address or phone number',
  );
  expect(
    (
      await sw.post(`/children/${outOfArea}/placements/new`, {
        ...fields,
        hostCoordinatorEmail: 'missing@far-shire.example.org',
      })
    ).statusCode,
  ).toBe(303);
  const [placed] = await app.db.dataSource.query(
    `SELECT host_name, host_coordinator_email, police_force_code FROM placements
    WHERE child_id = $1 AND ended_at IS NULL AND id <> $2`,
    [outOfArea, current.id],
  );
  expect(placed).toEqual({
    host_name: 'Far Shire Council',
    host_coordinator_email: 'missing@far-shire.example.org',
    police_force_code: 'north-wales',
  });
  const page = (await sw.get(`/children/${outOfArea}`)).payload;
  expect(page).toContain('Far Shire Council (out of area)');
  expect(page).toContain('North Wales Police');
});

it('adds a guardian and a new plan version, keeping the history', async () => {
  expect(
    (
      await sw.post(`/children/${childId}/guardians/new`, {
        kind: '',
        name: '',
        organisation: '',
        mobile: '',
        email: '',
        allocatedDay: '',
        allocatedMonth: '',
        allocatedYear: '',
      })
    ).payload,
  ).toContain('Select the kind of guardian');
  expect(
    (
      await sw.post(`/children/${childId}/guardians/new`, {
        kind: 'legal_representative',
        name: 'Lee Lawyer',
        organisation: 'Example Law',
        mobile: '',
        email: 'lee@example.org',
        allocatedDay: '',
        allocatedMonth: '',
        allocatedYear: '',
      })
    ).statusCode,
  ).toBe(303);
  const plan = {
    riskOfMissing: 'high',
    measures: ['escort_required', 'photograph_on_file'],
    agenciesToNotify: 'Police, Border Force',
    agreedBy: 'Strategy meeting',
    agreedDay: '1',
    agreedMonth: '3',
    agreedYear: '2026',
    reviewDay: '1',
    reviewMonth: '2',
    reviewYear: '2026',
    notes: '',
  };
  const early = await sw.post(`/children/${childId}/plans/new`, plan);
  expect(early.statusCode).toBe(400);
  expect(early.payload).toContain('reviewOn must be after the date the plan was agreed');
  expect(early.payload).toContain('<a href="#reviewDay">');
  expect((await sw.post(`/children/${childId}/plans/new`, { ...plan, reviewMonth: '6' })).statusCode).toBe(303);
  const page = (await sw.get(`/children/${childId}`)).payload;
  expect(page).toContain('Lee Lawyer');
  expect(page).toMatch(/Version \d+ \(in force\)/);
  expect(page).toContain('Escort required');
});

it('writes the missing profile, refusing a phone line that is not a number, and shows it on the record', async () => {
  const profileForm = {
    physicalDescription: 'Slim, 160 cm',
    distinguishingMarks: '',
    photoDay: '',
    photoMonth: '',
    photoYear: '',
    phones: 'not a phone',
    languages: 'Vietnamese, English',
    medicalNeeds: '',
    medication: '',
    places: 'Nail bar on the high street\nBus station',
    travelCards: '',
    missingHistory: '',
  };
  const bad = await sw.post(`/children/${childId}/missing-profile`, profileForm);
  expect(bad.statusCode).toBe(400);
  expect(bad.payload).toContain('Phone line 1 must start with a phone number');
  expect(
    (await sw.post(`/children/${childId}/missing-profile`, { ...profileForm, phones: '07700 900888, Nokia' }))
      .statusCode,
  ).toBe(303);
  const page = (await sw.get(`/children/${childId}`)).payload;
  expect(page).toContain('Slim, 160 cm');
  expect(page).toContain('+447700900888, Nokia');
  expect(page).toContain('Nail bar on the high street; Bus station');
  expect((await sw.get(`/children/${childId}/missing-profile`)).payload).toContain('Vietnamese, English');
  const group = (await (await pageSession(app, 'group_member')).get(`/children/${childId}`)).payload;
  expect(group).not.toContain('Slim, 160 cm');
});

it('refuses the forms to a group member, who may only read', async () => {
  const group = await pageSession(app, 'group_member');
  expect((await group.get(`/children/${childId}`)).statusCode).toBe(200);
  expect((await group.get(`/children/${childId}/edit`)).statusCode).toBe(403);
  expect((await group.post(`/children/${childId}/plans/new`, {})).statusCode).toBe(403);
  const other = await pageSession(app, 'social_worker', 'OTHER');
  expect((await other.get(`/children/${childId}/guardians/new`)).statusCode).toBe(404);
});

it("ends the child's care with a reason from the page, and the care end shows on the record", async () => {
  const form = await sw.get(`/children/${childId}/care/end`);
  expect(form.statusCode).toBe(200);
  expect(form.payload).toContain('the missing episode stays open');
  expect((await sw.post(`/children/${childId}/care/end`, { ...now('ended'), reason: '' })).payload).toContain(
    'Enter why care ended',
  );
  expect(
    (await sw.post(`/children/${childId}/care/end`, { ...now('ended'), reason: 'Returned to family abroad' }))
      .statusCode,
  ).toBe(303);
  const page = (await sw.get(`/children/${childId}`)).payload;
  expect(page).toContain('Care ended');
  expect(page).toContain('Returned to family abroad');
  expect(page).not.toContain(`/children/${childId}/care/end`);
});
