// A step with nobody to send to is a failure shown to people, never "sent": recorded as such, shown on
// the episode page and the dashboard, and told to the duty manager. The policy page names the roles
// with nobody, and a policy without a police step at the report cannot be saved.
import { defaultPolicy } from '../../src/escalation/default-policy';
import { bearer, buildTestApp, TestApp } from '../support/app';
import { addContacts, authorityId, childPlaced, reportMissing } from '../support/escalation-fixtures';
import { pageSession } from '../support/pages';

let app: TestApp;
const logLines: string[] = [];
const HOUR = 3_600_000;

beforeAll(async () => {
  app = await buildTestApp({}, { logLines });
});
afterAll(async () => {
  await app.close();
});
beforeEach(async () => {
  await addContacts(app);
  app.clock.set(new Date(app.clock.now().getTime() + 10 * 86_400_000));
});

async function withoutContact(role: string) {
  await app.db.dataSource.query('UPDATE contacts SET active = false WHERE authority_id = $1 AND role = $2', [
    await authorityId(app),
    role,
  ]);
}

/**
 * A child not at risk from the start, reported now, its police alert left unacknowledged until the missing persons
 * unit's turn.
 */
async function policeAlertMovesOn() {
  const episode = await reportMissing(app, (await childPlaced(app, { trafficking: 'not_trafficked', daysAgo: 60 })).id);
  app.clock.set(new Date(app.clock.now().getTime() + 0.5 * HOUR));
  await app.services.escalation.sweep();
  return episode as { id: string; reference: string };
}

const runOf = async (episodeId: string, stepKey: string) =>
  (
    await app.db.dataSource.query(
      'SELECT outcome, notifications, summary FROM escalation_runs WHERE episode_id = $1 AND step_key = $2',
      [episodeId, stepKey],
    )
  )[0];
const dutyMessages = async (episodeId: string) =>
  app.db.dataSource.query(
    `SELECT channel, recipient_name, template, data->>'roles' AS roles, data->>'stepKey' AS step FROM notifications
  WHERE episode_id = $1 AND template = 'step-unreached' ORDER BY channel`,
    [episodeId],
  );

it('records a step with no active recipient as failed, shows it on the episode page and the dashboard, and tells the duty manager', async () => {
  await withoutContact('missing_persons_unit');
  const episode = await policeAlertMovesOn();
  const run = await runOf(episode.id, 'report_police_next');
  expect(run).toMatchObject({ outcome: 'unreached', notifications: 0 });
  expect(run.summary).toMatch(
    /^FAILED: nobody to send to\. Step report_police_next reached nobody: no active contact or user is set up as missing persons unit\./,
  );
  expect(await dutyMessages(episode.id)).toEqual([
    {
      channel: 'sms',
      recipient_name: 'Duty team manager',
      template: 'step-unreached',
      roles: 'missing persons unit',
      step: 'report_police_next',
    },
  ]);

  const api = await app.server.inject({
    method: 'GET',
    url: `/api/v1/episodes/${episode.id}`,
    headers: bearer(await app.tokenFor('team_manager')),
  });
  expect(
    (api.result as { steps: { stepKey: string; outcome: string }[] }).steps.find(
      (s) => s.stepKey === 'report_police_next',
    ),
  ).toMatchObject({ outcome: 'unreached' });
  const page = await pageSession(app, 'team_manager');
  const episodePage = (await page.get(`/episodes/${episode.id}`)).payload;
  expect(episodePage).toContain('Escalation failed: nobody to send to');
  expect(episodePage).toMatch(
    /Missing persons unit told \(police control room did not acknowledge\) \([^)]+\): FAILED: nobody to send to/,
  );
  // Shown to people: no step key (a form's hidden value is not shown) and no decimal hours.
  expect(episodePage.replace(/value="[^"]*"/g, '')).not.toMatch(/report_police|Due 0\.5 hours/);
  expect(episodePage).not.toMatch(/report_police_next<\/td>\s*<td class="govuk-table__cell"[^>]*>Sent/);
  const dashboard = (await page.get('/')).payload;
  expect(dashboard).toContain('Escalation steps with nobody to send to');
  expect(dashboard).toContain(`>${episode.reference}</a>`);
  // A step that reached someone is no failure, on either page.
  expect(dashboard.split('Escalation steps with nobody to send to')[1]).not.toContain('report_police#');
  // In Welsh, what happened reads in Welsh from the run's key, not the English kept beside it.
  const welsh = (await page.get('/?lang=cy')).payload
    .split('Camau uwchgyfeirio heb neb i anfon atynt')[1]
    .split('</table>')[0];
  await page.get('/?lang=en');
  expect(welsh).toContain(`>${episode.reference}</a>`);
  expect(welsh).not.toContain('lang="en"');
  expect(welsh).not.toContain('nobody to send to');
});

