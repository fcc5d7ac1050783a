// The outbox contract: messages are written in the caller's transaction as template and data
// (rendered when sent, and kept as sent), deduplicated by key, and announce themselves with
// pg_notify only when that transaction commits.
import { LocalAuthority } from '../../src/authorities/local-authority.entity';
import { Notification } from '../../src/notifications/notification.entity';
import type { OutboxMessage } from '../../src/notifications/outbox';
import type { EmailMessage } from '../../src/notifications/providers/email.provider';
import type { RecordingProvider } from '../../src/notifications/providers/recording.provider';
import type { SmsMessage } from '../../src/notifications/providers/sms.provider';
import { fitsOneSegment } from '../../src/notifications/templates';
import { buildTestApp, TestApp } from '../support/app';
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

const alertData = {
  childRef: 'K7Q2',
  episodeRef: 'E-4F7K',
  lastSeen: '23 Nov 01:40',
  link: 'http://localhost:3000/p/abcdefghijklmnopqrstuvwx',
  authorityName: 'Demo Borough',
  riskLabel: 'High risk',
  discoveredAt: '23 Nov 2026 02:00',
  linkExpires: '30 Nov 2026',
};

function message(dedupeKey: string, channel: 'sms' | 'email' = 'sms') {
  return {
    authorityId,
    dedupeKey,
    channel,
    template: 'missing-alert',
    data: alertData,
    needsAck: true,
    recipient: {
      type: 'contact' as const,
      id: null,
      name: 'Police control room',
      address: channel === 'sms' ? '+447700900201' : 'police@example.org',
    },
  };
}

const recorded = (channel: 'sms' | 'email') => (app.services.providers[channel] as RecordingProvider).recent;
const row = (id: string) => app.db.dataSource.getRepository(Notification).findOneByOrFail({ id });

it('queues template and data, and sends an SMS rendered from them that fits one segment, names no one and is kept as sent', async () => {
  const n = await app.db.dataSource.transaction((tx) => app.services.outbox.enqueue(tx, message('a')));
  expect(n).toMatchObject({
    status: 'queued',
    template: 'missing-alert',
    data: alertData,
    bodyText: null,
    subject: null,
  });
  await app.services.dispatcher.drain();
  const sent = recorded('sms').filter((m): m is SmsMessage => 'body' in m && m.body.includes(`ACK ${n!.ackCode}`));
  expect(sent).toHaveLength(1);
  expect(sent[0].body).toMatch(/^MISSING child ref K7Q2 \(episode E-4F7K\)/);
  expect(fitsOneSegment(sent[0].body)).toBe(true);
  expect(await row(n!.id)).toMatchObject({ status: 'sent', bodyText: sent[0].body, subject: null });
});

it('sends email with subject, text and HTML rendered from the data as queued, and keeps the subject and text as sent', async () => {
  const n = await app.db.dataSource.transaction((tx) => app.services.outbox.enqueue(tx, message('b', 'email')));
  expect(n).toMatchObject({ bodyText: null, subject: null });
  await app.services.dispatcher.drain();
  const sent = recorded('email').find((m) => 'messageId' in m && m.messageId.includes(n!.id)) as EmailMessage;
  expect(sent.subject).toBe('MISSING: child K7Q2, episode E-4F7K (High risk)');
  expect(sent.text).toContain('Episode reference: E-4F7K');
  expect(sent.html).toContain('<a href="http://localhost:3000/p/abcdefghijklmnopqrstuvwx">');
  expect(sent.html).toContain(`ACK ${n!.ackCode}`);
  expect(await row(n!.id)).toMatchObject({ status: 'sent', subject: sent.subject, bodyText: sent.text });
});

it('refuses a message whose template does not exist, and queues nothing of its batch', async () => {
  const missing = { ...message('no-template'), template: 'no-such-template' };
  await expect(
    app.db.dataSource.transaction((tx) => app.services.outbox.enqueueMany(tx, [message('with-missing'), missing])),
  ).rejects.toThrow(/no-such-template/);
  expect(await app.db.dataSource.getRepository(Notification).countBy({ dedupeKey: 'with-missing' })).toBe(0);
});

