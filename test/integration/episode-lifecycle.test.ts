// Issue 22 (points 1-3) as scenarios on the manual clock, with real SMS (the twilio SDK against the
// fake API) and real SMTP: an episode ends only when the child is found or a manager closes it;
// the past is recorded without alarms; nothing an episode owes is lost to a new report; a return
// recorded by mistake is undone.
import { bearer, TestApp } from '../support/app';
import { buildDeliveryTestApp, DeliveryTestApp } from '../support/delivery';
import { addContacts, childPlaced, post, reportMissing, rowsOf } from '../support/escalation-fixtures';

let t: DeliveryTestApp;
let app: TestApp;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let t0: number;

beforeAll(async () => {
  t = await buildDeliveryTestApp({ TOKEN_TTL_HOURS: '2160' });
  app = t.app;
  await addContacts(app);
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t0 = app.clock.now().getTime() + 20 * DAY;
  app.clock.set(new Date(t0));
});

const at = (hours: number) => new Date(t0 + hours * HOUR);
async function sweepAt(hours: number) {
  app.clock.set(at(hours));
  return app.services.escalation.sweep();
}
async function detail(id: string) {
  const res = await app.server.inject({
    method: 'GET',
    url: `/api/v1/episodes/${id}`,
    headers: bearer(await app.tokenFor('social_worker')),
  });
  return res.result as {
    state: string;
    closedAt: string | null;
    nextEscalationAt: string | null;
    timeline: { type: string; summary: string }[];
    steps: { stepKey: string; repeat: number; outcome: string; reason: string }[];
  };
}
const count = async (episodeId: string) => (await rowsOf(app, episodeId)).length;

describe('the episode ends only when the child is found or a manager closes it', () => {
  it('keeps the episode and its ladder open when the placement ends while the child is missing', async () => {
    const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 });
    const episode = await reportMissing(app, child.id);
    app.clock.set(at(2));
    const ended = await post(app, `/api/v1/placements/${child.placementId}/end`, { reason: 'Placement breakdown' });
    expect(ended.statusCode).toBe(200);
    const d = await detail(episode.id);
    expect(d).toMatchObject({ state: 'reported', closedAt: null });
    expect(d.timeline.map((l) => l.summary)).toContain(
      'The placement ended (Placement breakdown). The child is still missing, so the episode and its escalation stay open.',
    );
    expect(await rowsOf(app, episode.id, 'found')).toEqual([]);
    await sweepAt(24);
    expect(await rowsOf(app, episode.id, 'plus_24h')).toEqual([
      'plus_24h#0 email Head of service escalation-24h',
      'plus_24h#0 sms Head of service escalation-24h',
    ]);
    await sweepAt(48);
    expect(await rowsOf(app, episode.id, 'plus_48h')).toContain('plus_48h#0 sms CEOP duty desk escalation-48h');
  });

  it('records the end of care with its reason, ends the placement, and keeps the episode open', async () => {
    const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 });
    const episode = await reportMissing(app, child.id);
    app.clock.set(at(3));
    const noReason = await post(app, `/api/v1/children/${child.id}/care/end`, { endedAt: at(3).toISOString() });
    expect(noReason.statusCode).toBe(400);
    const res = await post(app, `/api/v1/children/${child.id}/care/end`, {
      endedAt: at(3).toISOString(),
      reason: 'Turned 18',
    });
    expect(res.statusCode).toBe(200);
    expect(res.result).toMatchObject({ careEndedAt: at(3), careEndReason: 'Turned 18' });
    const [placement] = await app.db.dataSource.query('SELECT ended_at, end_reason FROM placements WHERE id = $1', [
      child.placementId,
    ]);
    expect(placement).toEqual({ ended_at: at(3), end_reason: 'Turned 18' });
    expect((await post(app, `/api/v1/children/${child.id}/care/end`, { reason: 'Again' })).statusCode).toBe(409);
    const d = await detail(episode.id);
    expect(d).toMatchObject({ state: 'reported', closedAt: null });
    expect(d.timeline.map((l) => l.type)).toContain('care_ended');
    await sweepAt(24);
    expect(await rowsOf(app, episode.id, 'plus_24h')).toHaveLength(2);
  });

  it('lets only a manager close an episode, and only with a reason', async () => {
    const episode = await reportMissing(app, (await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 })).id);
    const url = `/api/v1/episodes/${episode.id}/close`;
    expect((await post(app, url, { reason: 'Found abroad' })).statusCode).toBe(403);
    expect((await post(app, url, {}, 'team_manager')).statusCode).toBe(400);
    const closed = await post(
      app,
      url,
      { reason: 'Confirmed by police to have left the UK with family' },
      'team_manager',
    );
    expect(closed.statusCode).toBe(200);
    expect(closed.result).toMatchObject({ state: 'closed' });
    await app.services.dispatcher.drain();
    const police = t.twilio.messages.filter((m) => m.to === '+447700900201' && m.body.includes(episode.reference));
    expect(police.map((m) => m.body)).toContain(
      `Episode ${episode.reference}, child ${await childRef(episode.id)}: closed, not recorded as found.`,
    );
  });
});

