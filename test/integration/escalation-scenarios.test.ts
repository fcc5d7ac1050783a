// Episodes walked through their first week with a manual clock: after each sweep, exactly which
// notification rows exist (step, channel, recipient, template).
import { bearer, buildTestApp, TestApp } from '../support/app';
import { addContacts, childPlaced, post, reportMissing, rowsOf } from '../support/escalation-fixtures';

let app: TestApp;
const HOUR = 3_600_000;
let t0: number;

beforeAll(async () => {
  // Tokens must outlive the weeks this file moves the clock through.
  app = await buildTestApp({ TOKEN_TTL_HOURS: '2160' });
  await addContacts(app);
});
afterAll(async () => {
  await app.close();
});
beforeEach(() => {
  t0 = app.clock.now().getTime() + 10 * 86_400_000;
  app.clock.set(new Date(t0));
});

async function sweepAt(hours: number) {
  app.clock.set(new Date(t0 + hours * HOUR));
  return app.services.escalation.sweep();
}

async function episodeDetail(id: string, role: Parameters<TestApp['tokenFor']>[0] = 'social_worker') {
  return app.server.inject({ method: 'GET', url: `/api/v1/episodes/${id}`, headers: bearer(await app.tokenFor(role)) });
}

const t0Rows = [
  'carer_confirmation#0 sms Carla Carer carer-confirmation',
  'operational_group#0 email Operational group operational-group-notice',
  'report_police#0 email Police control room missing-alert',
  'report_police#0 sms Police control room missing-alert',
  'report_team#0 email Duty team manager missing-alert',
  'report_team#0 email Ivy ICTG missing-alert',
  'report_team#0 email Sam Social-Worker missing-alert',
  'report_team#0 sms Duty team manager missing-alert',
  'report_team#0 sms Ivy ICTG missing-alert',
];
// A trafficked or newly placed child is high risk from the first minute: the head of service hears at the report.
const highRiskT0Rows = [
  ...t0Rows,
  'risk_high#0 email Head of service high-risk',
  'risk_high#0 sms Head of service high-risk',
];

it('(a) a trafficked child at a new placement: everyone at once, then +24h, +48h CEOP, +72h director', async () => {
  const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 2 });
  const episode = await reportMissing(app, child.id);
  expect(await rowsOf(app, episode.id)).toEqual(highRiskT0Rows);
  const police: { channel: string; fallbacks: object[]; needs_ack: boolean }[] = await app.db.dataSource.query(
    `SELECT channel, fallbacks, needs_ack
    FROM notifications WHERE episode_id = $1 AND step_key = 'report_police#0' ORDER BY channel`,
    [episode.id],
  );
  expect(police).toEqual([
    {
      channel: 'email',
      needs_ack: true,
      fallbacks: [
        {
          channel: 'sms',
          address: '+447700900201',
          recipientType: 'contact',
          recipientId: expect.any(String),
          recipientName: 'Police control room',
        },
      ],
    },
    {
      channel: 'sms',
      needs_ack: true,
      fallbacks: [
        {
          channel: 'email',
          address: 'control.room@police.example.org',
          recipientType: 'contact',
          recipientId: expect.any(String),
          recipientName: 'Police control room',
        },
      ],
    },
  ]);

  app.clock.set(new Date(t0 + 5 * 60_000));
  const ack = await post(app, `/api/v1/episodes/${episode.id}/acknowledge`, { stepKey: 'report_police' }, 'police');
  expect(ack.statusCode).toBe(200);
  // Each alert here is acknowledged once it arrives, so none repeats or moves on (scenarios f and g are the ones that
  // do).
  expect(
    (await post(app, `/api/v1/episodes/${episode.id}/acknowledge`, { stepKey: 'risk_high' }, 'team_manager'))
      .statusCode,
  ).toBe(200);
  await sweepAt(0.5);
  expect(await rowsOf(app, episode.id)).toEqual(highRiskT0Rows);

  await sweepAt(1);
  expect(await rowsOf(app, episode.id, 'same_day')).toEqual([
    'same_day#0 email Independent reviewing officer same-day-notice',
  ]);
  await sweepAt(23.9);
  expect(await rowsOf(app, episode.id, 'plus_')).toEqual([]);
  await sweepAt(24);
  expect(await rowsOf(app, episode.id, 'plus_')).toEqual([
    'plus_24h#0 email Head of service escalation-24h',
    'plus_24h#0 sms Head of service escalation-24h',
  ]);
  expect(
    (await post(app, `/api/v1/episodes/${episode.id}/acknowledge`, { stepKey: 'plus_24h' }, 'team_manager')).statusCode,
  ).toBe(200);
  expect((await episodeDetail(episode.id, 'ceop')).statusCode).toBe(404);
  await sweepAt(48);
  expect(await rowsOf(app, episode.id, 'plus_48h')).toEqual([
    'plus_48h#0 email CEOP duty desk escalation-48h',
    'plus_48h#0 email Hari Head-of-Service escalation-48h',
    'plus_48h#0 sms CEOP duty desk escalation-48h',
  ]);
  expect((await episodeDetail(episode.id, 'ceop')).statusCode).toBe(200);
  expect(
    (await post(app, `/api/v1/episodes/${episode.id}/acknowledge`, { stepKey: 'plus_48h' }, 'ceop')).statusCode,
  ).toBe(200);
  await sweepAt(72);
  expect(await rowsOf(app, episode.id, 'plus_72h')).toEqual([
    'plus_72h#0 email Director of children services escalation-72h',
    'plus_72h#0 email Tara Team-Manager escalation-72h',
    'plus_72h#0 sms Director of children services escalation-72h',
  ]);
  expect((await rowsOf(app, episode.id)).length).toBe(highRiskT0Rows.length + 1 + 2 + 3 + 3);

  const detail = (await episodeDetail(episode.id)).result as {
    steps: { stepKey: string; repeat: number; outcome: string; reason: string }[];
    timeline: { type: string }[];
  };
  expect(detail.steps).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        stepKey: 'report_police',
        repeat: 1,
        outcome: 'skipped',
        reason: 'The alert was acknowledged, so it is not repeated.',
      }),
      expect.objectContaining({
        stepKey: 'report_police_next',
        outcome: 'skipped',
        reason: 'Condition not met: the report_police alert was acknowledged.',
      }),
      expect.objectContaining({
        stepKey: 'repeat_missing',
        outcome: 'skipped',
        reason: 'Condition not met: this is episode 1 in 30 days; this step needs 3.',
      }),
      expect.objectContaining({ stepKey: 'plus_24h', outcome: 'fired', reason: 'Due 24 hours after discovery.' }),
    ]),
  );
  expect(detail.timeline.map((t) => t.type)).toEqual(
    expect.arrayContaining(['reported', 'step_fired', 'step_skipped', 'acknowledged']),
  );
});

