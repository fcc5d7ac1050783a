// Missing episodes through the API: reporting, the state machine's refusals, tenancy, who sees
// what, and the hooks other channels use (carers' texts, a placement ending).
import { episodeReferencePattern } from '../../src/missing/episode-reference';
import { Conflict, Forbidden } from '../../src/platform/errors';
import { bearer, buildTestApp, TestApp } from '../support/app';
import { addContacts, childPlaced, clearContacts, post, reportMissing, rowsOf } from '../support/escalation-fixtures';

let app: TestApp;
// The demo contacts are stood down so each test decides who is set up to be alerted.
beforeAll(async () => {
  app = await buildTestApp();
  await clearContacts(app);
});
afterAll(async () => {
  await app.close();
});

const get = async (
  url: string,
  role: Parameters<TestApp['tokenFor']>[0] = 'social_worker',
  authority: 'DEMO' | 'OTHER' = 'DEMO',
) => app.server.inject({ method: 'GET', url, headers: bearer(await app.tokenFor(role, authority)) });
const message = (res: { result: unknown }) => (res.result as { message: string }).message;

describe('reporting', () => {
  it('opens an episode with a short reference and names every wrong field in one 400', async () => {
    const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 });
    const bad = await post(app, `/api/v1/children/${child.id}/episodes`, {
      kind: 'X',
      lastSeen: { at: 'yesterday' },
      reportedVia: 'pigeon',
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.result as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual([
      'discoveredAt',
      'kind',
      'lastSeen.at',
      'reportedVia',
    ]);
    const episode = await reportMissing(app, child.id);
    expect(episode.reference).toMatch(episodeReferencePattern);
    expect(episode.state).toBe('reported');
  });

  it('refuses a second report while the child is missing, naming the open episode', async () => {
    const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 });
    const first = await reportMissing(app, child.id);
    const again = await post(app, `/api/v1/children/${child.id}/episodes`, {
      kind: 'M',
      discoveredAt: app.clock.now().toISOString(),
    });
    expect(again.statusCode).toBe(409);
    expect(again.result).toMatchObject({
      episodeReference: first.reference,
      message: `This child is already reported missing in episode ${first.reference}. Add updates to that episode instead.`,
    });
  });

  it('refuses a discovery time in the future or overlapping the previous episode', async () => {
    const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 });
    const future = await post(app, `/api/v1/children/${child.id}/episodes`, {
      kind: 'A',
      discoveredAt: new Date(app.clock.now().getTime() + 3_600_000).toISOString(),
    });
    expect(future.statusCode).toBe(400);
    const e = await reportMissing(app, child.id);
    await post(app, `/api/v1/episodes/${e.id}/return`, { returnedAt: app.clock.now().toISOString() });
    const overlap = await post(app, `/api/v1/children/${child.id}/episodes`, {
      kind: 'M',
      discoveredAt: new Date(app.clock.now().getTime() - 3_600_000).toISOString(),
    });
    expect(overlap.statusCode).toBe(409);
    expect(message(overlap)).toMatch(/^Episodes cannot overlap: the child's previous episode E-/);
  });
});

describe('the state machine', () => {
  it('explains every impossible transition with a 409 sentence', async () => {
    const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 });
    const e = await reportMissing(app, child.id);
    const url = `/api/v1/episodes/${e.id}`;
    const now = () => app.clock.now().toISOString();
    const expect409 = async (path: string, payload: object, sentence: string) => {
      const res = await post(app, `${url}/${path}`, payload);
      expect({ path, status: res.statusCode, message: message(res) }).toEqual({ path, status: 409, message: sentence });
    };
    expect((await post(app, `${url}/close`, { reason: 'Done' })).statusCode).toBe(403);
    await expect409(
      'return-interview',
      { offeredAt: now() },
      `The child has not returned in episode ${e.reference} yet, so there is no return interview to record.`,
    );
    expect((await post(app, `${url}/sightings`, { at: now(), where: 'High Street' })).statusCode).toBe(200);
    expect((await post(app, `${url}/return`, { returnedAt: now(), where: 'Home', by: 'Carer' })).statusCode).toBe(200);
    await expect409(
      'return',
      { returnedAt: now() },
      `The child's return in episode ${e.reference} was already recorded.`,
    );
    await expect409(
      'sightings',
      { at: now(), where: 'Park' },
      `The child has already returned in episode ${e.reference}, so a sighting cannot be added.`,
    );
    const expectManager409 = async (payload: object, sentence: string) => {
      const res = await post(app, `${url}/close`, payload, 'team_manager');
      expect({ status: res.statusCode, message: message(res) }).toEqual({ status: 409, message: sentence });
    };
    await expectManager409(
      { reason: 'Done' },
      `The return interview for episode ${e.reference} has not been held, declined or explained yet. Record it before closing the episode.`,
    );
    const offered = await post(app, `${url}/return-interview`, { offeredAt: now(), by: 'Independent worker' });
    expect((offered.result as { state: string }).state).toBe('return_interview_due');
    const held = await post(app, `${url}/return-interview`, { heldAt: now(), by: 'Independent worker' });
    expect((held.result as { state: string; returnInterview: object }).returnInterview).toMatchObject({
      attempts: 1,
      by: 'Independent worker',
    });
    await expect409(
      'return-interview',
      { heldAt: now() },
      `The return interview for episode ${e.reference} was already held.`,
    );
    const closed = await post(app, `${url}/close`, { reason: 'Return interview held; plan reviewed.' }, 'team_manager');
    expect((closed.result as { state: string }).state).toBe('closed');
    await expect409(
      'police',
      { policeReference: 'X1' },
      `Episode ${e.reference} is closed, so it cannot change. Report a new episode if the child is missing again.`,
    );
  });

  it('needs a reason when the police change the risk grade', async () => {
    const e = await reportMissing(app, (await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 })).id);
    const res = await post(app, `/api/v1/episodes/${e.id}/police`, { riskGrade: 'medium' });
    expect(res.statusCode).toBe(400);
    expect(message(res)).toBe('reason is required when the risk grade changes: say why the police graded it so.');
  });
});