describe('recording the past', () => {
  it('records an episode entered with its return and sends nothing, then or later', async () => {
    const child = await childPlaced(app, { trafficking: 'confirmed', daysAgo: 200 });
    const res = await post(app, `/api/v1/children/${child.id}/episodes`, {
      kind: 'M',
      discoveredAt: at(-120 * 24).toISOString(),
      returnedAt: at(-118 * 24).toISOString(),
      returnedWhere: 'Police station',
    });
    expect(res.statusCode).toBe(201);
    const episode = res.result as { id: string; state: string };
    expect(episode.state).toBe('returned');
    expect(await count(episode.id)).toBe(0);
    const d = await detail(episode.id);
    expect(d.nextEscalationAt).toBeNull();
    expect(d.steps.every((s) => s.outcome === 'skipped')).toBe(true);
    expect(d.timeline.map((l) => l.type)).toEqual(expect.arrayContaining(['reported', 'returned']));
    // A police grade or the interview later changes nothing: every step was decided at entry.
    expect(
      (await post(app, `/api/v1/episodes/${episode.id}/police`, { riskGrade: 'high', reason: 'History' }, 'police'))
        .statusCode,
    ).toBe(404);
    expect(
      (await post(app, `/api/v1/episodes/${episode.id}/police`, { riskGrade: 'high', reason: 'History' })).statusCode,
    ).toBe(200);
    expect((await post(app, `/api/v1/episodes/${episode.id}/return-interview`, { declined: true })).statusCode).toBe(
      200,
    );
    await sweepAt(24 * 8);
    expect(await count(episode.id)).toBe(0);
  });

  it('asks whether a child found missing over a week ago is still missing', async () => {
    const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 60 });
    const res = await post(app, `/api/v1/children/${child.id}/episodes`, {
      kind: 'M',
      discoveredAt: at(-10 * 24).toISOString(),
    });
    expect(res.statusCode).toBe(400);
    expect((res.result as { message: string }).message).toMatch(/^The child was found missing more than 7 days ago/);
  });

  it('starts the ladder of a late entry still missing with one summary alert per recipient', async () => {
    const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 60 });
    const res = await post(app, `/api/v1/children/${child.id}/episodes`, {
      kind: 'M',
      discoveredAt: at(-10 * 24).toISOString(),
      stillMissing: true,
    });
    expect(res.statusCode).toBe(201);
    const episode = res.result as { id: string; reference: string };
    const rows: { channel: string; address: string; template: string }[] = await app.db.dataSource.query(
      'SELECT channel, address, template FROM notifications WHERE episode_id = $1',
      [episode.id],
    );
    const perRecipient = new Map<string, number>();
    for (const r of rows)
      perRecipient.set(`${r.channel} ${r.address}`, (perRecipient.get(`${r.channel} ${r.address}`) ?? 0) + 1);
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
    // The head of service was owed the high-risk alert at the report, +24h and +5 working days: one summary a channel.
    const head = rows.filter(
      (r) => r.address === '+447700900204' || r.address === 'head.of.service@demo-borough.example.org',
    );
    expect(head.map((r) => `${r.channel} ${r.template}`).sort()).toEqual(['email late-summary', 'sms late-summary']);
    expect(rows.length).toBeLessThan(25);
    await app.services.dispatcher.drain();
    const sms = t.twilio.messages.find((m) => m.to === '+447700900204' && m.body.includes(episode.reference))!;
    expect(sms.body).toMatch(
      new RegExp(
        `^LATE REPORT child ${child.reference} ep ${episode.reference} missing since .* HIGH RISK\\. https://`,
      ),
    );
    const mail = t.smtp.messages.find(
      (m) => m.to.includes('head.of.service@demo-borough.example.org') && m.mail.subject?.includes(episode.reference),
    )!;
    expect(mail.mail.text).toContain('the 24-hour escalation');
    // The social worker's missing alert carries the overdue weekly review too; the next review comes at its time.
    expect(rows.filter((r) => r.address === 'social.worker@demo-borough.example.org').map((r) => r.template)).toEqual([
      'late-summary',
    ]);
    const { steps } = await detail(episode.id);
    expect(steps.filter((s) => s.stepKey === 'weekly_review')).toEqual([
      expect.objectContaining({ outcome: 'fired', repeat: 0 }),
    ]);
    await sweepAt(4 * 24 - 1);
    expect(await rowsOf(app, episode.id, 'weekly_review')).toEqual([]);
    await sweepAt(4 * 24 + 1);
    expect(await rowsOf(app, episode.id, 'weekly_review')).toEqual([
      'weekly_review#1 email Sam Social-Worker weekly-review',
    ]);
  });
});