it('(b) a child placed 60 days ago, graded high risk after 3 hours: head of service at once', async () => {
  const child = await childPlaced(app, { trafficking: 'not_trafficked', daysAgo: 60 });
  const episode = await reportMissing(app, child.id);
  expect((await episodeDetail(episode.id)).result).toMatchObject({ highRiskFromStart: false });
  await sweepAt(0.5);
  expect(await rowsOf(app, episode.id, 'report_police_next')).toEqual([
    'report_police_next#0 email Missing persons unit missing-alert',
  ]);
  await sweepAt(2);
  expect(await rowsOf(app, episode.id, 'risk_high')).toEqual([]);
  app.clock.set(new Date(t0 + 3 * HOUR));
  const graded = await post(
    app,
    `/api/v1/episodes/${episode.id}/police`,
    { policeReference: 'CAD-1234', riskGrade: 'high', reason: 'Seen with adults linked to exploitation' },
    'police',
  );
  expect(graded.statusCode).toBe(200);
  expect(await rowsOf(app, episode.id, 'risk_high')).toEqual([
    'risk_high#0 email Head of service high-risk',
    'risk_high#0 sms Head of service high-risk',
  ]);
  const detail = (await episodeDetail(episode.id)).result as { state: string; riskGradeHistory: object[] };
  expect(detail.state).toBe('police_informed');
  expect(detail.riskGradeHistory).toEqual([
    expect.objectContaining({
      grade: 'high',
      previousGrade: null,
      by: 'PC Pat Police',
      reason: 'Seen with adults linked to exploitation',
    }),
  ]);
});

