// The missing-episode pages as a social worker uses them: report, see the alerts on the dashboard
// and the episode page, record the police details, the return, the interview, and close; and who
// may not.
import { fieldsFor } from '../../src/platform/views/date-time-fields';
import { buildTestApp, TestApp } from '../support/app';
import { PageSession, pageSession } from '../support/pages';
import { demoChildId } from '../support/records';

let app: TestApp;
let sw: PageSession;
let childId: string;
beforeAll(async () => {
  app = await buildTestApp();
  sw = await pageSession(app, 'social_worker');
  childId = await demoChildId(app, 'K7Q2');
});
afterAll(async () => {
  await app.close();
});

const now = (prefix: string) => fieldsFor(app.clock.now(), 'Europe/London', prefix);
const episodeIdOf = (location: unknown) => /^\/episodes\/([0-9a-f-]{36})$/.exec(String(location))![1];

describe('reporting a child missing and following the episode through', () => {
  let episodeId: string;

  it('shows the report form filled in with the time now', async () => {
    const res = await sw.get(`/children/${childId}/report-missing`);
    expect(res.statusCode).toBe(200);
    expect(res.payload).toContain('Report a child missing');
    expect(res.payload).toContain('Amira Example (K7Q2)');
    expect(res.payload).toContain(`value="${now('discovered').discoveredTime}"`);
  });

  it('shows GOV.UK errors for a form with nothing chosen and an impossible date', async () => {
    const res = await sw.post(`/children/${childId}/report-missing`, {
      ...now('discovered'),
      discoveredDay: '',
      discoveredTime: '25:00',
    });
    expect(res.statusCode).toBe(400);
    expect(res.payload).toContain('There is a problem');
    expect(res.payload).toContain(
      '<a href="#kind">Select whether the child is missing or away without authorisation</a>',
    );
    expect(res.payload).toContain('<a href="#discoveredDay">Enter the day you found the child was missing</a>');
    expect(res.payload).toContain('The time you found the child was missing must be a 24-hour time, like 21:30');
    const unreal = await sw.post(`/children/${childId}/report-missing`, {
      kind: 'M',
      ...now('discovered'),
      discoveredDay: '31',
      discoveredMonth: '2',
    });
    expect(unreal.statusCode).toBe(400);
    expect(unreal.payload).toContain('The date you found the child was missing must be a real date');
  });

  it('opens the episode, redirects with 303 to it, and a second submission opens nothing', async () => {
    const res = await sw.post(`/children/${childId}/report-missing`, {
      kind: 'M',
      ...now('discovered'),
      lastSeenWhere: 'Bus stop',
      lastSeenClothing: '',
    });
    expect(res.statusCode).toBe(303);
    episodeId = episodeIdOf(res.headers.location);
    const again = await sw.post(`/children/${childId}/report-missing`, { kind: 'M', ...now('discovered') });
    expect(again.statusCode).toBe(400);
    expect(again.payload).toContain('already reported missing');
  });

  it('puts the child at the top of the dashboard with the time missing and who was alerted', async () => {
    app.clock.advance((3 * 60 + 12) * 60_000);
    const res = await sw.get('/');
    expect(res.statusCode).toBe(200);
    expect(res.payload).toContain('data-auto-refresh="60"');
    expect(res.payload).toMatch(/Amira Example \(K7Q2\)<\/a>: missing for 3 hours 12 minutes/);
    expect(res.payload).toContain('Force control room');
    expect(res.payload).toContain('Waiting to send');
  });

  it('shows the episode page with its alerts, steps and timeline', async () => {
    const res = await sw.get(`/episodes/${episodeId}`);
    expect(res.statusCode).toBe(200);
    expect(res.payload).toContain('Who has been alerted');
    expect(res.payload).toContain('Force control room');
    expect(res.payload).toMatch(/Reported missing by Sam Social-Worker via web/);
    expect(res.payload).toContain('Bus stop');
  });

  it('records the police reference and risk grade', async () => {
    const bad = await sw.post(`/episodes/${episodeId}/police`, { policeReference: '', riskGrade: '', reason: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.payload).toContain('Enter the police reference or select a risk grade');
    const noReason = await sw.post(`/episodes/${episodeId}/police`, {
      policeReference: 'MPS-123',
      riskGrade: 'high',
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.payload).toContain('<a href="#reason">Enter why the police gave this risk grade</a>');
    const res = await sw.post(`/episodes/${episodeId}/police`, {
      policeReference: 'MPS-123',
      riskGrade: 'high',
      reason: 'Trafficking concerns',
    });
    expect(res.statusCode).toBe(303);
    expect((await sw.get(`/episodes/${episodeId}`)).payload).toContain('MPS-123');
    const form = (await sw.get(`/episodes/${episodeId}/police`)).payload;
    expect(form).toContain('value="MPS-123"');
    expect(form).toMatch(/value="high" checked/);
  });

  it('records the child found, the return interview, and closes the episode', async () => {
    const found = await sw.post(`/episodes/${episodeId}/found`, { ...now('returned'), where: 'Home', by: 'Police' });
    expect(found.statusCode).toBe(303);
    let page = (await sw.get(`/episodes/${episodeId}`)).payload;
    expect(page).toContain('Returned');
    expect(page).toContain('Record return interview');
    const reasonMissing = await sw.post(`/episodes/${episodeId}/return-interview`, {
      outcome: 'not_held',
      reasonNotHeld: '',
    });
    expect(reasonMissing.payload).toContain('Enter why the interview was not held');
    const held = await sw.post(`/episodes/${episodeId}/return-interview`, {
      outcome: 'held',
      ...now('held'),
      by: 'Independent advocate',
      reasonNotHeld: '',
    });
    expect(held.statusCode).toBe(303);
    // Only a manager closes an episode, and with a reason (issue 22).
    expect((await sw.post(`/episodes/${episodeId}/close`, { reason: 'Done' })).statusCode).toBe(403);
    const manager = await pageSession(app, 'team_manager');
    const noReason = await manager.post(`/episodes/${episodeId}/close`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.payload).toContain('Enter why you are closing the episode');
    const closed = await manager.post(`/episodes/${episodeId}/close`, { reason: 'Interview held; plan reviewed' });
    expect(closed.statusCode).toBe(303);
    page = (await sw.get(`/episodes/${episodeId}`)).payload;
    expect(page).toContain('Episode');
    expect(page).toContain(': Closed</h1>');
  });

  it('refuses a second return after the episode is closed, in words', async () => {
    const res = await sw.post(`/episodes/${episodeId}/found`, { ...now('returned'), where: '', by: '' });
    expect(res.statusCode).toBe(400);
    expect(res.payload).toContain('is closed, so it cannot change');
  });

  it("hides another authority's episode (404) and refuses roles that may not act (403)", async () => {
    const other = await pageSession(app, 'social_worker', 'OTHER');
    expect((await other.get(`/episodes/${episodeId}`)).statusCode).toBe(404);
    expect((await other.get(`/children/${childId}/report-missing`)).statusCode).toBe(404);
    const police = await pageSession(app, 'police');
    expect((await police.get(`/children/${childId}/report-missing`)).statusCode).toBe(403);
    expect((await police.post(`/episodes/${episodeId}/found`, now('returned'))).statusCode).toBe(403);
    const group = await pageSession(app, 'group_member');
    expect((await group.get(`/episodes/${episodeId}/close`)).statusCode).toBe(403);
  });

  it('answers 400 for an id that is not an id', async () => {
    expect((await sw.get('/episodes/not-an-id')).statusCode).toBe(400);
    expect((await sw.post('/episodes/not-an-id/found', now('returned'))).statusCode).toBe(400);
  });
});
