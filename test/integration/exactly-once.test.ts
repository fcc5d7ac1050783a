// The one guard each against sending twice, each driven through a deterministic interleaving on a
// real PostgreSQL with the injected clock, so that removing the guard turns a test red:
// - the ladder: the run claim (a unique (episode, step, repeat) in escalation_runs). A runner that
//   loses it must send nothing and leave the winner's record alone;
// - the dispatcher: the fence on every write after a claim (status 'sending' and the claim's
//   attempt number). A dispatcher whose claim lapsed and was taken over, or whose message was
//   acknowledged meanwhile, must not overwrite what happened since.
import { Pool } from 'pg';

import { DeliveryRepository, SqlRunner } from '../../src/notifications/delivery.repository';
import type { Notification } from '../../src/notifications/notification.entity';
import { buildTestApp, TestApp } from '../support/app';
import { alertData } from '../support/delivery';
import { addContacts, authorityId, childPlaced, reportMissing } from '../support/escalation-fixtures';
import { eventually } from '../support/wait';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
  await addContacts(app);
});
afterAll(async () => {
  await app.close();
});

const q = (sql: string, params: unknown[] = []) => app.db.dataSource.query(sql, params);

describe('the ladder: a step runs once, decided by the run claim', () => {
  it('a runner that decided a step while another was committing it sends nothing and leaves its record alone', async () => {
    const episode = await reportMissing(app, (await childPlaced(app, { trafficking: 'suspected', daysAgo: 3 })).id);
    app.clock.advanceHours(24);
    const runner = app.services.escalation.runner;
    // A runs the ladder and holds its transaction open; B, on another connection, reads the history
    // before A commits, so decides the same steps are due, and its claim waits on A's.
    const a = app.db.dataSource.createQueryRunner();
    await a.connect();
    await a.startTransaction();
    const first = await runner.process(a.manager, episode.id);
    expect(first.fired).toBeGreaterThan(0);
    const second = app.db.dataSource.transaction((tx) => runner.process(tx, episode.id));
    await eventually(async () => {
      const [waiting] = await q(
        `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO escalation_runs%'`,
      );
      return waiting ? true : null;
    }, "the second runner's claim to wait for the first");
    await a.commitTransaction();
    await a.release();
    expect(await second).toMatchObject({ fired: 0, notifications: 0 });
    // Each run's record says how many messages it sent, and the outbox holds exactly those.
    const runs: { step: string; recorded: number; queued: number }[] = await q(
      `SELECT r.step_key || '#' || r.repeat AS step, r.notifications AS recorded,
        (SELECT count(*)::int FROM notifications n WHERE n.episode_id = r.episode_id
          AND n.step_key = r.step_key || '#' || r.repeat) AS queued
      FROM escalation_runs r WHERE r.episode_id = $1 AND r.outcome = 'fired' AND r.ran_at = $2`,
      [episode.id, app.clock.now()],
    );
    expect(runs.length).toBe(first.fired);
    for (const run of runs) expect(run.recorded).toBe(run.queued);
    expect(runs.reduce((sum, r) => sum + r.queued, 0)).toBe(first.notifications);
  });
});

describe('the dispatcher: every write after a claim is fenced by status and attempt', () => {
  const repo = () => new DeliveryRepository(app.db.dataSource);
  const lane = { channel: 'sms' as const, urgent: true };
  const leaseMs = 60_000;
  let demoAuthority = '';
  // Statements run as the dispatcher runs them: on its own node-postgres pool, outside any transaction.
  let pool: Pool;
  let sql: SqlRunner;
  beforeAll(async () => {
    demoAuthority = await authorityId(app);
    pool = new Pool({ connectionString: app.db.url, max: 2 });
    sql = { query: async (text, params) => (await pool.query(text, params)).rows };
  });
  afterAll(async () => {
    await pool.end();
  });

  async function queued(key: string): Promise<string> {
    const [id] = await app.db.dataSource.transaction((tx) =>
      app.services.outbox.enqueueMany(tx, [
        {
          authorityId: demoAuthority,
          channel: 'sms',
          dedupeKey: key,
          needsAck: true,
          template: 'missing-alert',
          data: alertData('E-FENCE'),
          recipient: { type: 'contact', id: null, name: 'Police control room', address: '+447700900999' },
        },
      ]),
    );
    return id!;
  }
  async function claim(id: string): Promise<Notification> {
    const now = app.clock.now();
    const claimed = await repo().claimDue(sql, lane, now, new Date(now.getTime() + leaseMs), 50);
    const c = claimed.find(({ n }) => n.id === id);
    if (!c) throw new Error('the message was not claimed');
    return c.n;
  }
  const sent = (n: Notification, providerId: string) => ({
    n,
    providerId,
    at: app.clock.now(),
    content: { subject: null, text: `sent by ${providerId}` },
  });
  const row = async (id: string) =>
    (await q('SELECT status, provider_id, attempts FROM notifications WHERE id = $1', [id]))[0];
  const events = async (id: string, status: string) =>
    Number(
      (
        await q('SELECT count(*) AS n FROM notification_events WHERE notification_id = $1 AND status = $2', [
          id,
          status,
        ])
      )[0].n,
    );

  it('a dispatcher whose claim lapsed and was taken over cannot record, retry, fail or renew it', async () => {
    const id = await queued('fence-lapsed');
    const lapsed = await claim(id); // dispatcher A: attempt 1
    app.clock.advance(leaseMs + 1_000); // A froze past its lease
    const current = await claim(id); // dispatcher B takes it over: attempt 2
    expect(current.attempts).toBe(lapsed.attempts + 1);
    expect(await repo().markSentMany(sql, [sent(current, 'SM-B')])).toEqual(new Set([id]));
    // A wakes and reports its own send: each of its writes must find the row no longer its own.
    expect(await repo().markSentMany(sql, [sent(lapsed, 'SM-A')])).toEqual(new Set());
    const now = app.clock.now();
    expect(await repo().renewClaims(sql, [lapsed], now, new Date(now.getTime() + leaseMs))).toEqual(new Set());
    expect(await app.db.dataSource.transaction((tx) => repo().markFailed(tx, lapsed, 'A gave up', now))).toBe(false);
    expect(await app.db.dataSource.transaction((tx) => repo().markRetry(tx, lapsed, 'A retries', now, now))).toBe(
      false,
    );
    expect(await row(id)).toEqual({ status: 'sent', provider_id: 'SM-B', attempts: 2 });
    expect(await events(id, 'sent')).toBe(1);
  });

  it('a send that finishes after the alert was acknowledged leaves it acknowledged', async () => {
    const id = await queued('fence-acknowledged');
    const claimed = await claim(id);
    await q(`UPDATE notifications SET status = 'acknowledged', acknowledged_at = $2 WHERE id = $1`, [
      id,
      app.clock.now(),
    ]);
    expect(await repo().markSentMany(sql, [sent(claimed, 'SM-LATE')])).toEqual(new Set());
    expect(await row(id)).toMatchObject({ status: 'acknowledged', provider_id: null });
    expect(await events(id, 'sent')).toBe(0);
  });
});