it('(c) found after 30 hours: a found notice to everyone alerted, once per address, and no 48h step', async () => {
  const child = await childPlaced(app, { trafficking: 'confirmed', daysAgo: 3 });
  const episode = await reportMissing(app, child.id);
  await sweepAt(1);
  await sweepAt(24);
  const alerted: { channel: string; address: string; recipient_name: string }[] = await app.db.dataSource.query(
    `SELECT DISTINCT channel, address, recipient_name FROM notifications WHERE episode_id = $1 AND recipient_type <> 'carer'`,
    [episode.id],
  );
  app.clock.set(new Date(t0 + 30 * HOUR));
  const returned = await post(app, `/api/v1/episodes/${episode.id}/return`, {
    returnedAt: app.clock.now().toISOString(),
    where: 'Bus station',
    by: 'Police',
  });
  expect(returned.statusCode).toBe(200);
  const found: { channel: string; address: string; template: string }[] = await app.db.dataSource.query(
    `SELECT channel, address, template FROM notifications WHERE episode_id = $1 AND step_key = 'found#0'`,
    [episode.id],
  );
  expect(found.map((f) => `${f.channel} ${f.address}`).sort()).toEqual(
    alerted.map((a) => `${a.channel} ${a.address}`).sort(),
  );
  expect(new Set(found.map((f) => f.address)).size).toBe(found.length);
  expect(found.every((f) => f.template === 'found-notice')).toBe(true);
  await sweepAt(49);
  await sweepAt(73);
  expect(await rowsOf(app, episode.id, 'plus_48h')).toEqual([]);
  expect(await rowsOf(app, episode.id, 'plus_72h')).toEqual([]);
  const { steps } = (await episodeDetail(episode.id)).result as {
    steps: { stepKey: string; outcome: string; reason: string }[];
  };
  expect(steps.find((s) => s.stepKey === 'plus_48h')).toMatchObject({
    outcome: 'skipped',
    reason: 'The child returned before this step was due.',
  });
});

it('(d) a missed return interview alerts the team manager 72 hours after the return; a held one does not', async () => {
  const missed = await reportMissing(app, (await childPlaced(app, { trafficking: 'suspected', daysAgo: 30 })).id);
  const held = await reportMissing(app, (await childPlaced(app, { trafficking: 'suspected', daysAgo: 30 })).id);
  app.clock.set(new Date(t0 + 2 * HOUR));
  for (const e of [missed, held]) {
    expect(
      (await post(app, `/api/v1/episodes/${e.id}/return`, { returnedAt: app.clock.now().toISOString() })).statusCode,
    ).toBe(200);
  }
  app.clock.set(new Date(t0 + 26 * HOUR));
  expect(
    (
      await post(app, `/api/v1/episodes/${held.id}/return-interview`, {
        heldAt: app.clock.now().toISOString(),
        by: 'Independent worker',
      })
    ).statusCode,
  ).toBe(200);
  await sweepAt(2 + 71.9);
  expect(await rowsOf(app, missed.id, 'return_interview_overdue')).toEqual([]);
  await sweepAt(2 + 72);
  expect(await rowsOf(app, missed.id, 'return_interview_overdue')).toEqual([
    'return_interview_overdue#0 email Tara Team-Manager return-interview-overdue',
  ]);
  expect(await rowsOf(app, held.id, 'return_interview_overdue')).toEqual([]);
  const { steps } = (await episodeDetail(held.id)).result as { steps: { stepKey: string; reason: string }[] };
  expect(steps.find((s) => s.stepKey === 'return_interview_overdue')?.reason).toBe(
    'Condition not met: the return interview was held, declined or explained.',
  );
});

it('(e) the third episode in 30 days proposes a strategy meeting and the operational group agenda', async () => {
  const child = await childPlaced(app, { trafficking: 'not_trafficked', daysAgo: 60 });
  const episodes = [];
  for (let i = 0; i < 3; i++) {
    app.clock.set(new Date(t0 + i * 48 * HOUR));
    const e = await reportMissing(app, child.id);
    episodes.push(e);
    if (i === 2) break;
    app.clock.set(new Date(t0 + (i * 48 + 1) * HOUR));
    await post(app, `/api/v1/episodes/${e.id}/return`, { returnedAt: app.clock.now().toISOString() });
    await post(app, `/api/v1/episodes/${e.id}/return-interview`, { declined: true });
    expect(
      (
        await post(
          app,
          `/api/v1/episodes/${e.id}/close`,
          { reason: 'Interview declined; plan reviewed' },
          'team_manager',
        )
      ).statusCode,
    ).toBe(200);
  }
  expect(await rowsOf(app, episodes[0].id, 'repeat_missing')).toEqual([]);
  expect(await rowsOf(app, episodes[1].id, 'repeat_missing')).toEqual([]);
  expect(await rowsOf(app, episodes[2].id, 'repeat_missing')).toEqual([
    'repeat_missing#0 email Operational group repeat-missing',
    'repeat_missing#0 email Tara Team-Manager repeat-missing',
  ]);
});

/** Acknowledged at the report: police and (trafficked, so high risk from the first minute) the head of service. */
async function reportedAndAcknowledged(steps: string[]) {
  const episode = await reportMissing(app, (await childPlaced(app, { trafficking: 'suspected', daysAgo: 2 })).id);
  app.clock.set(new Date(t0 + 5 * 60_000));
  for (const stepKey of steps) {
    const res = await post(
      app,
      `/api/v1/episodes/${episode.id}/acknowledge`,
      { stepKey },
      stepKey === 'report_police' ? 'police' : 'team_manager',
    );
    expect(res.statusCode).toBe(200);
  }
  return episode;
}

