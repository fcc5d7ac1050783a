// The places of England and Wales as shipped data (issue 23): the list with its source and date,
// the force proposed from an out-of-area placement's host and corrected by hand, the administrator's
// page of what an authority publishes for other authorities' alerts, and saved policies that gain
// the host roles (migration 1732300001510) so an out-of-area report alerts the host force.
import { HostRecipientRoles1732300001510, withHostRoles } from '../../migrations/1732300001510-host-recipient-roles';
import { outOfAreaDemo } from '../../seeds/demo-data';
import { bearer } from '../support/app';
import { buildDeliveryTestApp, DeliveryTestApp } from '../support/delivery';
import { childPlaced, reportMissing } from '../support/escalation-fixtures';
import { pageSession } from '../support/pages';

let t: DeliveryTestApp;
beforeAll(async () => {
  t = await buildDeliveryTestApp();
});
afterAll(async () => {
  await t.close();
});
const q = (sql: string, params: unknown[] = []) => t.app.db.dataSource.query(sql, params);
const api = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, authority = 'DEMO') =>
  t.app.server.inject({
    method,
    url,
    payload,
    headers: bearer(await t.app.tokenFor('social_worker', authority as 'DEMO')),
  });
const placement = (extra: object) => ({
  type: 'foster',
  provider: 'Host fostering',
  address: '9 Secret Road, Hidden Town',
  carers: [{ name: 'Hana Host-Carer', mobile: '07700 900489' }],
  ...extra,
});
async function unplacedChild(): Promise<string> {
  const child = await childPlaced(t.app, { trafficking: 'suspected', daysAgo: 30 });
  expect((await api('POST', `/api/v1/placements/${child.placementId}/end`, { reason: 'Moving on' })).statusCode).toBe(
    200,
  );
  return child.id;
}

it("ships England's 153 children's services authorities and the 22 Welsh councils, each with its force, source and date", async () => {
  const res = await api('GET', '/api/v1/placement-options');
  const { areas, sources, policeForces } = res.result as {
    areas: { code: string; name: string; policeForceCode: string; kind: string }[];
    sources: { name: string; source: string; asOf: string; rowCount: number }[];
    policeForces: { code: string }[];
  };
  expect(areas.filter((a) => a.code.startsWith('E'))).toHaveLength(153);
  expect(areas.filter((a) => a.code.startsWith('W06'))).toHaveLength(22);
  expect(policeForces).toHaveLength(44);
  const forces = new Set(policeForces.map((f) => f.code));
  expect(areas.every((a) => forces.has(a.policeForceCode))).toBe(true);
  // Every territorial force polices at least one authority on the list; British Transport Police none.
  expect(new Set(areas.map((a) => a.policeForceCode)).size).toBe(43);
  expect(areas.find((a) => a.code === 'E09000017')).toMatchObject({
    name: 'Hillingdon',
    policeForceCode: 'metropolitan',
  });
  expect(areas.find((a) => a.code === 'W06000015')).toMatchObject({ name: 'Cardiff', policeForceCode: 'south-wales' });
  expect(sources).toEqual(
    expect.arrayContaining([
      {
        name: 'area_authorities',
        source: expect.stringContaining('ONS Local Authority Districts/Counties (April 2023 names and codes)'),
        asOf: '2023-04-01',
        rowCount: 175,
      },
    ]),
  );
});

