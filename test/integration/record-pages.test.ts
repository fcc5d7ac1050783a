// Pages for what only the API did: add a child, a trafficking assessment, an NRM referral and its
// decisions, change or end a guardian, a sighting, a meeting's status and minutes. Each saves through
// the page as an allowed role, is refused to others, and re-renders errors with the GOV.UK summary.
import { fieldsFor } from '../../src/platform/views/date-time-fields';
import { bearer, buildTestApp, TestApp } from '../support/app';
import { PageSession, pageSession } from '../support/pages';
import { demoChildId } from '../support/records';

let app: TestApp;
let sw: PageSession;
let member: PageSession;
let childId: string;
beforeAll(async () => {
  app = await buildTestApp();
  sw = await pageSession(app, 'social_worker');
  member = await pageSession(app, 'group_member');
  childId = await demoChildId(app, 'M4RT');
});
afterAll(async () => {
  await app.close();
});

const q = (sql: string, params: unknown[] = []) => app.db.dataSource.query(sql, params);
const now = (prefix: string) => fieldsFor(app.clock.now(), 'Europe/London', prefix);
const date = (prefix: string) => {
  const { [`${prefix}Time`]: _t, ...d } = now(prefix);
  return d;
};
const summary = (res: { statusCode: number; payload: string }, message: string) => {
  expect(res.statusCode).toBe(400);
  expect(res.payload).toContain('govuk-error-summary');
  expect(res.payload).toContain(message);
};

it('adds a child from the children list', async () => {
  expect((await sw.get('/children')).payload).toContain('href="/children/new"');
  const child = {
    firstNames: 'Ilvana',
    lastName: 'Porrith',
    localId: '',
    dobDay: '3',
    dobMonth: '4',
    dobYear: '2011',
    sex: '2',
    traffickingStatus: 'suspected',
  };
  summary(await sw.post('/children/new', { ...child, lastName: '', sex: '' }), 'Enter their last name');
  const ok = await sw.post('/children/new', child);
  expect(ok.statusCode).toBe(303);
  expect((await sw.get(String(ok.headers.location))).payload).toContain('Ilvana Porrith');
  const [row] = await q("SELECT reference, local_id FROM children WHERE first_names = 'Ilvana'");
  expect(row.local_id).toBe(row.reference);
  expect((await member.get('/children/new')).statusCode).toBe(403);
  expect((await member.post('/children/new', child)).statusCode).toBe(403);
});

it('records a trafficking assessment from the child’s record', async () => {
  expect((await sw.get(`/children/${childId}`)).payload).toContain(`/children/${childId}/trafficking-assessments/new`);
  const url = `/children/${childId}/trafficking-assessments/new`;
  const form = { indicators: ['debt_bondage'], outcome: '', assessor: 'Sam Worker', ...date('assessed'), notes: '' };
  summary(await sw.post(url, form), 'Select the outcome');
  summary(await sw.post(url, { ...form, outcome: 'no_indicators' }), 'outcome cannot be no_indicators');
  expect((await sw.post(url, { ...form, outcome: 'indicators_present' })).statusCode).toBe(303);
  expect((await sw.get(`/children/${childId}`)).payload).toContain('Debt bondage');
  expect((await member.post(url, { ...form, outcome: 'indicators_present' })).statusCode).toBe(403);
});

