// A sweep's outbox batch (one INSERT ... SELECT FROM unnest of many rows) stores every field as the
// same messages written one at a time would be stored, whatever text they hold; duplicates are
// answered null, the wake-up is heard once after commit, a batch that fails leaves nothing behind,
// and the authority's foreign key holds a message to an authority that exists.
import { LocalAuthority } from '../../src/authorities/local-authority.entity';
import type { OutboxMessage } from '../../src/notifications/outbox';
import { buildTestApp, TestApp } from '../support/app';
import { alertData } from '../support/delivery';
import { listenForWakeUps } from '../support/wake-ups';

const BATCH = 60;
let app: TestApp;
let authorityId: string;
let contactId: string;
let episodeId: string;
beforeAll(async () => {
  app = await buildTestApp();
  authorityId = (await app.db.dataSource.getRepository(LocalAuthority).findOneByOrFail({ code: 'DEMO' })).id;
  contactId = (await q('SELECT id FROM contacts WHERE authority_id = $1 LIMIT 1', [authorityId]))[0].id;
  episodeId = '0190f3c4-0000-7000-8000-000000000001';
});
afterAll(async () => {
  await app.close();
});

const q = (sql: string, params: unknown[] = []) => app.db.dataSource.query(sql, params);
const enqueue = (batch: OutboxMessage[]) =>
  app.db.dataSource.transaction((tx) => app.services.outbox.enqueueMany(tx, batch));

/** Messages as varied as the outbox is given: both channels, odd names, no ids, delays, fallbacks, attachments. */
function variety(prefix: string, count: number): OutboxMessage[] {
  const names = [
    'Police control room',
    'Duty\u001fmanager \u001e\\N',
    '\\N',
    'Ŵyn “quoted” 😀',
    'Line\nbreak\ttab \\ back',
    "O'Brien; DROP TABLE x; --",
  ];
  return Array.from({ length: count }, (_, i) => {
    const channel = i % 2 ? ('email' as const) : ('sms' as const);
    return {
      authorityId,
      channel,
      dedupeKey: `${prefix}-${i}`,
      stepKey: i % 3 ? `report_police#${i % 4}` : null,
      episodeId: i % 5 ? episodeId : null,
      template: 'missing-alert',
      data: alertData(`E-${i}`),
      needsAck: i % 4 !== 0,
      recipient: {
        type: 'contact',
        id: i % 2 ? contactId : null,
        name: names[i % names.length],
        address: channel === 'sms' ? `+4477009007${String(i % 100).padStart(2, '0')}` : `duty${i}@example.org`,
      },
      fallbacks:
        i % 3
          ? [
              {
                channel: channel === 'sms' ? 'email' : 'sms',
                address: 'police@example.org',
                recipientType: 'contact',
                recipientId: null,
                recipientName: names[i % names.length],
              },
            ]
          : [],
      notBefore: i % 7 ? undefined : new Date(app.clock.now().getTime() + i * 60_000),
      attachments:
        i % 11
          ? undefined
          : [{ filename: 'meeting.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR' }],
    };
  });
}

/** Every stored field but those made fresh for each message (id, code) or named by the test (key). */
async function stored(prefix: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = await q(`SELECT * FROM notifications WHERE dedupe_key LIKE $1 ORDER BY seq`, [
    `${prefix}-%`,
  ]);
  return rows
    .map(({ id: _id, seq: _seq, dedupe_key: key, ack_code: code, body_text: body, ...rest }) => ({
      ...rest,
      n: Number(String(key).split('-').pop()),
      has_code: code !== null,
      body_text: code ? String(body).split(String(code)).join('####') : body,
    }))
    .sort((a, b) => a.n - b.n);
}

it('stores a batch exactly as one-at-a-time INSERTs store the same messages', async () => {
  const count = BATCH + 17;
  const batched = await enqueue(variety('batched', count));
  expect(batched.every((id) => typeof id === 'string')).toBe(true);
  for (const m of variety('inserted', count)) await enqueue([m]);
  const [a, b] = [await stored('batched'), await stored('inserted')];
  expect(a).toHaveLength(count);
  expect(a).toEqual(b);
  expect(a[1]).toMatchObject({
    recipient_name: 'Duty\u001fmanager \u001e\\N',
    status: 'queued',
    attempts: 0,
    has_code: true,
  });
  expect(a[3].recipient_name).toBe('Ŵyn “quoted” 😀');
  const ids: { id: string }[] = await q(
    `SELECT id FROM notifications WHERE dedupe_key LIKE 'batched-%' ORDER BY dedupe_key`,
  );
  expect(new Set(ids.map((r) => r.id))).toEqual(new Set(batched));
});

