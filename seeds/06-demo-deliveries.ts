// Seed 06: a short delivery history in Demo Borough's outbox, so the delivery view and the failed
// list show something: a missing alert Twilio reported undelivered, its email fallback (delivered)
// and the duty manager's alert. Written as already handled, so nothing is sent.
import { LocalAuthority } from '../src/authorities/local-authority.entity';
import { Notification, NotificationEvent, NotificationStatus } from '../src/notifications/notification.entity';
import { renderEmail, renderSms } from '../src/notifications/templates';
import type { Clock } from '../src/platform/clock';
import type { Tx } from '../src/platform/database/transaction';
import { DEMO_DELIVERY_EPISODE_ID, DEMO_EPISODE_REFERENCE, demoContacts } from './demo-data';

const data = {
  childRef: 'H9PX',
  episodeRef: DEMO_EPISODE_REFERENCE,
  lastSeen: '23 Nov 01:40',
  link: 'http://localhost:3000/demo-link-expired',
  authorityName: 'Demo Borough',
  riskLabel: 'High risk',
  discoveredAt: '23 Nov 2026 02:00',
  linkExpires: '30 Nov 2026',
  ackCode: null,
};

export async function seedDemoDeliveries(tx: Tx, clock: Clock): Promise<void> {
  if (await tx.existsBy(Notification, { dedupeKey: 'demo:alert-sms' })) return;
  const demo = await tx.findOneByOrFail(LocalAuthority, { code: 'DEMO' });
  const [police, , , duty] = demoContacts.DEMO;
  // minutes after the demo episode was reported
  const at = new Date(clock.now().getTime() - 10 * 24 * 3_600_000 + 6 * 60_000);
  const base = {
    authorityId: demo.id,
    episodeId: DEMO_DELIVERY_EPISODE_ID,
    recipientType: 'contact' as const,
    recipientId: null,
    attempts: 1,
    needsAck: false,
    ackCode: null,
    fallbacks: [],
    nextAttemptAt: at,
    createdAt: at,
    updatedAt: at,
    sentAt: at,
    data,
  };
  const history = async (n: Notification, statuses: NotificationStatus[], detail: string | null = null) => {
    for (const status of statuses)
      await tx.insert(NotificationEvent, {
        notificationId: n.id,
        at,
        status,
        detail: status === statuses.at(-1) ? detail : null,
      });
  };

  const sms = await tx.save(
    Notification,
    tx.create(Notification, {
      ...base,
      stepKey: 'report#0',
      dedupeKey: 'demo:alert-sms',
      channel: 'sms',
      recipientName: police.name,
      address: police.mobile,
      template: 'missing-alert',
      bodyText: renderSms('missing-alert', data),
      status: 'undelivered',
      providerId: `SM${'e'.repeat(31)}1`,
      lastError: 'Twilio reported undelivered (error 30003)',
    }),
  );
  await history(sms, ['queued', 'sending', 'sent', 'undelivered'], 'Twilio reported undelivered (error 30003)');

  const email = renderEmail('missing-alert', data);
  const fallback = await tx.save(
    Notification,
    tx.create(Notification, {
      ...base,
      stepKey: 'report#0',
      dedupeKey: 'demo:alert-email',
      channel: 'email',
      recipientName: police.name,
      address: police.email,
      template: 'missing-alert',
      subject: email.subject,
      bodyText: email.text,
      bodyHtml: email.html,
      status: 'delivered',
      providerId: '<demo-alert-email@localhost>',
      fallbackOf: sms.id,
      deliveredAt: at,
    }),
  );
  await history(fallback, ['queued', 'sending', 'sent', 'delivered']);

  const dutyData = {
    recipientName: police.name,
    channel: 'SMS',
    fallback: `email to ${police.name}`,
    reason: 'Twilio reported undelivered (error 30003)',
    stepKey: 'report#0',
    ackCode: null,
  };
  const alert = await tx.save(
    Notification,
    tx.create(Notification, {
      ...base,
      stepKey: 'delivery-failed',
      dedupeKey: 'demo:duty-alert',
      channel: 'sms',
      recipientType: 'duty',
      recipientName: duty.name,
      address: duty.mobile,
      template: 'delivery-failed',
      bodyText: renderSms('delivery-failed', dutyData),
      status: 'sent',
      providerId: `SM${'e'.repeat(31)}2`,
      data: dutyData,
    }),
  );
  await history(alert, ['queued', 'sending', 'sent']);
}