describe('access', () => {
  it("hides another authority's episodes, in lists too", async () => {
    const e = await reportMissing(app, (await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 })).id);
    expect((await get(`/api/v1/episodes/${e.id}`, 'social_worker', 'OTHER')).statusCode).toBe(404);
    const list = (await get('/api/v1/episodes?open=true', 'social_worker', 'OTHER')).result as { items: object[] };
    expect(list.items).toEqual([]);
    expect(
      (await post(app, `/api/v1/episodes/${e.id}/return`, { returnedAt: app.clock.now().toISOString() }, 'carer'))
        .statusCode,
    ).toBe(403);
  });

  it('shows police only the episodes a police contact was alerted about', async () => {
    await clearContacts(app);
    const before = await reportMissing(app, (await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 })).id);
    const detail = (await get(`/api/v1/episodes/${before.id}`)).result as { timeline: { summary: string }[] };
    expect(detail.timeline.map((t) => t.summary)).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'FAILED: nobody to send to. Step report_police reached nobody: no active contact or user is set up as police control room.',
        ),
      ]),
    );
    await addContacts(app);
    const after = await reportMissing(app, (await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 })).id);
    expect((await get(`/api/v1/episodes/${before.id}`, 'police')).statusCode).toBe(404);
    expect((await get(`/api/v1/episodes/${after.id}`, 'police')).statusCode).toBe(200);
    const list = (await get('/api/v1/episodes?open=true', 'police')).result as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).toEqual([after.id]);
    const reads = await app.db.dataSource.query(
      `SELECT actor_role FROM audit_events WHERE entity_id = $1 AND action = 'read'`,
      [after.id],
    );
    expect(reads).toEqual([{ actor_role: 'police' }]);
  });
});

describe('other channels', () => {
  it('opens and ends an episode from a registered carer’s texts, and refuses other numbers', async () => {
    const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 20, carer: '+447700900555' });
    await expect(
      app.services.reportMissing.reportMissingBySms(child.id, '+447700900999', app.clock.now()),
    ).rejects.toThrow(Forbidden);
    const episode = await app.services.reportMissing.reportMissingBySms(child.id, '+447700900555', app.clock.now());
    expect(episode).toMatchObject({
      reportedVia: 'sms',
      reportedByName: 'Carla Carer',
      childReference: child.reference,
    });
    expect(await rowsOf(app, episode.id, 'carer_confirmation')).toEqual([
      'carer_confirmation#0 sms Carla Carer carer-confirmation',
    ]);
    await app.services.dispatcher.drain();
    const [confirmation] = await app.db.dataSource.query(
      `SELECT body_text, address FROM notifications WHERE episode_id = $1 AND step_key = 'carer_confirmation#0'`,
      [episode.id],
    );
    expect(confirmation).toEqual({
      address: '+447700900555',
      body_text: expect.stringContaining(`We have your report, episode ${episode.reference}`),
    });
    const again = app.services.reportMissing.reportMissingBySms(child.id, '+447700900555', app.clock.now());
    await expect(again).rejects.toThrow(Conflict);
    await expect(again).rejects.toMatchObject({ details: { episodeReference: episode.reference } });
    const returned = await app.services.episodeEndings.recordReturnBySms(child.id, '+447700900555', app.clock.now());
    expect(returned).toMatchObject({ state: 'returned', returnedBy: 'Carla Carer' });
    const audit = await app.db.dataSource.query(
      `SELECT actor_user_id, authority_id IS NOT NULL AS scoped, changes->>'via' AS via FROM audit_events
      WHERE entity_id = $1 ORDER BY id`,
      [episode.id],
    );
    expect(audit).toEqual([
      { actor_user_id: null, scoped: true, via: 'sms' },
      { actor_user_id: null, scoped: true, via: 'sms' },
    ]);
  });

  // Ending a placement or care no longer closes the episode (issue 22): episode-lifecycle.test.ts walks both.
  it('keeps the open episode when the placement ends, telling no one it was found', async () => {
    const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 });
    const episode = await reportMissing(app, child.id);
    const ended = await post(app, `/api/v1/placements/${child.placementId}/end`, { reason: 'Placement breakdown' });
    expect(ended.statusCode).toBe(200);
    const detail = (await get(`/api/v1/episodes/${episode.id}`)).result as {
      state: string;
      closedAt: unknown;
      nextEscalationAt: unknown;
    };
    expect(detail).toMatchObject({ state: 'reported', closedAt: null, nextEscalationAt: expect.anything() });
    expect(await rowsOf(app, episode.id, 'found')).toEqual([]);
  });
});

