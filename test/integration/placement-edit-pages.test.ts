// Changing the current placement from the child's record (the API's PATCH /placements/{id} for its
// type, provider, address and host): the form starts from the placement as it is, bad input comes
// back in the GOV.UK error summary, a change is saved and audited, a move to another authority of
// the service tells its coordinator, and a carer is refused (audited).
import { buildTestApp, TestApp } from '../support/app';
import { childPlaced } from '../support/escalation-fixtures';
import { PageSession, pageSession } from '../support/pages';

let app: TestApp;
let sw: PageSession;
beforeAll(async () => {
  app = await buildTestApp();
  sw = await pageSession(app, 'social_worker');
});
afterAll(async () => {
  await app.close();
});

const q = (sql: string, params: unknown[] = []) => app.db.dataSource.query(sql, params);
const current = async (childId: string) =>
  (
    await q(
      `SELECT type, provider, address, host_authority_id FROM placements WHERE child_id = $1 AND ended_at IS NULL`,
      [childId],
    )
  )[0];
const form = (v: Record<string, string>) => ({
  type: 'foster',
  provider: 'Hearth Fostering',
  address: '1 Test Row',
  hostAuthorityId: '',
  hostAreaCode: '',
  hostName: '',
  hostCoordinatorEmail: '',
  hostCoordinatorPhone: '',
  policeForceCode: '',
  ...v,
});

it('changes the provider and address from a form filled in with the placement as it is', async () => {
  const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 5, carer: '+447700900511' });
  const before = await current(child.id);
  expect((await sw.get(`/children/${child.id}`)).payload).toContain(`href="/children/${child.id}/placements/edit"`);
  const page = await sw.get(`/children/${child.id}/placements/edit`);
  expect(page.statusCode).toBe(200);
  expect(page.payload).toContain(`value="${before.provider}"`);

  const bad = await sw.post(`/children/${child.id}/placements/edit`, form({ provider: '' }));
  expect(bad.statusCode).toBe(400);
  expect(bad.payload).toMatch(/govuk-error-summary[\s\S]*Enter the provider/);
  expect((await current(child.id)).provider).toBe(before.provider);

  const ok = await sw.post(
    `/children/${child.id}/placements/edit`,
    form({ type: 'residential', provider: 'Harbour House', address: '2 Quay Street' }),
  );
  expect(ok.statusCode).toBe(303);
  expect(await current(child.id)).toMatchObject({
    type: 'residential',
    provider: 'Harbour House',
    address: '2 Quay Street',
    host_authority_id: null,
  });
  const [audit] = await q(
    `SELECT count(*)::int AS n FROM audit_events WHERE child_id = $1 AND entity_type = 'placement' AND action = 'update'`,
    [child.id],
  );
  expect(audit.n).toBe(1);
});

it("moves the placement to another authority's area, whose coordinator is told", async () => {
  const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 5, carer: '+447700900512' });
  const [other] = await q(`SELECT id FROM local_authorities WHERE code = 'OTHER'`);
  const hostStarts = async () =>
    (await q(`SELECT count(*)::int AS n FROM notifications WHERE template = 'placement-host-start'`))[0].n;
  const before = await hostStarts();
  const ok = await sw.post(`/children/${child.id}/placements/edit`, form({ hostAuthorityId: other.id }));
  expect(ok.statusCode).toBe(303);
  expect((await current(child.id)).host_authority_id).toBe(other.id);
  expect(await hostStarts()).toBeGreaterThan(before);
  const page = await sw.get(`/children/${child.id}/placements/edit`);
  expect(page.payload).toMatch(new RegExp(`<option value="${other.id}" selected`));
});

it('is refused to a carer, and the refusal is audited', async () => {
  const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 5, carer: '+447700900513' });
  const carer = await pageSession(app, 'carer');
  const refusedBefore = await q(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'refused'`);
  expect((await carer.get(`/children/${child.id}/placements/edit`)).statusCode).toBe(403);
  expect((await carer.post(`/children/${child.id}/placements/edit`, form({ provider: 'X' }))).statusCode).toBe(403);
  const refusedAfter = await q(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'refused'`);
  expect(refusedAfter[0].n).toBeGreaterThanOrEqual(refusedBefore[0].n + 2);
  expect((await current(child.id)).provider).not.toBe('X');
});
