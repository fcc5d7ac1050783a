// The signed missing-profile link in police alerts: it opens one child's profile (never the
// placement address), every opening is audited, and a tampered link is a 404 page, an expired or
// closed one a 410 page, each saying whom to call (JSON only when JSON is asked for).
import { buildTestApp, TestApp } from '../support/app';
import { addContacts, childPlaced, post, reportMissing } from '../support/escalation-fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ PUBLIC_BASE_URL: 'https://alerts.example.org', TRUSTED_PROXIES: '10.0.0.0/8' });
  await addContacts(app);
});
afterAll(async () => {
  await app.close();
});

/** The link in the police text as sent. */
async function policeLink(episodeId: string): Promise<string> {
  await app.services.dispatcher.drain();
  const [row] = await app.db.dataSource.query(
    `SELECT body_text FROM notifications WHERE episode_id = $1 AND step_key = 'report_police#0' AND channel = 'sms'`,
    [episodeId],
  );
  const url = /https:\/\/alerts\.example\.org(\/p\/[A-Za-z0-9_-]+)/.exec(row.body_text);
  return url![1];
}

it('queues the alert naming the link it will carry, and signs that link only as the alert is sent', async () => {
  const { episode } = await missingChild();
  const [queued] = await app.db.dataSource.query(
    `SELECT data FROM notifications WHERE episode_id = $1 AND step_key = 'report_police#0' AND channel = 'sms'`,
    [episode.id],
  );
  expect(queued.data).toMatchObject({
    linkAudience: 'police',
    linkExpiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
  });
  expect(JSON.stringify(queued.data)).not.toContain('/p/');
  const path = await policeLink(episode.id);
  const opened = await app.server.inject({ method: 'GET', url: path, headers: { accept: 'application/json' } });
  expect(opened.statusCode).toBe(200);
  expect(new Date(JSON.parse(opened.payload).expiresAt)).toEqual(new Date(queued.data.linkExpiresAt));
});

it("audits an opening through the load balancer with the officer's address, not the balancer's", async () => {
  const { episode } = await missingChild();
  const path = await policeLink(episode.id);
  const opened = await app.server.inject({
    url: path,
    remoteAddress: '10.0.0.7',
    headers: { 'x-forwarded-for': '198.51.100.40' },
  });
  expect(opened.statusCode).toBe(200);
  // The link has no user to give a request context; its audit line still keeps the address in its ip column, as every
  // line does.
  const audit = await app.db.dataSource.query(
    `SELECT ip FROM audit_events WHERE entity_id = $1 AND action = 'open_link'`,
    [episode.id],
  );
  expect(audit).toEqual([{ ip: '198.51.100.40' }]);
});

async function missingChild() {
  const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 2 });
  await app.db.dataSource.query(
    `INSERT INTO missing_profiles (child_id, authority_id, physical_description, distinguishing_marks, languages, phones, updated_at)
    VALUES ($1, (SELECT authority_id FROM children WHERE id = $1), 'Slim, 160 cm, short black hair', 'Scar above left eyebrow', '{Tigrinya,Arabic}',
    '[{"number":"+447700900777","handset":"Black Samsung"}]', now())`,
    [child.id],
  );
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
  expect(json.result).toMatchObject({
    audience: 'police',
    episode: { reference: episode.reference },
    child: { reference: child.reference },
    profile: { languages: ['Tigrinya', 'Arabic'], phones: [{ number: '+447700900777', handset: 'Black Samsung' }] },
  });
  expect(json.payload).not.toContain('Secret Road');
  const audit = await app.db.dataSource.query(
    `SELECT action, actor_user_id, authority_id IS NOT NULL AS scoped, child_id, changes->>'audience' AS audience
    FROM audit_events WHERE entity_id = $1 AND action = 'open_link'`,
    [episode.id],
  );
  expect(audit).toEqual([
    { action: 'open_link', actor_user_id: null, scoped: true, child_id: child.id, audience: 'police' },
    { action: 'open_link', actor_user_id: null, scoped: true, child_id: child.id, audience: 'police' },
  ]);
});