describe("an out-of-area placement's police force", () => {
  it("is proposed from the host's ONS code, taken as given when named, and corrected afterwards", async () => {
    const host = { code: 'E10000012', coordinatorEmail: 'missing@essex.example.org' };
    const proposed = await api(
      'POST',
      `/api/v1/children/${await unplacedChild()}/placements`,
      placement({ hostAuthority: host }),
    );
    expect(proposed.statusCode).toBe(201);
    expect(proposed.result).toMatchObject({
      outOfArea: true,
      policeForceCode: 'essex',
      policeForceName: 'Essex Police',
      hostAuthority: { code: 'E10000012', name: 'Essex' },
    });
    const id = (proposed.result as { id: string }).id;
    const corrected = await api('PATCH', `/api/v1/placements/${id}`, { policeForceCode: 'british-transport-police' });
    expect(corrected.result).toMatchObject({ policeForceCode: 'british-transport-police' });

    const chosen = await api(
      'POST',
      `/api/v1/children/${await unplacedChild()}/placements`,
      placement({ hostAuthority: host, policeForceCode: 'kent' }),
    );
    expect(chosen.result).toMatchObject({ policeForceCode: 'kent' });
    const unknown = await api(
      'POST',
      `/api/v1/children/${await unplacedChild()}/placements`,
      placement({ hostAuthority: { ...host, code: 'E06000099' } }),
    );
    expect(unknown.statusCode).toBe(400);
    expect((unknown.result as { message: string }).message).toBe(
      'hostAuthority.code is not an ONS code on the list of authorities.',
    );
  });

  it("is corrected on the child's page by casework staff, and not by a group member", async () => {
    const child = await childPlaced(t.app, { trafficking: 'suspected', daysAgo: 5 });
    const sw = await pageSession(t.app, 'social_worker');
    const page = await sw.get(`/children/${child.id}`);
    expect(page.payload).toContain(`/children/${child.id}/placements/police-force`);
    const saved = await sw.post(`/children/${child.id}/placements/police-force`, { policeForceCode: 'sussex' });
    expect(saved.statusCode).toBe(303);
    const force = async () =>
      (await q('SELECT police_force_code FROM placements WHERE id = $1', [child.placementId]))[0].police_force_code;
    expect(await force()).toBe('sussex');
    expect((await sw.get(`/children/${child.id}`)).payload).toContain('Sussex Police');
    const bad = await sw.post(`/children/${child.id}/placements/police-force`, { policeForceCode: 'atlantis' });
    expect(bad.statusCode).toBe(400);
    expect(bad.payload).toContain('policeForceCode must be the code of a police force from the list.');
    const group = await pageSession(t.app, 'group_member');
    expect(
      (await group.post(`/children/${child.id}/placements/police-force`, { policeForceCode: 'kent' })).statusCode,
    ).toBe(403);
    expect(await force()).toBe('sussex');
  });

  it('of a host using the service is proposed from the force that authority publishes', async () => {
    const other = (await q(`SELECT id FROM local_authorities WHERE code = 'OTHER'`))[0].id;
    const res = await api(
      'POST',
      `/api/v1/children/${await unplacedChild()}/placements`,
      placement({ hostAuthorityId: other }),
    );
    expect(res.result).toMatchObject({ outOfArea: true, policeForceCode: outOfAreaDemo.policeForceCode });
  });
});

