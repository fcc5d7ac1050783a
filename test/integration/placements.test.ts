// Placements: one current placement per child, carers' numbers normalised, ending a placement.
import { bearer, buildTestApp, TestApp } from '../support/app';

let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await buildTestApp();
  token = await app.tokenFor('social_worker');
});
afterAll(async () => {
  await app.close();
});

async function newChild(localId: string): Promise<string> {
  const res = await app.server.inject({
    method: 'POST',
    url: '/api/v1/children',
    headers: bearer(token),
    payload: {
      localId,
      firstNames: 'P',
      lastName: 'Child',
      dateOfBirth: '2012-02-02',
      sex: 1,
      traffickingStatus: 'unknown',
    },
  });
  return (res.result as { id: string }).id;
}
const start = (childId: string, payload: object) =>
  app.server.inject({ method: 'POST', url: `/api/v1/children/${childId}/placements`, headers: bearer(token), payload });
const placement = {
  type: 'foster',
  provider: 'Acme Fostering',
  address: '3 Example Lane',
  carers: [{ name: 'Carer A', mobile: '07700 900555' }],
};

it('starts a placement with carers in E.164 and refuses a second current one', async () => {
  const childId = await newChild('P0001');
  const first = await start(childId, placement);
  expect(first.statusCode).toBe(201);
  expect(first.result).toMatchObject({ current: true, carers: [{ name: 'Carer A', mobile: '+447700900555' }] });
  const second = await start(childId, placement);
  expect(second.statusCode).toBe(409);
  expect((second.result as { message: string }).message).toBe(
    'This child already has a current placement. End it before starting a new one.',
  );
});

it('ends a placement, after which a new one can start', async () => {
  const childId = await newChild('P0002');
  const { id } = (await start(childId, placement)).result as { id: string };
  const ended = await app.server.inject({
    method: 'POST',
    url: `/api/v1/placements/${id}/end`,
    headers: bearer(token),
    payload: { reason: 'Move to residential' },
  });
  expect(ended.statusCode).toBe(200);
  expect(ended.result).toMatchObject({ current: false, endReason: 'Move to residential' });
  const again = await app.server.inject({
    method: 'POST',
    url: `/api/v1/placements/${id}/end`,
    headers: bearer(token),
    payload: { reason: 'again' },
  });
  expect(again.statusCode).toBe(409);
  expect((await start(childId, { ...placement, type: 'residential' })).statusCode).toBe(201);
  const list = (
    await app.server.inject({ method: 'GET', url: `/api/v1/children/${childId}/placements`, headers: bearer(token) })
  ).result as { type: string; current: boolean }[];
  expect(list.map((p) => [p.type, p.current])).toEqual([
    ['residential', true],
    ['foster', false],
  ]);
});

it('replaces carers and rejects numbers that are not phone numbers', async () => {
  const childId = await newChild('P0003');
  const { id } = (await start(childId, placement)).result as { id: string };
  const bad = await app.server.inject({
    method: 'PATCH',
    url: `/api/v1/placements/${id}`,
    headers: bearer(token),
    payload: { carers: [{ name: 'B', mobile: 'call me' }] },
  });
  expect(bad.statusCode).toBe(400);
  expect((bad.result as { message: string }).message).toContain('carers[0].mobile must be a phone number');
  const ok = await app.server.inject({
    method: 'PATCH',
    url: `/api/v1/placements/${id}`,
    headers: bearer(token),
    payload: {
      carers: [
        { name: 'B', mobile: '+44 7700 900556' },
        { name: 'C', mobile: '07700900557' },
      ],
    },
  });
  expect((ok.result as { carers: { mobile: string }[] }).carers.map((c) => c.mobile)).toEqual([
    '+447700900556',
    '+447700900557',
  ]);
});

it('refuses a placement with no carer, naming the field', async () => {
  const childId = await newChild('P0004');
  const res = await start(childId, { ...placement, carers: [] });
  expect(res.statusCode).toBe(400);
  expect((res.result as { errors: { field: string; message: string }[] }).errors).toEqual([
    { field: 'carers', message: 'carers must list at least one carer with a mobile number' },
  ]);
});