it('records an NRM referral, then its decisions', async () => {
  const url = `/children/${childId}/nrm-referrals/new`;
  const form = { ...date('referred'), firstResponder: '', reference: '', decisionMaker: 'devolved_panel' };
  summary(await sw.post(url, form), 'Enter the first responder organisation');
  expect((await sw.post(url, { ...form, firstResponder: 'Port team' })).statusCode).toBe(303);
  const [referral] = await q("SELECT id FROM nrm_referrals WHERE child_id = $1 AND first_responder = 'Port team'", [
    childId,
  ]);
  expect((await sw.get(`/children/${childId}`)).payload).toContain(`/nrm-referrals/${referral.id}/decisions`);
  const decisions = `/nrm-referrals/${referral.id}/decisions`;
  expect((await sw.get(decisions)).payload).toContain('Reasonable-grounds decision due by');
  const d = { reference: 'NRM-77', rgDecision: 'positive', cgDecision: 'pending' };
  summary(
    await sw.post(decisions, { ...d, rgDecidedDay: '31', rgDecidedMonth: '2', rgDecidedYear: '2026' }),
    'must be a real date',
  );
  expect((await sw.post(decisions, { ...d, ...date('rgDecided') })).statusCode).toBe(303);
  const [saved] = await q('SELECT reference, rg_decision, rg_decided_on FROM nrm_referrals WHERE id = $1', [
    referral.id,
  ]);
  expect(saved).toMatchObject({ reference: 'NRM-77', rg_decision: 'positive' });
  expect(saved.rg_decided_on).not.toBeNull();
  expect((await member.get(decisions)).statusCode).toBe(403);
});

it('changes and ends a guardian', async () => {
  const [guardian] = await q('SELECT id, name, kind FROM guardians WHERE child_id = $1 LIMIT 1', [childId]);
  const url = `/guardians/${guardian.id}/edit`;
  const form = (await sw.get(url)).payload;
  expect(form).toContain(`value="${guardian.name}"`);
  const base = { kind: guardian.kind, name: guardian.name, organisation: '', mobile: '', email: '' };
  summary(await sw.post(url, { ...base, name: '' }), 'Enter the guardian’s name');
  expect((await sw.post(url, { ...base, ...date('ended') })).statusCode).toBe(303);
  const [ended] = await q('SELECT ended_on FROM guardians WHERE id = $1', [guardian.id]);
  expect(ended.ended_on).not.toBeNull();
  expect((await member.post(url, base)).statusCode).toBe(403);
});

it('adds a sighting while the child is missing', async () => {
  const report = await sw.post(`/children/${childId}/report-missing`, {
    kind: 'M',
    ...now('discovered'),
    lastSeenWhere: 'Bus stop',
    lastSeenClothing: '',
  });
  const episodeId = /\/episodes\/([0-9a-f-]+)/.exec(String(report.headers.location))![1];
  expect((await sw.get(`/episodes/${episodeId}`)).payload).toContain(`/episodes/${episodeId}/sightings/new`);
  const url = `/episodes/${episodeId}/sightings/new`;
  summary(await sw.post(url, { ...now('at'), where: '', by: '', details: '' }), 'Enter where the child was seen');
  expect(
    (await sw.post(url, { ...now('at'), where: 'Station car park', by: 'Shop keeper', details: '' })).statusCode,
  ).toBe(303);
  expect((await sw.get(`/episodes/${episodeId}`)).payload).toContain('Station car park');
  const police = await pageSession(app, 'police');
  expect((await police.post(url, { ...now('at'), where: 'Elsewhere' })).statusCode).toBe(403);
});

it("records a meeting's status and minutes", async () => {
  const admin = bearer(await app.tokenFor('administrator'));
  const meeting = (await app.server.inject({ url: '/api/v1/operational-group/meetings/next', headers: admin }))
    .result as { id: string };
  const url = `/operational-group/meetings/${meeting.id}/record`;
  summary(await member.post(url, { status: '', minutes: 'x' }), 'Select the status');
  expect((await member.post(url, { status: 'held', minutes: 'Reviewed K7Q2; actions agreed.' })).statusCode).toBe(303);
  const page = (await member.get(`/operational-group/meetings/${meeting.id}`)).payload;
  expect(page).toContain('Reviewed K7Q2; actions agreed.');
  const carer = await pageSession(app, 'carer');
  expect((await carer.post(url, { status: 'held', minutes: '' })).statusCode).toBe(403);
});