describe('acknowledging', () => {
  it('refuses an unknown step and one that has sent nothing', async () => {
    const e = await reportMissing(app, (await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 })).id);
    expect((await post(app, `/api/v1/episodes/${e.id}/acknowledge`, { stepKey: 'no_such_step' })).statusCode).toBe(404);
    const early = await post(app, `/api/v1/episodes/${e.id}/acknowledge`, { stepKey: 'plus_24h' });
    expect(early.statusCode).toBe(409);
    expect(message(early)).toBe(
      `Step plus_24h has not sent any alert for episode ${e.reference}, so there is nothing to acknowledge.`,
    );
  });
});

describe('acknowledgement by a notification', () => {
  it('stops the repeats once the dispatcher marks the alert acknowledged (an SMS ACK)', async () => {
    const e = await reportMissing(app, (await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 })).id);
    await app.db.dataSource.query(
      `UPDATE notifications SET status = 'acknowledged', acknowledged_at = $2
      WHERE episode_id = $1 AND step_key = 'report_police#0' AND channel = 'sms'`,
      [e.id, app.clock.now()],
    );
    app.clock.advanceMinutes(15);
    await app.services.escalation.sweep();
    expect(await rowsOf(app, e.id, 'report_police#1')).toEqual([]);
    const { steps } = (await get(`/api/v1/episodes/${e.id}`)).result as {
      steps: { stepKey: string; repeat: number; reason: string }[];
    };
    expect(steps.find((s) => s.stepKey === 'report_police' && s.repeat === 1)?.reason).toBe(
      'The alert was acknowledged, so it is not repeated.',
    );
  });
});

it('documents the episode and policy endpoints in the OpenAPI description', async () => {
  const res = await app.server.inject({ method: 'GET', url: '/swagger.json' });
  expect(res.statusCode).toBe(200);
  const paths = Object.keys((res.result as { paths: object }).paths);
  expect(paths).toEqual(
    expect.arrayContaining([
      '/api/v1/children/{id}/episodes',
      '/api/v1/episodes/{id}/return-interview',
      '/api/v1/escalation-policy',
      '/p/{token}',
    ]),
  );
});

it('tells parents with PR on the same day unless the report suppresses it with a reason', async () => {
  const addParent = (childId: string) =>
    app.db.dataSource.query(
      `INSERT INTO guardians (authority_id, child_id, kind, name, email, created_at, updated_at)
    VALUES ((SELECT authority_id FROM children WHERE id = $1), $1, 'parent_with_pr', 'Pat Parent', 'parent@example.org', now(), now())`,
      [childId],
    );
  const told = await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 });
  const notTold = await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 });
  await addParent(told.id);
  await addParent(notTold.id);
  const a = await reportMissing(app, told.id);
  const b = await reportMissing(app, notTold.id, {
    suppressParentNotice: 'Parent suspected of involvement in trafficking',
  });
  app.clock.advanceHours(1);
  await app.services.escalation.sweep();
  expect(await rowsOf(app, a.id, 'same_day')).toContain('same_day#0 email Pat Parent same-day-notice');
  expect((await rowsOf(app, b.id, 'same_day')).some((r) => r.includes('Pat Parent'))).toBe(false);
  expect((await get(`/api/v1/episodes/${b.id}`)).result).toMatchObject({
    parentNoticeSuppressedReason: 'Parent suspected of involvement in trafficking',
  });
});
