// Out-of-area placements (issue 23), through the real twilio SDK (fake Twilio API) and real SMTP:
// the host coordinator is told when such a placement starts and ends; a missing report alerts the
// host force's control room with the profile link and tells the host coordinator; the host
// authority's users read that episode (audited on the placing authority's trail) but never the
// child's record; a child placed in its own authority's area is handled as before.
import { outOfAreaDemo } from '../../seeds/demo-data';
import { bearer } from '../support/app';
import { buildDeliveryTestApp, DeliveryTestApp, PUBLIC_BASE_URL } from '../support/delivery';
import { childPlaced, reportMissing } from '../support/escalation-fixtures';

let t: DeliveryTestApp;
beforeAll(async () => {
  t = await buildDeliveryTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await t.app.services.dispatcher.drain();
  t.twilio.reset();
  t.smtp.reset();
});

const q = (sql: string, params: unknown[] = []) => t.app.db.dataSource.query(sql, params);
const HOST_COORDINATOR = { mobile: '+447700900213', email: 'missing.other@example.org' };
const HOST_FORCE = outOfAreaDemo.controlRoom;
const PLACING_POLICE = '+447700900201';
const as = async (role: Parameters<DeliveryTestApp['app']['tokenFor']>[0], authority: 'DEMO' | 'OTHER' = 'DEMO') =>
  bearer(await t.app.tokenFor(role, authority));
const api = async (
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
  role: 'social_worker' | 'group_member' = 'social_worker',
  authority: 'DEMO' | 'OTHER' = 'DEMO',
) => t.app.server.inject({ method, url, payload, headers: await as(role, authority) });
const childId = async (reference: string) =>
  (await q('SELECT id FROM children WHERE reference = $1', [reference]))[0].id as string;
const placement = (extra: object) => ({
  type: 'foster',
  provider: 'Host fostering',
  address: '9 Secret Road, Hidden Town',
  carers: [{ name: 'Hana Host-Carer', mobile: '07700 900488' }],
  ...extra,
});

/** A demo-borough child with no current placement (its first one ended). */
async function childWithoutPlacement(): Promise<{ id: string; reference: string }> {
  const child = await childPlaced(t.app, { trafficking: 'suspected', daysAgo: 30 });
  expect((await api('POST', `/api/v1/placements/${child.placementId}/end`, { reason: 'Moving on' })).statusCode).toBe(
    200,
  );
  await t.app.services.dispatcher.drain();
  t.twilio.reset();
  t.smtp.reset();
  return child;
}

