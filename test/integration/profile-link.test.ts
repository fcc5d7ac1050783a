// The signed missing-profile link in police alerts: it opens one child's profile (never the
// placement address), every opening is audited, and a tampered, expired or closed link is a 401.
import { buildTestApp, TestApp } from '../support/app';
import { addContacts, childPlaced, post, reportMissing } from '../support/escalation-fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ PUBLIC_BASE_URL: 'https://alerts.example.org', TRUSTED_PROXIES: '10.0.0.0/8' });
  await addContacts(app);
});
afterAll(async () => { await app.close(); });

/** The link in the police text as sent. */
async function policeLink(episodeId: string): Promise<string> {
  await app.services.dispatcher.drain();
  const [row] = await app.db.dataSource.query(`SELECT body_text FROM notifications WHERE episode_id = $1 AND step_key = 'report_police#0' AND channel = 'sms'`, [episodeId]);
  const url = /https:\/\/alerts\.example\.org(\/p\/[A-Za-z0-9_-]+)/.exec(row.body_text);
  return url![1];
}

it('queues the alert naming the link it will carry, and signs that link only as the alert is sent', async () => {
  const { episode } = await missingChild();
  const [queued] = await app.db.dataSource.query(`SELECT data FROM notifications WHERE episode_id = $1 AND step_key = 'report_police#0' AND channel = 'sms'`, [episode.id]);
  expect(queued.data).toMatchObject({ linkAudience: 'police', linkExpiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  expect(JSON.stringify(queued.data)).not.toContain('/p/');
  const path = await policeLink(episode.id);
  const opened = await app.server.inject({ method: 'GET', url: path, headers: { accept: 'application/json' } });
  expect(opened.statusCode).toBe(200);
  expect(new Date(JSON.parse(opened.payload).expiresAt)).toEqual(new Date(queued.data.linkExpiresAt));
});

it("audits an opening through the load balancer with the officer's address, not the balancer's", async () => {
  const { episode } = await missingChild();
  const path = await policeLink(episode.id);
  const opened = await app.server.inject({ url: path, remoteAddress: '10.0.0.7', headers: { 'x-forwarded-for': '198.51.100.40' } });
  expect(opened.statusCode).toBe(200);
  // The link has no user to give a request context; its audit line still keeps the address in its ip column, as every line does.
  const audit = await app.db.dataSource.query(`SELECT ip FROM audit_events WHERE entity_id = $1 AND action = 'open_link'`, [episode.id]);
  expect(audit).toEqual([{ ip: '198.51.100.40' }]);
});

async function missingChild() {
  const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 2 });
  await app.db.dataSource.query(`INSERT INTO missing_profiles (child_id, authority_id, physical_description, distinguishing_marks, languages, phones, updated_at)
    VALUES ($1, (SELECT authority_id FROM children WHERE id = $1), 'Slim, 160 cm, short black hair', 'Scar above left eyebrow', '{Tigrinya,Arabic}',
    '[{"number":"+447700900777","handset":"Black Samsung"}]', now())`, [child.id]);
  return { child, episode: await reportMissing(app, child.id) };
}

it('opens the profile as a page and as JSON, without the placement address, and audits each opening', async () => {
  const { child, episode } = await missingChild();
  const path = await policeLink(episode.id);
  const page = await app.server.inject({ method: 'GET', url: path });
  expect(page.statusCode).toBe(200);
  expect(page.headers['content-type']).toMatch(/^text\/html/);
  expect(page.headers['cache-control']).toBe('no-store');
  expect(page.payload).toContain(`Missing child ${child.reference}`);
  expect(page.payload).toContain('Scar above left eyebrow');
  expect(page.payload).toContain('Secret Name');
  expect(page.payload).not.toContain('Secret Road');
  const json = await app.server.inject({ method: 'GET', url: path, headers: { accept: 'application/json' } });
  expect(json.result).toMatchObject({ audience: 'police', episode: { reference: episode.reference }, child: { reference: child.reference },
    profile: { languages: ['Tigrinya', 'Arabic'], phones: [{ number: '+447700900777', handset: 'Black Samsung' }] } });
  expect(json.payload).not.toContain('Secret Road');
  const audit = await app.db.dataSource.query(`SELECT action, actor_user_id, authority_id IS NOT NULL AS scoped, child_id, changes->>'audience' AS audience
    FROM audit_events WHERE entity_id = $1 AND action = 'open_link'`, [episode.id]);
  expect(audit).toEqual([
    { action: 'open_link', actor_user_id: null, scoped: true, child_id: child.id, audience: 'police' },
    { action: 'open_link', actor_user_id: null, scoped: true, child_id: child.id, audience: 'police' },
  ]);
});

it('refuses a tampered link with a plain sentence', async () => {
  const { episode } = await missingChild();
  const path = await policeLink(episode.id);
  const tampered = path.slice(0, -1) + (path.endsWith('A') ? 'B' : 'A');
  const res = await app.server.inject({ method: 'GET', url: tampered });
  expect(res.statusCode).toBe(401);
  expect((res.result as { message: string }).message).toBe('This link is not valid. Use the link exactly as it was sent, or ask the duty team for a new one.');
});

it('refuses a link once the episode closes, and once it expires', async () => {
  const first = await missingChild();
  const second = await missingChild();
  const closing = await policeLink(first.episode.id);
  // Ending the placement no longer closes the episode (issue 22): a manager closes it, with a reason.
  expect((await post(app, `/api/v1/episodes/${first.episode.id}/close`, { reason: 'Closed by the manager' }, 'team_manager')).statusCode).toBe(200);
  const closed = await app.server.inject({ method: 'GET', url: closing });
  expect(closed.statusCode).toBe(401);
  expect((closed.result as { message: string }).message).toBe(`This link stopped working when episode ${first.episode.reference} closed.`);
  const expiring = await policeLink(second.episode.id);
  app.clock.advanceHours(7 * 24);
  const expired = await app.server.inject({ method: 'GET', url: expiring });
  expect(expired.statusCode).toBe(401);
  expect((expired.result as { message: string }).message).toBe('This link has expired. Ask the duty team for a new one.');
});
