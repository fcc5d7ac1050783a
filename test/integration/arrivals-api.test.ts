// POST /api/v1/arrivals: one request records the child and everything about them, or nothing at all
// (a rule broken by the last record rolls back the child); the police are told without a name.
import { bearer, buildTestApp, TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const q = (sql: string, params: unknown[] = []) => app.db.dataSource.query(sql, params);
const day = (offset: number) => new Date(app.clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);

const body = () => ({
  child: {
    firstNames: 'Quorrin',
    lastName: 'Vassaly',
    dateOfBirth: '2010-05-01',
    dobEstimated: true,
    sex: 1,
    traffickingStatus: 'suspected',
  },
  arrival: { port: 'Heathrow Airport', arrivedAt: app.clock.now().toISOString(), identifiedBy: 'police' },
  indicators: { seen: ['debt_bondage'] },
  plan: { measures: ['escort_required'], agreedBy: 'Duty manager', reviewOn: day(7), bedChecks: null },
  placement: {
    type: 'residential',
    provider: 'Home',
    address: '1 Home Lane',
    carers: [{ name: 'Key worker', mobile: '+447700900660' }],
  },
  guardian: { organisation: 'ICTG service', referredOn: day(0) },
  nrm: { referredOn: day(0), firstResponder: 'Demo Borough', decisionMaker: 'single_competent_authority' },
});

it('records an arrival in one request and tells the police by reference only', async () => {
  const res = await app.server.inject({
    method: 'POST',
    url: '/api/v1/arrivals',
    payload: body(),
    headers: bearer(await app.tokenFor('social_worker')),
  });
  expect(res.statusCode).toBe(201);
  const { child, messagesQueued } = res.result as { child: { id: string; reference: string }; messagesQueued: number };
  expect(messagesQueued).toBeGreaterThanOrEqual(2);
  const [plan] = await q('SELECT risk_of_missing FROM safeguarding_plans WHERE child_id = $1', [child.id]);
  expect(plan.risk_of_missing).toBe('high');
  const police = await q(
    "SELECT channel, data::text AS data FROM notifications WHERE template = 'arrival-notice' AND address = '+447700900201' AND data->>'childRef' = $1",
    [child.reference],
  );
  expect(police).toHaveLength(1);
  expect(police[0].data).not.toMatch(/Quorrin|Vassaly|Home Lane/);
  // The demo authority's guardian service duty line is told too, by SMS and email.
  const guardianService = await q(
    `SELECT channel FROM notifications WHERE template = 'arrival-notice' AND address IN ('+447700900206', 'ictg.duty@example.org')
    AND data->>'childRef' = $1 ORDER BY channel`,
    [child.reference],
  );
  expect(guardianService.map((n: { channel: string }) => n.channel)).toEqual(['email', 'sms']);
});

it('records nothing when one part is refused (the review date before the plan was agreed)', async () => {
  const counts = () =>
    q(`SELECT (SELECT count(*) FROM children)::int AS children, (SELECT count(*) FROM placements)::int AS placements,
      (SELECT count(*) FROM notifications WHERE template = 'arrival-notice')::int AS notices`);
  const before = await counts();
  const res = await app.server.inject({
    method: 'POST',
    url: '/api/v1/arrivals',
    payload: { ...body(), plan: { ...body().plan, reviewOn: day(-3) } },
    headers: bearer(await app.tokenFor('social_worker')),
  });
  expect(res.statusCode).toBe(400);
  expect(res.payload).toContain('reviewOn');
  expect(await counts()).toEqual(before);
});

it('refuses arrivals to roles that do not register children', async () => {
  for (const role of ['police', 'carer', 'group_member'] as const) {
    const res = await app.server.inject({
      method: 'POST',
      url: '/api/v1/arrivals',
      payload: body(),
      headers: bearer(await app.tokenFor(role)),
    });
    expect(res.statusCode).toBe(403);
  }
});

it('records an arrival placed in our own area with a second carer, both registered with their mobiles', async () => {
  const res = await app.server.inject({
    method: 'POST',
    url: '/api/v1/arrivals',
    payload: {
      ...body(),
      plan: { ...body().plan, bedChecks: { times: ['23:00', '02:00'], days: 2 } },
      placement: {
        ...body().placement,
        type: 'foster',
        hostAuthorityId: null,
        hostAuthority: null,
        policeForceCode: null,
        carers: [
          { name: 'First carer', mobile: '+447700900661' },
          { name: 'Second carer', mobile: '07700 900662', email: 'second@example.org' },
        ],
      },
    },
    headers: bearer(await app.tokenFor('social_worker')),
  });
  expect(res.statusCode).toBe(201);
  const { child } = res.result as { child: { id: string } };
  const placements = await q(
    `SELECT p.host_authority_id, p.host_name, p.police_force_code,
      array_agg(pc.mobile ORDER BY pc.mobile) AS mobiles
    FROM placements p JOIN placement_carers pc ON pc.placement_id = p.id WHERE p.child_id = $1
    GROUP BY p.id`,
    [child.id],
  );
  expect(placements).toEqual([
    { host_authority_id: null, host_name: null, police_force_code: null, mobiles: ['+447700900661', '+447700900662'] },
  ]);
  // No out-of-area placement: no host coordinator is told.
  const host = await q(
    `SELECT count(*)::int AS n FROM notifications WHERE template LIKE 'host-%' AND data->>'childRef' = (SELECT reference FROM children WHERE id = $1)`,
    [child.id],
  );
  expect(host[0].n).toBe(0);
});

it('still refuses a placement naming two hosts (one of this service and one outside it)', async () => {
  const [other] = await q(`SELECT id FROM local_authorities WHERE code = 'OTHER'`);
  const res = await app.server.inject({
    method: 'POST',
    url: '/api/v1/arrivals',
    payload: {
      ...body(),
      placement: {
        ...body().placement,
        hostAuthorityId: other.id,
        hostAuthority: { name: 'Elsewhere', coordinatorEmail: 'c@example.org' },
      },
    },
    headers: bearer(await app.tokenFor('social_worker')),
  });
  expect(res.statusCode).toBe(400);
  expect(res.payload).toContain('give either hostAuthorityId or hostAuthority, not both');
});
