// Acknowledging an alert where it is read: the episode page's button and the signed profile link's
// button stop the step's repeats (and the move to the next contact) as an SMS "ACK <code>" does;
// each is audited and on the timeline. Repeats state the current police grade. Through the real
// twilio SDK (fake Twilio API) and real SMTP.
import type { TestApp } from '../support/app';
import { buildDeliveryTestApp, DeliveryTestApp, PUBLIC_BASE_URL } from '../support/delivery';
import { addContacts, childPlaced, post, reportMissing } from '../support/escalation-fixtures';
import { pageSession } from '../support/pages';

let t: DeliveryTestApp;
let app: TestApp;
beforeAll(async () => {
  t = await buildDeliveryTestApp();
  app = t.app;
  await addContacts(app);
});
afterAll(async () => {
  await t.close();
});

const q = (sql: string, params: unknown[] = []) => app.db.dataSource.query(sql, params);

async function missingChild() {
  const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 2 });
  return reportMissing(app, child.id);
}

/** The path of the link in the police control room's text for a step run, as sent. */
async function policeLink(episodeId: string, run = 'report_police#0'): Promise<string> {
  await app.services.dispatcher.drain();
  const [row] = await q(
    `SELECT body_text FROM notifications WHERE episode_id = $1 AND step_key = $2 AND channel = 'sms'`,
    [episodeId, run],
  );
  return new RegExp(`${PUBLIC_BASE_URL}(/p/[A-Za-z0-9_-]+)`).exec(row.body_text)![1];
}

const queuedFor = async (episodeId: string, run: string) =>
  (await q('SELECT count(*)::int AS n FROM notifications WHERE episode_id = $1 AND step_key = $2', [episodeId, run]))[0]
    .n as number;

/** Moves past the police alert's 15-minute repeat and sweeps, as the scheduled job would. */
async function pastRepeat(minutes = 16) {
  app.clock.advanceMinutes(minutes);
  await app.services.escalation.sweep();
}

it('the episode page offers Acknowledge to police, and pressing it stops the repeats and the move to the next contact', async () => {
  const acknowledged = await missingChild();
  const control = await missingChild();
  const police = await pageSession(app, 'police');
  const before = await police.get(`/episodes/${acknowledged.id}`);
  expect(before.statusCode).toBe(200);
  expect(before.payload).toContain('Acknowledge: Police control room told');
  const pressed = await police.post(`/episodes/${acknowledged.id}/acknowledge`, { stepKey: 'report_police' });
  expect(pressed.statusCode).toBe(303);
  expect(pressed.headers.location).toBe(`/episodes/${acknowledged.id}#acknowledge`);
  // A second press (a double click, a refresh) changes nothing.
  expect((await police.post(`/episodes/${acknowledged.id}/acknowledge`, { stepKey: 'report_police' })).statusCode).toBe(
    303,
  );
  const events = await q(
    `SELECT actor_name, summary FROM episode_events WHERE episode_id = $1 AND type = 'acknowledged'`,
    [acknowledged.id],
  );
  expect(events).toEqual([
    {
      actor_name: 'PC Pat Police',
      summary: 'PC Pat Police acknowledged the alert “Police control room told”; it will not be repeated.',
    },
  ]);
  const audit = await q(
    `SELECT actor_role, changes FROM audit_events WHERE entity_id = $1 AND action = 'acknowledge'`,
    [acknowledged.id],
  );
  expect(audit).toEqual([
    { actor_role: 'police', changes: { stepKey: 'report_police' } },
    { actor_role: 'police', changes: { stepKey: 'report_police' } },
  ]);
  expect((await police.get(`/episodes/${acknowledged.id}`)).payload).not.toContain(
    'Acknowledge: Police control room told',
  );

  await pastRepeat();
  expect(await queuedFor(acknowledged.id, 'report_police#1')).toBe(0);
  expect(await queuedFor(control.id, 'report_police#1')).toBeGreaterThan(0);
  await pastRepeat(15);
  expect(await queuedFor(acknowledged.id, 'report_police_next#0')).toBe(0);
  expect(await queuedFor(control.id, 'report_police_next#0')).toBeGreaterThan(0);
});

it('offers no Acknowledge button to a role that may not acknowledge', async () => {
  const episode = await missingChild();
  const group = await pageSession(app, 'group_member');
  const page = await group.get(`/episodes/${episode.id}`);
  expect(page.statusCode).toBe(200);
  expect(page.payload).not.toContain('Acknowledge: ');
  expect((await group.post(`/episodes/${episode.id}/acknowledge`, { stepKey: 'report_police' })).statusCode).toBe(403);
  expect(await q(`SELECT 1 FROM episode_events WHERE episode_id = $1 AND type = 'acknowledged'`, [episode.id])).toEqual(
    [],
  );
});