it('(f) the head of service unacknowledged: repeated every 30 minutes, twice, then moved on to the director', async () => {
  const episode = await reportedAndAcknowledged(['report_police']);
  await sweepAt(0.5);
  expect(await rowsOf(app, episode.id, 'risk_high')).toEqual([
    'risk_high#0 email Head of service high-risk',
    'risk_high#0 sms Head of service high-risk',
    'risk_high#1 email Head of service high-risk',
    'risk_high#1 sms Head of service high-risk',
  ]);
  await sweepAt(1);
  expect(await rowsOf(app, episode.id, 'risk_high')).toEqual([
    'risk_high#0 email Head of service high-risk',
    'risk_high#0 sms Head of service high-risk',
    'risk_high#1 email Head of service high-risk',
    'risk_high#1 sms Head of service high-risk',
    'risk_high#2 email Head of service high-risk',
    'risk_high#2 sms Head of service high-risk',
    'risk_high_next#0 email Director of children services high-risk',
    'risk_high_next#0 sms Director of children services high-risk',
  ]);
  await sweepAt(24);
  await sweepAt(24.5);
  await sweepAt(25);
  expect(await rowsOf(app, episode.id, 'plus_24h')).toEqual([
    'plus_24h#0 email Head of service escalation-24h',
    'plus_24h#0 sms Head of service escalation-24h',
    'plus_24h#1 email Head of service escalation-24h',
    'plus_24h#1 sms Head of service escalation-24h',
    'plus_24h#2 email Head of service escalation-24h',
    'plus_24h#2 sms Head of service escalation-24h',
    'plus_24h_next#0 email Director of children services escalation-24h',
    'plus_24h_next#0 sms Director of children services escalation-24h',
  ]);
  const acknowledged = await reportedAndAcknowledged(['report_police', 'risk_high']);
  await sweepAt(1);
  expect(await rowsOf(app, acknowledged.id, 'risk_high')).toEqual([
    'risk_high#0 email Head of service high-risk',
    'risk_high#0 sms Head of service high-risk',
  ]);
});

it('(g) CEOP unacknowledged at +48 hours: repeated, then moved on to the senior manager on call and the duty manager', async () => {
  const silent = await reportedAndAcknowledged(['report_police', 'risk_high']);
  const answered = await reportedAndAcknowledged(['report_police', 'risk_high']);
  // (The second was reported five minutes after the first: its steps come five minutes later.)
  await sweepAt(24.1);
  for (const e of [silent, answered])
    expect(
      (await post(app, `/api/v1/episodes/${e.id}/acknowledge`, { stepKey: 'plus_24h' }, 'team_manager')).statusCode,
    ).toBe(200);
  await sweepAt(48.1);
  app.clock.set(new Date(t0 + 48.2 * HOUR));
  expect(
    (await post(app, `/api/v1/episodes/${answered.id}/acknowledge`, { stepKey: 'plus_48h' }, 'ceop')).statusCode,
  ).toBe(200);
  await sweepAt(48.5);
  await sweepAt(49.2);
  const ceop = [
    'plus_48h#0 email CEOP duty desk escalation-48h',
    'plus_48h#0 email Hari Head-of-Service escalation-48h',
    'plus_48h#0 sms CEOP duty desk escalation-48h',
  ];
  expect(await rowsOf(app, answered.id, 'plus_48h')).toEqual(ceop);
  expect(await rowsOf(app, silent.id, 'plus_48h')).toEqual([
    ...ceop,
    'plus_48h#1 email CEOP duty desk escalation-48h',
    'plus_48h#1 email Hari Head-of-Service escalation-48h',
    'plus_48h#1 sms CEOP duty desk escalation-48h',
    'plus_48h#2 email CEOP duty desk escalation-48h',
    'plus_48h#2 email Hari Head-of-Service escalation-48h',
    'plus_48h#2 sms CEOP duty desk escalation-48h',
    'plus_48h_next#0 email Duty team manager escalation-48h',
    'plus_48h_next#0 email Hari Head-of-Service escalation-48h',
    'plus_48h_next#0 sms Duty team manager escalation-48h',
  ]);
  const steps = (
    (await episodeDetail(answered.id)).result as { steps: { stepKey: string; outcome: string; reason: string }[] }
  ).steps;
  expect(steps.find((s) => s.stepKey === 'plus_48h_next')).toMatchObject({
    outcome: 'skipped',
    reason: 'Condition not met: the plus_48h alert was acknowledged.',
  });
});