describe('the host coordinator', () => {
  it('is told by SMS and email when a placement in another authority of the service starts and when it ends, with the reference only', async () => {
    const child = await childWithoutPlacement();
    const other = (await q(`SELECT id FROM local_authorities WHERE code = 'OTHER'`))[0].id;
    const started = await api(
      'POST',
      `/api/v1/children/${child.id}/placements`,
      placement({ hostAuthorityId: other, policeForceCode: 'essex' }),
    );
    expect(started.statusCode).toBe(201);
    expect(started.result).toMatchObject({
      outOfArea: true,
      hostAuthorityId: other,
      policeForceCode: 'essex',
      hostAuthority: null,
    });
    await t.app.services.dispatcher.drain();
    const sms = t.twilio.to(HOST_COORDINATOR.mobile);
    expect(sms.map((m) => m.body)).toEqual([
      expect.stringMatching(
        new RegExp(`^PLACED IN YOUR AREA: child ref ${child.reference}, placed by Demo Borough from `),
      ),
    ]);
    const mail = t.smtp.to(HOST_COORDINATOR.email);
    expect(mail.map((m) => m.mail.subject)).toEqual([
      `Child ${child.reference} placed in Other Borough by Demo Borough`,
    ]);
    for (const text of [sms[0].body, mail[0].mail.text ?? '']) expect(text).not.toMatch(/Secret|Name|Road|Hidden|Hana/);
    const listed = await api('GET', `/api/v1/children/${child.id}/placements`);
    expect((listed.result as object[])[0]).toMatchObject({
      hostAuthorityName: 'Other Borough',
      policeForceName: 'Essex Police',
    });

    const id = (started.result as { id: string }).id;
    expect((await api('POST', `/api/v1/placements/${id}/end`, { reason: 'Moved back' })).statusCode).toBe(200);
    await t.app.services.dispatcher.drain();
    expect(t.twilio.to(HOST_COORDINATOR.mobile).map((m) => m.body)).toEqual([
      sms[0].body,
      expect.stringMatching(
        new RegExp(`^PLACEMENT ENDED: child ref ${child.reference}, placed in your area by Demo Borough`),
      ),
    ]);
    expect(t.smtp.to(HOST_COORDINATOR.email)).toHaveLength(2);
  });

  it('of an authority outside the service is told at the contact the placement gives, and a change of host tells both', async () => {
    const child = await childWithoutPlacement();
    const started = await api(
      'POST',
      `/api/v1/children/${child.id}/placements`,
      placement({
        hostAuthority: {
          name: 'Far Shire Council',
          coordinatorEmail: 'missing@far-shire.example.org',
          coordinatorPhone: '07700 900477',
        },
        policeForceCode: 'north-wales',
      }),
    );
    expect(started.statusCode).toBe(201);
    expect(started.result).toMatchObject({
      outOfArea: true,
      hostAuthorityId: null,
      hostAuthority: {
        name: 'Far Shire Council',
        coordinatorEmail: 'missing@far-shire.example.org',
        coordinatorPhone: '+447700900477',
      },
    });
    await t.app.services.dispatcher.drain();
    expect(t.twilio.to('+447700900477').map((m) => m.body)).toEqual([
      expect.stringContaining(`child ref ${child.reference}, placed by Demo Borough`),
    ]);
    expect(t.smtp.to('missing@far-shire.example.org').map((m) => m.mail.subject)).toEqual([
      `Child ${child.reference} placed in Far Shire Council by Demo Borough`,
    ]);

    const id = (started.result as { id: string }).id;
    const other = (await q(`SELECT id FROM local_authorities WHERE code = 'OTHER'`))[0].id;
    expect((await api('PATCH', `/api/v1/placements/${id}`, { hostAuthorityId: other })).statusCode).toBe(200);
    await t.app.services.dispatcher.drain();
    expect(t.twilio.to('+447700900477').map((m) => m.body)).toEqual([
      expect.anything(),
      expect.stringMatching(/^PLACEMENT ENDED/),
    ]);
    expect(t.twilio.to(HOST_COORDINATOR.mobile).map((m) => m.body)).toEqual([
      expect.stringMatching(/^PLACED IN YOUR AREA/),
    ]);
  });

  it("is not told of a placement in the placing authority's own area, and a force or host not on the lists is refused", async () => {
    const child = await childWithoutPlacement();
    const own = (await q(`SELECT id FROM local_authorities WHERE code = 'DEMO'`))[0].id;
    const noSuchForce = await api(
      'POST',
      `/api/v1/children/${child.id}/placements`,
      placement({ policeForceCode: 'made-up-force' }),
    );
    expect(noSuchForce.statusCode).toBe(400);
    expect(noSuchForce.payload).toContain('policeForceCode must be the code of a police force from the list');
    expect(
      (
        await api(
          'POST',
          `/api/v1/children/${child.id}/placements`,
          placement({ hostAuthorityId: '0b9e5a3c-4d2f-4e1a-9c3b-5f6a7b8c9d0e' }),
        )
      ).statusCode,
    ).toBe(400);
    const started = await api(
      'POST',
      `/api/v1/children/${child.id}/placements`,
      placement({ hostAuthorityId: own, policeForceCode: 'metropolitan' }),
    );
    expect(started.statusCode).toBe(201);
    expect(started.result).toMatchObject({ outOfArea: false, hostAuthorityId: null });
    await t.app.services.dispatcher.drain();
    expect(
      await q(`SELECT template FROM notifications WHERE template LIKE 'placement-host-%' AND data->>'childRef' = $1`, [
        child.reference,
      ]),
    ).toEqual([]);
  });
});