it("the profile link's Acknowledge acts as the contact the link was sent to, once, and stops the repeats", async () => {
  const acknowledged = await missingChild();
  const control = await missingChild();
  const link = await policeLink(acknowledged.id);
  const page = await app.server.inject({ url: link });
  expect(page.payload).toContain(`action="${link}/acknowledge"`);
  const pressed = await app.server.inject({
    method: 'POST',
    url: `${link}/acknowledge`,
    remoteAddress: '198.51.100.7',
  });
  expect(pressed.statusCode).toBe(303);
  expect(pressed.headers.location).toBe(`${link}#acknowledge`);
  expect((await app.server.inject({ method: 'POST', url: `${link}/acknowledge` })).statusCode).toBe(303);

  const events = await q(
    `SELECT actor_name, actor_user_id, step_key FROM episode_events WHERE episode_id = $1 AND type = 'acknowledged'`,
    [acknowledged.id],
  );
  expect(events).toEqual([
    { actor_name: 'Police control room (through the profile link)', actor_user_id: null, step_key: 'report_police' },
  ]);
  const messages = await q(
    `SELECT channel, status, acknowledged_at IS NOT NULL AS acked FROM notifications WHERE episode_id = $1 AND step_key = 'report_police#0'
    ORDER BY channel`,
    [acknowledged.id],
  );
  expect(messages).toEqual([
    { channel: 'email', status: 'acknowledged', acked: true },
    { channel: 'sms', status: 'acknowledged', acked: true },
  ]);
  const audit = await q(`SELECT ip, changes FROM audit_events WHERE entity_id = $1 AND action = 'acknowledge'`, [
    acknowledged.id,
  ]);
  expect(audit).toEqual([
    { ip: '198.51.100.7', changes: { audience: 'police', steps: ['report_police'], via: 'profile_link' } },
  ]);
  const after = await app.server.inject({ url: link });
  expect(after.payload).toContain('The alert has been acknowledged');
  expect(after.payload).not.toContain(`action="${link}/acknowledge"`);

  await pastRepeat();
  expect(await queuedFor(acknowledged.id, 'report_police#1')).toBe(0);
  expect(await queuedFor(control.id, 'report_police#1')).toBeGreaterThan(0);
});

it('a team link carries no alert to acknowledge, and a tampered link acknowledges nothing', async () => {
  // A child not high risk from the first minute: at the report only the team's link goes out to professionals.
  const episode = await reportMissing(app, (await childPlaced(app, { trafficking: 'not_trafficked', daysAgo: 60 })).id);
  await app.services.dispatcher.drain();
  const [team] = await q(
    `SELECT body_text FROM notifications WHERE episode_id = $1 AND step_key = 'report_team#0' AND channel = 'sms' LIMIT 1`,
    [episode.id],
  );
  const teamLink = new RegExp(`${PUBLIC_BASE_URL}(/p/[A-Za-z0-9_-]+)`).exec(team.body_text)![1];
  expect((await app.server.inject({ url: teamLink })).payload).not.toContain('/acknowledge"');
  expect((await app.server.inject({ method: 'POST', url: `${teamLink}/acknowledge` })).statusCode).toBe(303);
  const link = await policeLink(episode.id);
  const tampered = link.slice(0, -1) + (link.endsWith('A') ? 'B' : 'A');
  const refused = await app.server.inject({ method: 'POST', url: `${tampered}/acknowledge` });
  expect(refused.statusCode).toBe(404);
  expect(refused.headers['content-type']).toMatch(/^text\/html/);
  expect(await q(`SELECT 1 FROM episode_events WHERE episode_id = $1 AND type = 'acknowledged'`, [episode.id])).toEqual(
    [],
  );
});

it('a repeat after police graded the risk medium states the medium grade, not HIGH RISK', async () => {
  const episode = await missingChild();
  await app.services.dispatcher.drain();
  const first = t.twilio.messages.filter(
    (m) => m.body.includes(`(episode ${episode.reference})`) && m.to === '+447700900201',
  );
  expect(first.map((m) => m.body)).toEqual([expect.stringContaining('HIGH RISK')]);
  const graded = await post(app, `/api/v1/episodes/${episode.id}/police`, {
    policeReference: 'CAD-77',
    riskGrade: 'medium',
    reason: 'Seen with a friend',
  });
  expect(graded.statusCode).toBe(200);
  await pastRepeat();
  await app.services.dispatcher.drain();
  const [repeat] = await q(
    `SELECT body_text FROM notifications WHERE episode_id = $1 AND step_key = 'report_police#1' AND channel = 'sms'`,
    [episode.id],
  );
  expect(repeat.body_text).toContain(`MISSING child ref`);
  expect(repeat.body_text).not.toContain('HIGH RISK');
  const sent = t.twilio.messages.filter(
    (m) => m.body.includes(`(episode ${episode.reference})`) && m.to === '+447700900201',
  );
  expect(sent).toHaveLength(2);
  expect(sent[1].body).not.toContain('HIGH RISK');
  const [mail] = await q(
    `SELECT subject FROM notifications WHERE episode_id = $1 AND step_key = 'report_police#1' AND channel = 'email'`,
    [episode.id],
  );
  expect(mail.subject).toContain('Medium risk');
});