it('refuses a tampered link with a GOV.UK page, not JSON, and a plain sentence to JSON clients', async () => {
  const { episode } = await missingChild();
  const path = await policeLink(episode.id);
  const tampered = path.slice(0, -1) + (path.endsWith('A') ? 'B' : 'A');
  const res = await app.server.inject({ method: 'GET', url: tampered });
  expect(res.statusCode).toBe(404);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  expect(res.payload).toContain('This link is not valid');
  expect(res.payload).toContain('services duty team of the local authority that sent you the alert.');
  expect(() => JSON.parse(res.payload)).toThrow();
  const json = await app.server.inject({ method: 'GET', url: tampered, headers: { accept: 'application/json' } });
  expect(json.statusCode).toBe(404);
  expect((json.result as { message: string }).message).toBe(
    'This link is not valid. Use the link exactly as it was sent, or ask the duty team for a new one.',
  );
});

it('answers a closed or expired link with a 410 page naming the duty number to call', async () => {
  const first = await missingChild();
  const second = await missingChild();
  const closing = await policeLink(first.episode.id);
  // Ending the placement no longer closes the episode (issue 22): a manager closes it, with a reason.
  expect(
    (await post(app, `/api/v1/episodes/${first.episode.id}/close`, { reason: 'Closed by the manager' }, 'team_manager'))
      .statusCode,
  ).toBe(200);
  const closed = await app.server.inject({ method: 'GET', url: closing });
  expect(closed.statusCode).toBe(410);
  expect(closed.headers['content-type']).toMatch(/^text\/html/);
  expect(closed.headers['cache-control']).toBe('no-store');
  expect(closed.payload).toContain('This missing episode has closed');
  expect(closed.payload).toContain('href="tel:+447700900203">07700 900203</a>');
  expect(closed.payload).not.toContain('Secret');
  const closedJson = await app.server.inject({ method: 'GET', url: closing, headers: { accept: 'application/json' } });
  expect(closedJson.statusCode).toBe(410);
  expect((closedJson.result as { message: string }).message).toBe(
    `This link stopped working when episode ${first.episode.reference} closed.`,
  );
  const expiring = await policeLink(second.episode.id);
  app.clock.advanceHours(7 * 24);
  const expired = await app.server.inject({ method: 'GET', url: expiring });
  expect(expired.statusCode).toBe(410);
  expect(expired.headers['content-type']).toMatch(/^text\/html/);
  expect(expired.payload).toContain('This link has expired');
  expect(expired.payload).toContain('07700 900203');
  expect(() => JSON.parse(expired.payload)).toThrow();
  const expiredJson = await app.server.inject({
    method: 'GET',
    url: expiring,
    headers: { accept: 'application/json' },
  });
  expect((expiredJson.result as { message: string }).message).toBe(
    'This link has expired. Ask the duty team for a new one.',
  );
});

it("shows the duty number, the last sighting, the carers' updates and the current police grade, styled without inline style", async () => {
  const { episode } = await missingChild();
  const sighting = await post(app, `/api/v1/episodes/${episode.id}/sightings`, {
    at: app.clock.now().toISOString(),
    where: 'Victoria coach station',
    details: 'With two adults',
  });
  expect(sighting.statusCode).toBe(200);
  await app.db.dataSource.query(
    `INSERT INTO episode_events (episode_id, authority_id, at, type, summary, actor_name)
    SELECT id, authority_id, now(), 'carer_update', 'Update from the carer by text: her friend says she took the 22:10 bus', 'Carer (by text)' FROM missing_episodes WHERE id = $1`,
    [episode.id],
  );
  const graded = await post(app, `/api/v1/episodes/${episode.id}/police`, {
    riskGrade: 'medium',
    reason: 'Seen, not with adults',
  });
  expect(graded.statusCode).toBe(200);
  const page = await app.server.inject({ url: await policeLink(episode.id) });
  expect(page.statusCode).toBe(200);
  expect(page.payload).toContain('href="tel:+447700900203">07700 900203</a>');
  expect(page.payload).toContain('Victoria coach station');
  expect(page.payload).toContain('her friend says she took the 22:10 bus');
  expect(page.payload).toContain('Medium (police grade)');
  expect(page.payload).not.toContain('<strong>High risk.</strong>');
  expect(page.payload).toContain('<link rel="stylesheet" href="/app-assets/app.css">');
  expect(page.payload).not.toMatch(/<style|style="/);
  const css = await app.server.inject('/app-assets/app.css');
  expect(css.statusCode).toBe(200);
  expect(page.headers['content-security-policy']).toContain("style-src 'self'");
});
