// enqueueMany, the sweep's way into the outbox: one statement for many messages, a null for each
// duplicate (in this batch or already queued), each new row shown as queued, and one wake-up that
// is heard only when the transaction commits.
import { LocalAuthority } from '../../src/authorities/local-authority.entity';
import type { OutboxMessage } from '../../src/notifications/outbox';
import { buildTestApp, TestApp } from '../support/app';
import { alertData, history } from '../support/delivery';
import { listenForWakeUps } from '../support/wake-ups';

let app: TestApp;
let authorityId: string;
beforeAll(async () => {
  app = await buildTestApp();
  authorityId = (await app.db.dataSource.getRepository(LocalAuthority).findOneByOrFail({ code: 'DEMO' })).id;
});
afterAll(async () => {
  await app.close();
});

const q = (sql: string, params: unknown[] = []) => app.db.dataSource.query(sql, params);
const message = (dedupeKey: string, address: string, channel: 'sms' | 'email' = 'sms'): OutboxMessage => ({
  authorityId,
  dedupeKey,
  channel,
  stepKey: 'report_police#0',
  template: 'missing-alert',
  data: alertData('E-BATCH'),
  needsAck: true,
  recipient: { type: 'contact', id: null, name: 'Police control room', address },
  fallbacks: [
    {
      channel: 'email',
      address: 'police@example.org',
      recipientType: 'contact',
      recipientId: null,
      recipientName: 'Police control room',
    },
  ],
});

it('writes each new message once, answers null for duplicates, and shows each as queued', async () => {
  await app.db.dataSource.transaction((tx) =>
    app.services.outbox.enqueueMany(tx, [message('batch-1', '+447700900701')]),
  );
  const ids = await app.db.dataSource.transaction((tx) =>
    app.services.outbox.enqueueMany(tx, [
      message('batch-1', '+447700900701'),
      message('batch-2', '+447700900702'),
      message('batch-2', '+447700900702'),
      message('batch-3', 'police@example.org', 'email'),
    ]),
  );
  expect(ids.map((id) => id !== null)).toEqual([false, true, false, true]);
  const rows = await q(`SELECT n.id, n.address, n.body_text, n.subject, n.ack_code, n.fallbacks, n.data, n.status
    FROM notifications n WHERE dedupe_key LIKE 'batch-%' ORDER BY dedupe_key`);
  expect(rows).toHaveLength(3);
  expect(rows[1].id).toBe(ids[1]);
  // What each says is rendered from template and data when it is sent (outbox.test.ts).
  expect(rows.map((r: { body_text: string | null; subject: string | null }) => [r.body_text, r.subject])).toEqual(
    Array(3).fill([null, null]),
  );
  expect(rows[1].ack_code).toMatch(/^\d{4}$/);
  expect(rows[1].fallbacks).toEqual([expect.objectContaining({ channel: 'email', address: 'police@example.org' })]);
  expect(rows[1].data).toEqual(alertData('E-BATCH'));
  const histories = await Promise.all(rows.map((r: { id: string }) => history(app, r.id)));
  expect(rows.map((r: { status: string }, i: number) => [r.status, histories[i]])).toEqual(
    Array(3).fill(['queued', ['queued']]),
  );
});

it('wakes listeners once per transaction, and only after it commits', async () => {
  const wakeUps = await listenForWakeUps(app.db.url);
  await app.db.dataSource.transaction(async (tx) => {
    await app.services.outbox.enqueueMany(tx, [message('wake-1', '+447700900711'), message('wake-2', '+447700900712')]);
    await new Promise((r) => setTimeout(r, 100));
    expect(wakeUps.heard).toEqual([]);
  });
  expect(await wakeUps.stop()).toHaveLength(1);
});

it('writes nothing when a template cannot render, leaving the transaction usable', async () => {
  const count = async () =>
    Number((await q(`SELECT count(*) AS n FROM notifications WHERE dedupe_key LIKE 'bad-%'`))[0].n);
  await app.db.dataSource.transaction(async (tx) => {
    await expect(
      app.services.outbox.enqueueMany(tx, [
        message('bad-1', '+447700900721'),
        { ...message('bad-2', '+447700900722'), template: 'no-such-template' },
      ]),
    ).rejects.toThrow();
    await tx.query('SELECT 1');
  });
  expect(await count()).toBe(0);
});
