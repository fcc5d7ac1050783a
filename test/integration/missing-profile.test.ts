// Missing profiles through the API: create with PUT, replace, validation (no passwords), tenancy,
// roles, audit, and the police view without the placement address.
import { buildTestApp, TestApp } from '../support/app';
import { apiOf, auditActions, fieldsNamed, UNKNOWN_ID } from '../support/records';

let app: TestApp;
let api: ReturnType<typeof apiOf>;
let childId: string;
beforeAll(async () => {
  app = await buildTestApp();
  api = apiOf(app);
  const created = await api('POST', '/api/v1/children', {
    localId: 'MP001',
    firstNames: 'Profile',
    lastName: 'Child',
    aliases: ['PC'],
    dateOfBirth: '2011-01-01',
    sex: 2,
    traffickingStatus: 'suspected',
    nationality: 'Eritrean',
    firstLanguage: 'Tigrinya',
  });
  childId = (created.result as { id: string }).id;
  await api('POST', `/api/v1/children/${childId}/placements`, {
    type: 'foster',
    provider: 'P',
    address: '99 Secret Road, ZZ9 9ZZ',
    carers: [{ name: 'C', mobile: '07700 900 499' }],
  });
});
afterAll(async () => {
  await app.close();
});

const profile = {
  physicalDescription: 'Small, long dark hair',
  distinguishingMarks: 'Scar on left hand',
  photoTakenOn: '2026-01-10',
  phones: [{ number: '07700 900 460', handset: 'Blue Android' }],
  socialMedia: [{ platform: 'TikTok', username: 'example_user' }],
  languages: ['Tigrinya', 'Arabic'],
  medicalNeeds: 'Asthma',
  medication: 'Inhaler',
  associates: [{ name: 'Older cousin', relationship: 'Claimed cousin', phone: '+447700900461' }],
  places: [{ description: 'Coach station', risk: 'Met unknown adults there' }],
  travelCards: 'Oyster',
  missingHistory: 'None yet',
};

it('creates with PUT, reads it back, replaces it whole, and audits each', async () => {
  expect((await api('GET', `/api/v1/children/${childId}/missing-profile`)).statusCode).toBe(404);
  const created = await api('PUT', `/api/v1/children/${childId}/missing-profile`, profile);
  expect(created.statusCode).toBe(201);
  expect(created.result).toMatchObject({
    phones: [{ number: '+447700900460', handset: 'Blue Android' }],
    languages: ['Tigrinya', 'Arabic'],
  });
  const replaced = await api('PUT', `/api/v1/children/${childId}/missing-profile`, {
    physicalDescription: 'Now with short hair',
  });
  expect(replaced.statusCode).toBe(200);
  const read = await api('GET', `/api/v1/children/${childId}/missing-profile`);
  expect(read.result).toMatchObject({
    physicalDescription: 'Now with short hair',
    medication: null,
    phones: [],
    socialMedia: [],
  });
  expect(await auditActions(app, childId, 'missing_profile')).toEqual(['read', 'create', 'update', 'read']);
});

it('refuses a password in social media, naming the field', async () => {
  const res = await api('PUT', `/api/v1/children/${childId}/missing-profile`, {
    socialMedia: [{ platform: 'Snapchat', username: 'x', password: 'hunter2' }],
  });
  expect(res.statusCode).toBe(400);
  expect(fieldsNamed(res)).toEqual(['socialMedia.0.password']);
  expect((res.result as { message: string }).message).toMatch(/passwords .* are never recorded/);
});

it('names every invalid field', async () => {
  const res = await api('PUT', `/api/v1/children/${childId}/missing-profile`, {
    phones: [{ number: 'call me' }],
    photoTakenOn: 'yesterday',
    colour: 'red',
  });
  expect(fieldsNamed(res)).toEqual(['colour', 'phones.0.number', 'photoTakenOn']);
});

it("answers 404 for an unknown child and another authority's child, 403 for roles without profiles permission", async () => {
  expect((await api('GET', `/api/v1/children/${UNKNOWN_ID}/missing-profile`)).statusCode).toBe(404);
  expect(
    (await api('PUT', `/api/v1/children/${childId}/missing-profile`, profile, { authority: 'OTHER' })).statusCode,
  ).toBe(404);
  expect(
    (await api('GET', `/api/v1/children/${childId}/missing-profile`, undefined, { role: 'group_member' })).statusCode,
  ).toBe(403);
  expect(
    (await api('GET', `/api/v1/children/${childId}/missing-profile`, undefined, { role: 'police' })).statusCode,
  ).toBe(403);
});

it('gives police the profile and identifying details but never the placement address', async () => {
  await api('PUT', `/api/v1/children/${childId}/missing-profile`, profile);
  const view = await app.services.missingProfiles.profileForPolice(childId);
  expect(view.child).toMatchObject({
    firstNames: 'Profile',
    lastName: 'Child',
    aliases: ['PC'],
    dateOfBirth: '2011-01-01',
    sex: 2,
    nationality: 'Eritrean',
    firstLanguage: 'Tigrinya',
  });
  expect(view.profile).toMatchObject({
    physicalDescription: 'Small, long dark hair',
    languages: ['Tigrinya', 'Arabic'],
  });
  expect(JSON.stringify(view)).not.toMatch(/Secret Road|ZZ9/);
  expect(view.profile).not.toHaveProperty('updatedBy');
});