it('answers null for a key already queued, or repeated within the batch, as the INSERT does, and queues the rest', async () => {
  await enqueue([variety('taken', 1)[0]]);
  const batch = variety('taken', BATCH + 5);
  batch.push({ ...batch[7] });
  const ids = await enqueue(batch);
  expect(ids.map((id) => id === null)).toEqual(batch.map((_, i) => i === 0 || i === batch.length - 1));
  expect(Number((await q(`SELECT count(*) AS n FROM notifications WHERE dedupe_key LIKE 'taken-%'`))[0].n)).toBe(
    BATCH + 5,
  );
});

it('wakes the dispatchers once, and only after the transaction commits', async () => {
  const wakeUps = await listenForWakeUps(app.db.url);
  await app.db.dataSource.transaction(async (tx) => {
    await app.services.outbox.enqueueMany(tx, variety('wake', BATCH));
    await new Promise((r) => setTimeout(r, 100));
    expect(wakeUps.heard).toEqual([]);
  });
  expect(await wakeUps.stop()).toEqual(['']); // each row signals; the commit delivers one wake-up
});

it('leaves nothing behind when a batch fails for any other reason', async () => {
  const batch = variety('orphan', BATCH).map((m, i) =>
    i === 30 ? { ...m, authorityId: '0190f3c4-0000-7000-8000-00000000dead' } : m,
  );
  await expect(enqueue(batch)).rejects.toThrow(/foreign key/);
  expect(Number((await q(`SELECT count(*) AS n FROM notifications WHERE dedupe_key LIKE 'orphan-%'`))[0].n)).toBe(0);
});

describe('a message belongs to an authority that exists, and stays with it', () => {
  const nowhere = '0190f3c4-0000-7000-8000-00000000beef';
  const FK_REFUSAL = /violates foreign key constraint "notifications_authority_id_fkey"/;

  it('refuses a batch naming an authority that does not exist, writing none of it', async () => {
    const batch = variety('lost', 3).map((m, i) => (i === 1 ? { ...m, authorityId: nowhere } : m));
    await expect(enqueue(batch)).rejects.toMatchObject({
      code: '23503',
      detail: `Key (authority_id)=(${nowhere}) is not present in table "local_authorities".`,
    });
    expect(Number((await q(`SELECT count(*) AS n FROM notifications WHERE dedupe_key LIKE 'lost-%'`))[0].n)).toBe(0);
  });

  it('refuses to delete or renumber an authority that has messages', async () => {
    const [spare] = await q(
      `INSERT INTO local_authorities (code, name) VALUES ('SPARE', 'Spare Borough') RETURNING id`,
    );
    await enqueue(variety('spare', 1).map((m) => ({ ...m, authorityId: spare.id })));
    await expect(q('DELETE FROM local_authorities WHERE id = $1', [spare.id])).rejects.toThrow(FK_REFUSAL);
    await expect(q('UPDATE local_authorities SET id = gen_random_uuid() WHERE id = $1', [spare.id])).rejects.toThrow(
      FK_REFUSAL,
    );
    await q(`DELETE FROM notifications WHERE dedupe_key LIKE 'spare-%'`);
    await q('DELETE FROM local_authorities WHERE id = $1', [spare.id]);
    expect(await q('SELECT 1 FROM local_authorities WHERE id = $1', [spare.id])).toEqual([]);
  });

  it('holds the authority until the messages commit, so it cannot be deleted under them', async () => {
    const [spare] = await q(`INSERT INTO local_authorities (code, name) VALUES ('HELD', 'Held Borough') RETURNING id`);
    let deleted: Promise<unknown> | undefined;
    await app.db.dataSource.transaction(async (tx) => {
      await app.services.outbox.enqueueMany(
        tx,
        variety('held', BATCH).map((m) => ({ ...m, authorityId: spare.id })),
      );
      // Another connection tries to delete the authority while the batch is uncommitted: it must wait, then refuse.
      deleted = q('DELETE FROM local_authorities WHERE id = $1', [spare.id]).then(
        () => 'deleted',
        (err: Error) => err.message,
      );
      await new Promise((r) => setTimeout(r, 200));
    });
    expect(await deleted).toMatch(FK_REFUSAL);
    expect(Number((await q(`SELECT count(*) AS n FROM notifications WHERE dedupe_key LIKE 'held-%'`))[0].n)).toBe(
      BATCH,
    );
  });
});