describe('a missing report for a child placed out of area', () => {
  it("alerts the host force at once with the profile link, beside the placing authority's police, and tells the host coordinator", async () => {
    const episode = await reportMissing(t.app, await childId(outOfAreaDemo.reference));
    await t.app.services.dispatcher.drain();
    const hostForce = t.twilio.to(HOST_FORCE.mobile);
    expect(hostForce.map((m) => m.body)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^MISSING child ref H9PX \\(episode ${episode.reference}\\) HIGH RISK\\. ${PUBLIC_BASE_URL}/p/\\S+ Reply ACK \\d{4}$`,
        ),
      ),
    ]);
    expect(t.smtp.to(HOST_FORCE.email).map((m) => m.mail.subject)).toEqual([
      expect.stringContaining(`episode ${episode.reference}`),
    ]);
    expect(t.twilio.to(PLACING_POLICE)).toHaveLength(1);
    expect(t.twilio.to(HOST_COORDINATOR.mobile).map((m) => m.body)).toEqual([
      expect.stringMatching(/^MISSING child ref H9PX/),
    ]);
    expect(t.smtp.to(HOST_COORDINATOR.email)).toHaveLength(1);
    const [run] = await q(
      `SELECT outcome, summary FROM escalation_runs WHERE episode_id = $1 AND step_key = 'report_police'`,
      [episode.id],
    );
    expect(run.outcome).toBe('fired');
    expect(run.summary).toContain('Essex Police control room (sms)');
  });

  it('tells the duty manager when the host force has no control-room contact', async () => {
    const child = await childWithoutPlacement();
    const other = (await q(`SELECT id FROM local_authorities WHERE code = 'OTHER'`))[0].id;
    await api(
      'POST',
      `/api/v1/children/${child.id}/placements`,
      placement({ hostAuthorityId: other, policeForceCode: 'kent' }),
    );
    const episode = await reportMissing(t.app, child.id);
    const [run] = await q(`SELECT summary FROM escalation_runs WHERE episode_id = $1 AND step_key = 'report_police'`, [
      episode.id,
    ]);
    expect(run.summary).toContain('Nobody is set up as: host police');
    const [team] = await q(`SELECT summary FROM escalation_runs WHERE episode_id = $1 AND step_key = 'report_team'`, [
      episode.id,
    ]);
    // The host authority publishes a coordinator: told, and no gap reported for them.
    expect(team.summary).toContain('Missing-children coordinator (sms)');
    expect(team.summary).not.toMatch(/none published|Nobody is set up/);
    expect(
      await q(`SELECT template FROM notifications WHERE episode_id = $1 AND template = 'step-unreached'`, [episode.id]),
    ).not.toEqual([]);
  });

  it('reports a gap when the host authority publishes no missing-children coordinator', async () => {
    const child = await childWithoutPlacement();
    const other = (await q(`SELECT id FROM local_authorities WHERE code = 'OTHER'`))[0].id;
    await api('POST', `/api/v1/children/${child.id}/placements`, placement({ hostAuthorityId: other }));
    await q(`UPDATE contacts SET active = false WHERE authority_id = $1 AND role = 'missing_coordinator'`, [other]);
    try {
      const episode = await reportMissing(t.app, child.id);
      const [team] = await q(`SELECT summary FROM escalation_runs WHERE episode_id = $1 AND step_key = 'report_team'`, [
        episode.id,
      ]);
      expect(team.summary).toContain('Nobody is set up as: host authority coordinator.');
    } finally {
      await q(`UPDATE contacts SET active = true WHERE authority_id = $1 AND role = 'missing_coordinator'`, [other]);
    }
  });

  it("of a child placed in its own area alerts the placing authority's police only, with no gap reported", async () => {
    const child = await childPlaced(t.app, { trafficking: 'suspected', daysAgo: 30 });
    const episode = await reportMissing(t.app, child.id);
    await t.app.services.dispatcher.drain();
    expect(t.twilio.to(PLACING_POLICE)).toHaveLength(1);
    expect(t.twilio.to(HOST_FORCE.mobile)).toEqual([]);
    expect(t.twilio.to(HOST_COORDINATOR.mobile)).toEqual([]);
    expect(
      await q(
        `SELECT step_key FROM escalation_runs WHERE episode_id = $1 AND (outcome = 'unreached' OR summary LIKE '%Nobody%')`,
        [episode.id],
      ),
    ).toEqual([]);
    expect(
      await q(`SELECT id FROM notifications WHERE episode_id = $1 AND template = 'step-unreached'`, [episode.id]),
    ).toEqual([]);
  });
});

describe("the host authority's users", () => {
  const hostedEpisode = async () =>
    (
      await q(
        `SELECT e.id, e.child_id FROM missing_episodes e JOIN children c ON c.id = e.child_id
    WHERE c.reference = $1 AND e.closed_at IS NULL`,
        [outOfAreaDemo.reference],
      )
    )[0] as { id: string; child_id: string };

  it("read the episode, audited on the placing authority's trail, but not the child's record (refused and audited)", async () => {
    const episode = await hostedEpisode();
    const read = await api('GET', `/api/v1/episodes/${episode.id}`, undefined, 'social_worker', 'OTHER');
    expect(read.statusCode).toBe(200);
    expect((read.result as { id: string }).id).toBe(episode.id);
    const [audit] = await q(
      `SELECT a.code, e.changes->>'tie' AS tie FROM audit_events e JOIN local_authorities a ON a.id = e.authority_id
      WHERE e.entity_id = $1 AND e.action = 'read' AND e.actor_user_id = (SELECT id FROM users WHERE email = 'social.worker@other-borough.example.org')`,
      [episode.id],
    );
    expect(audit).toEqual({ code: 'DEMO', tie: 'host' });

    const record = await api('GET', `/api/v1/children/${episode.child_id}`, undefined, 'social_worker', 'OTHER');
    expect(record.statusCode).toBe(404);
    const refused = await q(
      `SELECT a.code, e.changes->>'reason' AS reason FROM audit_events e JOIN local_authorities a ON a.id = e.authority_id
      WHERE e.action = 'refused' AND e.entity_type = 'child' AND e.entity_id = $1 ORDER BY e.id`,
      [episode.child_id],
    );
    // On the host's own trail, and on the placing authority's, where the child's record is kept.
    expect(refused).toEqual([
      { code: 'OTHER', reason: 'not_found' },
      { code: 'DEMO', reason: 'not_found' },
    ]);
    expect(
      (
        await api(
          'POST',
          `/api/v1/episodes/${episode.id}/sightings`,
          { at: t.app.clock.now().toISOString(), where: 'Park' },
          'social_worker',
          'OTHER',
        )
      ).statusCode,
    ).toBe(404);
  });

  it('read no episode of a child not placed in their area, and only casework roles read a hosted one', async () => {
    const inArea = await reportMissing(t.app, await childId('K7Q2'));
    expect((await api('GET', `/api/v1/episodes/${inArea.id}`, undefined, 'social_worker', 'OTHER')).statusCode).toBe(
      404,
    );
    const episode = await hostedEpisode();
    expect((await api('GET', `/api/v1/episodes/${episode.id}`, undefined, 'group_member', 'OTHER')).statusCode).toBe(
      404,
    );
    expect((await api('GET', `/api/v1/episodes/${episode.id}`)).statusCode).toBe(200);
  });

  it('lose the episode 28 days after it closes', async () => {
    const episode = await hostedEpisode();
    const closed = await t.app.server.inject({
      method: 'POST',
      url: `/api/v1/episodes/${episode.id}/close`,
      headers: await as('team_manager'),
      payload: { reason: 'Closed for the test' },
    });
    expect(closed.statusCode).toBe(200);
    expect((await api('GET', `/api/v1/episodes/${episode.id}`, undefined, 'social_worker', 'OTHER')).statusCode).toBe(
      200,
    );
    t.app.clock.advanceHours(29 * 24);
    expect((await api('GET', `/api/v1/episodes/${episode.id}`, undefined, 'social_worker', 'OTHER')).statusCode).toBe(
      404,
    );
    expect((await api('GET', `/api/v1/episodes/${episode.id}`)).statusCode).toBe(200);
  });
});
