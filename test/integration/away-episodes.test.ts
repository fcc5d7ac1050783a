// Away is not missing: an A episode (whereabouts known, carer concerned) tells the social worker and
// the duty manager, never police; changing it to M is one action that starts the missing ladder from
// that moment and says so on the timeline.
import { bearer, buildTestApp, TestApp } from '../support/app';
import { pageSession } from '../support/pages';
import { demoChildId } from '../support/records';

let app: TestApp;
let episodeId: string;
beforeAll(async () => {
  app = await buildTestApp();
  const childId = await demoChildId(app, 'M4RT');
  const res = await app.server.inject({
    method: 'POST',
    url: `/api/v1/children/${childId}/episodes`,
    headers: bearer(await app.tokenFor('social_worker')),
    payload: { kind: 'A', discoveredAt: new Date(app.clock.now().getTime() - 600_000).toISOString() },
  });
  expect(res.statusCode).toBe(201);
  episodeId = (res.result as { id: string }).id;
});
afterAll(async () => {
  await app.close();
});

const messages = async () =>
  (
    await app.db.dataSource.query(
      `SELECT template, recipient_type, recipient_name FROM notifications WHERE episode_id = $1 ORDER BY template, recipient_name`,
      [episodeId],
    )
  ).map((n: { template: string; recipient_name: string }) => `${n.template} ${n.recipient_name}`);

it('tells the social worker and the duty manager, and sends police nothing', async () => {
  const sent = await messages();
  expect(sent.filter((m: string) => m.startsWith('away-notice'))).toEqual(
    expect.arrayContaining(['away-notice Duty manager', 'away-notice Sam Social-Worker']),
  );
  expect(sent.filter((m: string) => m.startsWith('missing-alert') || m.startsWith('high-risk'))).toEqual([]);
});

it('sends police nothing a day later either', async () => {
  app.clock.advanceHours(26);
  await app.services.escalation.sweep();
  expect((await messages()).filter((m: string) => /missing-alert|escalation-24h|high-risk/.test(m))).toEqual([]);
});

it('offers "Change to missing" on the episode page, and the change starts the missing ladder now', async () => {
  const page = await pageSession(app, 'social_worker');
  expect((await page.get(`/episodes/${episodeId}`)).payload).toContain('Change to missing');
  const res = await page.post(`/episodes/${episodeId}/change-to-missing`, {
    reason: "Not at her friend's any more; nobody knows where she is",
  });
  expect(res.statusCode).toBe(303);
  const sent = await messages();
  expect(sent).toEqual(expect.arrayContaining(['missing-alert Force control room']));
  // Measured from the change, not the discovery 26 hours ago: no +24 h alert yet.
  expect(sent.filter((m: string) => m.startsWith('escalation-24h'))).toEqual([]);
  const [line] = await app.db.dataSource.query(
    `SELECT summary FROM episode_events WHERE episode_id = $1 AND type = 'changed_to_missing'`,
    [episodeId],
  );
  expect(line.summary).toMatch(
    /^Changed from away \(whereabouts known\) to missing \(whereabouts unknown\); the missing ladder starts now\./,
  );
  expect((await page.get(`/episodes/${episodeId}`)).payload).not.toContain('Change to missing');
});

it('fires +24 hours a day after the change', async () => {
  app.clock.advanceHours(24);
  await app.services.escalation.sweep();
  expect((await messages()).filter((m: string) => m.startsWith('escalation-24h')).length).toBeGreaterThan(0);
});

it('refuses a second change with a sentence', async () => {
  const res = await app.server.inject({
    method: 'POST',
    url: `/api/v1/episodes/${episodeId}/change-to-missing`,
    headers: bearer(await app.tokenFor('social_worker')),
    payload: { reason: 'again' },
  });
  expect(res.statusCode).toBe(409);
  expect(res.payload).toContain('is already a missing episode');
});