describe('the published contacts page', () => {
  it("lists the authority's area, force control room and coordinators; the administrator changes them, audited", async () => {
    const admin = await pageSession(t.app, 'administrator', 'OTHER');
    const page = await admin.get('/admin/published-contacts');
    expect(page.statusCode).toBe(200);
    expect(page.payload).toContain('Essex Police');
    expect(page.payload).toContain(outOfAreaDemo.controlRoom.email);
    expect(page.payload).toContain('Missing-children coordinator');

    const bad = await admin.post('/admin/published-contacts/edit', {
      onsCode: 'E99999999',
      policeForceCode: '',
      controlRoomMobile: '',
      controlRoomEmail: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.payload).toContain('Choose your authority from the list');
    const saved = await admin.post('/admin/published-contacts/edit', {
      onsCode: 'E09000017',
      policeForceCode: '',
      controlRoomMobile: '07700 900 777',
      controlRoomEmail: 'met.control@example.org',
    });
    expect(saved.statusCode).toBe(303);
    const [row] =
      await q(`SELECT a.ons_code, a.police_force_code, f.control_room_mobile, f.control_room_email, f.published_by = a.id AS mine
      FROM local_authorities a JOIN police_forces f ON f.code = 'metropolitan' WHERE a.code = 'OTHER'`);
    expect(row).toEqual({
      ons_code: 'E09000017',
      police_force_code: null,
      control_room_mobile: '+447700900777',
      control_room_email: 'met.control@example.org',
      mine: true,
    });
    const after = (await admin.get('/admin/published-contacts')).payload;
    expect(after).toContain('Hillingdon (E09000017)');
    expect(after).toContain('Metropolitan Police Service');
    expect(after).toContain('Last published by');
    const [audit] = await q(
      `SELECT changes FROM audit_events WHERE entity_type = 'published_contacts' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.changes).toMatchObject({ onsCode: 'E09000017', policeForceCode: 'metropolitan' });

    const sw = await pageSession(t.app, 'social_worker', 'OTHER');
    expect((await sw.get('/admin/published-contacts/edit')).statusCode).toBe(403);
    expect((await (await pageSession(t.app, 'carer', 'OTHER')).get('/admin/published-contacts')).statusCode).toBe(403);
    // Put the demo back as the other tests expect it.
    await admin.post('/admin/published-contacts/edit', {
      onsCode: '',
      policeForceCode: outOfAreaDemo.policeForceCode,
      controlRoomMobile: outOfAreaDemo.controlRoom.mobile,
      controlRoomEmail: outOfAreaDemo.controlRoom.email,
    });
  });
});

describe('saved policies without the host roles', () => {
  it('names the old host roles anew and adds the missing ones, leaving a policy that has them alone', () => {
    const steps = [
      { key: 'report_police', recipients: ['police_control_room'] },
      { key: 'report_team', recipients: ['social_worker', 'host_coordinator'] },
      { key: 'escalation_24h', recipients: ['head_of_service'] },
    ];
    expect(withHostRoles(steps)).toEqual([
      { key: 'report_police', recipients: ['police_control_room', 'host_police_control_room'] },
      { key: 'report_team', recipients: ['social_worker', 'host_authority_coordinator'] },
      { key: 'escalation_24h', recipients: ['head_of_service'] },
    ]);
    expect(withHostRoles(withHostRoles(steps)!)).toBeNull();
  });

  it('gain a version with them, so the demo out-of-area report alerts the host force and coordinator', async () => {
    const [demo] = await q(`SELECT id FROM local_authorities WHERE code = 'DEMO'`);
    // A policy saved before the host roles existed: the report steps without them.
    const [latest] = await q(
      'SELECT version, settings, steps FROM escalation_policies WHERE authority_id = $1 ORDER BY version DESC LIMIT 1',
      [demo.id],
    );
    const old = latest.steps.map((s: { recipients: string[] }) => ({
      ...s,
      recipients: s.recipients.filter((r) => !r.startsWith('host_')),
    }));
    await q(
      `INSERT INTO escalation_policies (authority_id, version, settings, steps, created_at) VALUES ($1, $2, $3, $4, now())`,
      [demo.id, latest.version + 1, JSON.stringify(latest.settings), JSON.stringify(old)],
    );
    const runner = t.app.db.dataSource.createQueryRunner();
    try {
      await new HostRecipientRoles1732300001510().up(runner);
    } finally {
      await runner.release();
    }
    const [now] = await q(
      'SELECT version, steps FROM escalation_policies WHERE authority_id = $1 ORDER BY version DESC LIMIT 1',
      [demo.id],
    );
    expect(now.version).toBe(latest.version + 2);
    expect(now.steps).toEqual(latest.steps);

    const [h9px] = await q(`SELECT id FROM children WHERE reference = $1`, [outOfAreaDemo.reference]);
    t.twilio.reset();
    const episode = await reportMissing(t.app, h9px.id);
    await t.app.services.dispatcher.drain();
    expect(t.twilio.to(outOfAreaDemo.controlRoom.mobile)).toHaveLength(1);
    const [run] = await q(`SELECT summary FROM escalation_runs WHERE episode_id = $1 AND step_key = 'report_team'`, [
      episode.id,
    ]);
    expect(run.summary).toContain("the host authority's published missing-children coordinator (out of area)");
    const [police] = await q(
      `SELECT summary FROM escalation_runs WHERE episode_id = $1 AND step_key = 'report_police'`,
      [episode.id],
    );
    expect(police.summary).toContain('Essex Police control room: control room of the force where the child is placed');
  });
});