it('a step that reaches its contacts is sent, not failed, and nobody is told of a gap', async () => {
  const episode = await policeAlertMovesOn();
  expect(await runOf(episode.id, 'report_police_next')).toMatchObject({ outcome: 'fired', notifications: 1 });
  expect(await dutyMessages(episode.id)).toEqual([]);
  expect((await (await pageSession(app, 'team_manager')).get(`/episodes/${episode.id}`)).payload).not.toContain(
    'Escalation failed',
  );
});

it('with no duty manager to tell either, logs a warning that names no one', async () => {
  await withoutContact('missing_persons_unit');
  await withoutContact('duty_manager');
  logLines.length = 0;
  const episode = await policeAlertMovesOn();
  expect(await runOf(episode.id, 'report_police_next')).toMatchObject({ outcome: 'unreached' });
  expect(await dutyMessages(episode.id)).toEqual([]);
  const warnings = logLines.filter((l) => l.includes('no active duty manager to tell')).map((l) => JSON.parse(l));
  expect(warnings).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ episodeId: episode.id, stepKey: 'report_police_next', dutyManagerTold: false }),
    ]),
  );
  expect(warnings.map((w) => JSON.stringify(w)).join()).not.toMatch(/Secret|\+447700/);
});

it('the policy page names the roles the policy uses that have no active contact', async () => {
  await withoutContact('ceop');
  const admin = await pageSession(app, 'administrator');
  const gaps = /id="roles-with-nobody"[\s\S]*?<\/div>/.exec((await admin.get('/admin/policy')).payload)?.[0] ?? '';
  expect(gaps).toContain('CEOP (National Crime Agency)');
  expect(gaps).not.toContain('Police control room');
  await addContacts(app);
  expect((await admin.get('/admin/policy')).payload).not.toContain('id="roles-with-nobody"');
});

describe('a policy without a police step at the report', () => {
  const refusal = 'The policy must tell police at the report';
  const policeLater = {
    ...defaultPolicy,
    steps: defaultPolicy.steps.map((s) => (s.key === 'report_police' ? { ...s, delayMinutes: 15 } : s)),
  };
  const noPolice = { ...defaultPolicy, steps: defaultPolicy.steps.filter((s) => s.key !== 'report_police') };
  const awayOnly = {
    ...defaultPolicy,
    steps: defaultPolicy.steps.map((s) => (s.key === 'report_police' ? { ...s, when: { kind: ['A'] } } : s)),
  };

  it.each([
    ['no police step', noPolice],
    ['police told 15 minutes later', policeLater],
    ['police told for away episodes only', awayOnly],
  ])('is refused through the API: %s', async (_name, policy) => {
    const res = await app.server.inject({
      method: 'PUT',
      url: '/api/v1/escalation-policy',
      payload: policy,
      headers: bearer(await app.tokenFor('administrator')),
    });
    expect(res.statusCode).toBe(400);
    expect((res.result as { message: string }).message).toContain(refusal);
  });

  it('is refused on the page with the sentence, and the default is accepted', async () => {
    const admin = await pageSession(app, 'administrator');
    const refused = await admin.post('/admin/policy/edit', { policy: JSON.stringify(noPolice) });
    expect(refused.statusCode).toBe(400);
    expect(refused.payload).toContain('govuk-error-summary');
    expect(refused.payload).toContain(refusal);
    expect((await admin.post('/admin/policy/edit', { policy: JSON.stringify(defaultPolicy) })).statusCode).toBe(303);
  });
});