it('fails a message its template cannot be rendered from at once, without retrying it', async () => {
  // The template names childRef; data without it cannot be rendered now or on any retry.
  const broken = { ...message('unrenderable'), data: { episodeRef: 'E-BROKEN' } };
  const n = await app.db.dataSource.transaction((tx) => app.services.outbox.enqueue(tx, broken));
  await app.services.dispatcher.drain();
  expect(await row(n!.id)).toMatchObject({
    status: 'failed',
    attempts: 1,
    bodyText: null,
    lastError: expect.stringContaining('could not be written from its template missing-alert'),
  });
});

it('ignores a second message with the same dedupe key', async () => {
  const first = await app.db.dataSource.transaction((tx) => app.services.outbox.enqueue(tx, message('same')));
  const second = await app.db.dataSource.transaction((tx) => app.services.outbox.enqueue(tx, message('same')));
  expect(first).not.toBeNull();
  expect(second).toBeNull();
  expect(await app.db.dataSource.getRepository(Notification).countBy({ dedupeKey: 'same' })).toBe(1);
});

it('notifies listeners on commit and not on rollback', async () => {
  const wakeUps = await listenForWakeUps(app.db.url);
  await app.db.dataSource
    .transaction(async (tx) => {
      await app.services.outbox.enqueue(tx, message('rolled-back'));
      throw new Error('roll back');
    })
    .catch(() => undefined);
  await app.db.dataSource.transaction((tx) => app.services.outbox.enqueue(tx, message('committed')));
  expect(await wakeUps.stop()).toEqual(['']); // one wake-up (it carries nothing): the committed transaction's
  expect(await app.db.dataSource.getRepository(Notification).countBy({ dedupeKey: 'rolled-back' })).toBe(0);
});

it('stores every field as given, including text holding the separators rows travel with, a literal \\N and a delayed start', async () => {
  const notBefore = new Date(app.clock.now().getTime() + 3_600_000);
  const plain = {
    ...message('fields-plain', 'email'),
    fallbacks: [
      {
        channel: 'sms' as const,
        address: '+447700900201',
        recipientType: 'contact' as const,
        recipientId: null,
        recipientName: 'Police',
      },
    ],
  };
  const odd = {
    ...message('fields-odd'),
    notBefore,
    recipient: { type: 'contact' as const, id: null, name: 'Duty\u001fmanager \u001e\\N', address: '+447700900201' },
  };
  const literal = {
    ...message('fields-literal'),
    recipient: { type: 'contact' as const, id: null, name: '\\N', address: '+447700900201' },
  };
  const batches: OutboxMessage[][] = [
    [plain],
    [plain, odd, literal].map((m, i) => ({ ...m, dedupeKey: `${m.dedupeKey}-${i}` })),
  ];
  for (const batch of batches) {
    const ids = await app.db.dataSource.transaction((tx) => app.services.outbox.enqueueMany(tx, batch));
    const rows = await app.db.dataSource.getRepository(Notification).findBy(ids.map((id) => ({ id: id! })));
    const byKey = new Map(rows.map((r) => [r.dedupeKey ?? null, r]));
    for (const m of batch) {
      const row = byKey.get(m.dedupeKey ?? null)!;
      expect(row).toMatchObject({
        authorityId,
        channel: m.channel,
        template: 'missing-alert',
        status: 'queued',
        attempts: 0,
        needsAck: true,
        recipientName: m.recipient.name,
        address: m.recipient.address,
        data: alertData,
        fallbacks: m.fallbacks ?? [],
        episodeId: null,
        stepKey: null,
      });
      expect(row.nextAttemptAt).toEqual(m.notBefore ?? app.clock.now());
      expect(row.createdAt).toEqual(app.clock.now());
      expect(row.ackCode).toMatch(/^\d{4}$/);
    }
  }
});