describe('nothing owed is lost', () => {
  it('keeps the previous episode open, its interview due and recordable, when the child goes missing again', async () => {
    const child = await childPlaced(app, { trafficking: 'not_trafficked', daysAgo: 60 });
    const first = await reportMissing(app, child.id);
    app.clock.set(at(2));
    expect(
      (await post(app, `/api/v1/episodes/${first.id}/return`, { returnedAt: at(2).toISOString() })).statusCode,
    ).toBe(200);
    app.clock.set(at(30));
    const second = await reportMissing(app, child.id);
    expect(await detail(first.id)).toMatchObject({ state: 'returned', closedAt: null });
    await sweepAt(2 + 72);
    expect(await rowsOf(app, first.id, 'return_interview_overdue')).toEqual([
      'return_interview_overdue#0 email Tara Team-Manager return-interview-overdue',
    ]);
    const dashboard = await app.server.inject({
      method: 'GET',
      url: '/api/v1/episodes?open=true&childId=' + child.id,
      headers: bearer(await app.tokenFor('social_worker')),
    });
    expect((dashboard.result as { items: { id: string }[] }).items.map((i) => i.id).sort()).toEqual(
      [first.id, second.id].sort(),
    );
    const held = await post(app, `/api/v1/episodes/${first.id}/return-interview`, {
      heldAt: at(74).toISOString(),
      by: 'Independent worker',
    });
    expect(held.statusCode).toBe(200);
    app.clock.set(at(75));
    expect(
      (await post(app, `/api/v1/episodes/${second.id}/return`, { returnedAt: at(75).toISOString() })).statusCode,
    ).toBe(200);
  });

  it('lets a manager undo a return recorded by mistake; everyone told of it hears "still missing" and the ladder resumes', async () => {
    const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 });
    const episode = await reportMissing(app, child.id);
    app.clock.set(at(1));
    await post(app, `/api/v1/episodes/${episode.id}/return`, { returnedAt: at(1).toISOString() });
    const told: { channel: string; address: string }[] = await app.db.dataSource.query(
      `SELECT channel, address FROM notifications WHERE episode_id = $1 AND step_key = 'found#0'`,
      [episode.id],
    );
    expect(told.length).toBeGreaterThan(3);
    app.clock.set(at(3));
    const url = `/api/v1/episodes/${episode.id}/return/undo`;
    expect((await post(app, url, { reason: 'Wrong child' })).statusCode).toBe(403);
    expect((await post(app, url, {}, 'team_manager')).statusCode).toBe(400);
    const undone = await post(app, url, { reason: 'The carer confused two children' }, 'team_manager');
    expect(undone.statusCode).toBe(200);
    expect(undone.result).toMatchObject({ state: 'reported', returnedAt: null });
    const notices: { channel: string; address: string; template: string }[] = await app.db.dataSource.query(
      `SELECT channel, address, template FROM notifications WHERE episode_id = $1 AND step_key = 'return_undone#0'`,
      [episode.id],
    );
    expect(notices.map((n) => `${n.channel} ${n.address}`).sort()).toEqual(
      told.map((n) => `${n.channel} ${n.address}`).sort(),
    );
    expect(notices.every((n) => n.template === 'still-missing')).toBe(true);
    const d = await detail(episode.id);
    expect(d.timeline.find((l) => l.type === 'return_undone')?.summary).toMatch(
      /^Return undone by .*: The carer confused two children\./,
    );
    const audit = await app.db.dataSource.query(
      `SELECT changes->>'action' AS action FROM audit_events WHERE entity_id = $1 AND changes->>'action' = 'undo_return'`,
      [episode.id],
    );
    expect(audit).toHaveLength(1);
    await app.services.dispatcher.drain();
    const police = t.twilio.messages.filter((m) => m.to === '+447700900201' && m.body.startsWith('STILL MISSING'));
    expect(police.map((m) => m.body)).toEqual([
      `STILL MISSING: child ${child.reference} (episode ${episode.reference}). The return was recorded by mistake. Alerts resume.`,
    ]);
    // The steps the return had skipped run again.
    await sweepAt(24);
    expect(await rowsOf(app, episode.id, 'plus_24h')).toHaveLength(2);
    // Found for real: the found notice goes out again.
    app.clock.set(at(30));
    await post(app, `/api/v1/episodes/${episode.id}/return`, { returnedAt: at(30).toISOString() });
    const found: { n: number }[] = await app.db.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE episode_id = $1 AND step_key = 'found#0' AND created_at >= $2`,
      [episode.id, at(30)],
    );
    expect(found[0].n).toBeGreaterThanOrEqual(told.length);
  });
});

async function childRef(episodeId: string): Promise<string> {
  const [row] = await app.db.dataSource.query(
    'SELECT c.reference FROM missing_episodes e JOIN children c ON c.id = e.child_id WHERE e.id = $1',
    [episodeId],
  );
  return row.reference;
}
