// The outbox contract: messages are rendered from templates, written in the caller's transaction,
// deduplicated by key, and announce themselves with pg_notify only when that transaction commits.
import { buildTestApp, TestApp } from '../support/app';
import { Notification } from '../../src/notifications/notification.entity';
import type { OutboxMessage } from '../../src/notifications/outbox';
import { LocalAuthority } from '../../src/authorities/local-authority.entity';
import { listenForWakeUps } from '../support/wake-ups';
import { fitsOneSegment } from '../../src/notifications/templates';
import type { RecordingProvider } from '../../src/notifications/providers/recording.provider';
import type { EmailMessage } from '../../src/notifications/providers/email.provider';

let app: TestApp;
let authorityId: string;
beforeAll(async () => {
  app = await buildTestApp();
  authorityId = (await app.db.dataSource.getRepository(LocalAuthority).findOneByOrFail({ code: 'DEMO' })).id;
});
afterAll(async () => { await app.close(); });

const alertData = { childRef: 'K7Q2', episodeRef: 'E-4F7K', lastSeen: '23 Nov 01:40', link: 'http://localhost:3000/p/abcdefghijklmnopqrstuvwx',
  authorityName: 'Demo Borough', riskLabel: 'High risk', discoveredAt: '23 Nov 2026 02:00', linkExpires: '30 Nov 2026' };

function message(dedupeKey: string, channel: 'sms' | 'email' = 'sms') {
  return { authorityId, dedupeKey, channel, template: 'missing-alert', data: alertData, needsAck: true,
    recipient: { type: 'contact' as const, id: null, name: 'Police control room', address: channel === 'sms' ? '+447700900201' : 'police@example.org' } };
}

it('renders an SMS that fits one segment and names no one', async () => {
  const n = await app.db.dataSource.transaction((tx) => app.services.outbox.enqueue(tx, message('a')));
  expect(n!.bodyText).toMatch(/^MISSING child ref K7Q2 \(episode E-4F7K\)/);
  expect(n!.bodyText).toContain(`Reply ACK ${n!.ackCode}`);
  expect(fitsOneSegment(n!.bodyText)).toBe(true);
  expect(n!.status).toBe('queued');
});

it('renders email with subject and text when queued, and the HTML part from the same data when sent', async () => {
  const n = await app.db.dataSource.transaction((tx) => app.services.outbox.enqueue(tx, message('b', 'email')));
  expect(n!.subject).toBe('MISSING: child K7Q2, episode E-4F7K (High risk)');
  expect(n!.bodyText).toContain('Episode reference: E-4F7K');
  await app.services.dispatcher.drain();
  const sent = (app.services.providers.email as RecordingProvider).recent.find((m) => 'messageId' in m && m.messageId.includes(n!.id)) as EmailMessage;
  expect(sent.html).toContain('<a href="http://localhost:3000/p/abcdefghijklmnopqrstuvwx">');
  expect(sent.html).toContain(`ACK ${n!.ackCode}`);
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
  await app.db.dataSource.transaction(async (tx) => {
    await app.services.outbox.enqueue(tx, message('rolled-back'));
    throw new Error('roll back');
  }).catch(() => undefined);
  const kept = await app.db.dataSource.transaction((tx) => app.services.outbox.enqueue(tx, message('committed')));
  expect(await wakeUps.stop()).toEqual([kept!.id]);
  expect(await app.db.dataSource.getRepository(Notification).countBy({ dedupeKey: 'rolled-back' })).toBe(0);
});

it('stores every field as given, including text holding the separators rows travel with, a literal \\N and a delayed start', async () => {
  const notBefore = new Date(app.clock.now().getTime() + 3_600_000);
  const plain = { ...message('fields-plain', 'email'), fallbacks: [{ channel: 'sms' as const, address: '+447700900201', recipientType: 'contact' as const, recipientId: null, recipientName: 'Police' }] };
  const odd = { ...message('fields-odd'), notBefore, recipient: { type: 'contact' as const, id: null, name: 'Duty\u001fmanager \u001e\\N', address: '+447700900201' } };
  const literal = { ...message('fields-literal'), recipient: { type: 'contact' as const, id: null, name: '\\N', address: '+447700900201' } };
  const batches: OutboxMessage[][] = [[plain], [plain, odd, literal].map((m, i) => ({ ...m, dedupeKey: `${m.dedupeKey}-${i}` }))];
  for (const batch of batches) {
    const ids = await app.db.dataSource.transaction((tx) => app.services.outbox.enqueueMany(tx, batch));
    const rows = await app.db.dataSource.getRepository(Notification).findBy(ids.map((id) => ({ id: id! })));
    const byKey = new Map(rows.map((r) => [r.dedupeKey ?? null, r]));
    for (const m of batch) {
      const row = byKey.get(m.dedupeKey ?? null)!;
      expect(row).toMatchObject({ authorityId, channel: m.channel, template: 'missing-alert', status: 'queued', attempts: 0, needsAck: true,
        recipientName: m.recipient.name, address: m.recipient.address, data: alertData, fallbacks: m.fallbacks ?? [], episodeId: null, stepKey: null });
      expect(row.nextAttemptAt).toEqual(m.notBefore ?? app.clock.now());
      expect(row.createdAt).toEqual(app.clock.now());
      expect(row.ackCode).toMatch(/^\d{4}$/);
    }
  }
});
